import { jaroWinkler } from './jaro-winkler.js';
import { compareNames, type NameForms } from './names.js';
import type { Prepared } from './fields.js';
import type { DuplicateRule, Reason } from './schema.js';
import { defaultOrgNameWeight, defaultWeights, levelBits, orgPriorBits, priorBits, type Field, type Level, type LevelBits } from './weights.js';

export { prepare, type MatchFields, type Prepared } from './fields.js';

/** What a pair's evidence is weighed with: the hand-set defaults, or a scan's estimates (estimate.ts). */
export interface MatchParameters {
  bits: LevelBits;
  priorBits: number;
  orgPriorBits: number;
  /** Bits of agreeing on this very name (term frequency: a rare name says more than a common one). */
  nameBits?: { firstName: ReadonlyMap<string, number>; lastName: ReadonlyMap<string, number> };
}

export const defaultParameters: MatchParameters = { bits: levelBits, priorBits, orgPriorBits };

/** The rules in force: which are on and their weights (bits at full agreement). */
export interface MatchSettings {
  rules: ReadonlyMap<DuplicateRule, { enabled: boolean; weight: number }>;
  /** Set by a workspace scan from the workspace's records; the defaults otherwise. */
  parameters?: MatchParameters;
}

export interface PairScore {
  /** Probability (0..1) that the two records are one. */
  score: number;
  /** The rules that spoke for the pair, strongest first. */
  reasons: Reason[];
}

/** A field compared and the level it came out at: what estimation counts. */
export type Observation = readonly [Field, Level];

/** The parameters a comparison reads, and where it notes the levels it saw (when estimating). */
interface Tape {
  p: MatchParameters;
  seen: Observation[] | null;
}

type Outcome = { bits: number; detail: string | null } | null;

function level(t: Tape, field: Field, at: Level): number {
  t.seen?.push([field, at]);
  return (t.p.bits[field] as Partial<Record<Level, number>>)[at]!;
}

const shared = (a: Set<string>, b: Set<string>) => [...a].find((v) => b.has(v));

function sets(a: Set<string>, b: Set<string>, field: Field, t: Tape): Outcome {
  if (a.size === 0 || b.size === 0) return null;
  const same = shared(a, b);
  return same ? { bits: level(t, field, 'agree'), detail: same } : { bits: level(t, field, 'disagree'), detail: null };
}

type NameField = 'firstName' | 'lastName' | 'orgName';
type NameOutcome = { bits: number; how: string | null; field: NameField; at: Level } | null;

function nameBits(a: NameForms | null, b: NameForms | null, field: NameField, p: MatchParameters): NameOutcome {
  if (!a || !b) return null;
  const bits = p.bits[field];
  const { agreement, similarity } = compareNames(a, b);
  if (agreement === 'different') return { bits: bits.disagree, how: null, field, at: 'disagree' };
  if (agreement === 'similar') {
    // The closer the spelling, the more it says (up to twice the level's evidence at similarity 1).
    const scale = bits.similar > 0 ? 1 + (similarity - 0.88) / 0.12 : 1;
    return { bits: bits.similar * scale, how: 'similar', field, at: 'similar' };
  }
  return { bits: exactNameBits(a, b, agreement, field, p) ?? bits.agree, how: agreement === 'exact' ? null : agreement, field, at: 'agree' };
}

/** The term-frequency bits of one spelling of a name (of the commoner one when two spellings agree). */
function exactNameBits(a: NameForms, b: NameForms, agreement: string, field: NameField, p: MatchParameters) {
  const byName = field === 'orgName' ? undefined : p.nameBits?.[field];
  if (!byName || agreement === 'nickname') return undefined;
  const x = byName.get(a.text);
  const y = byName.get(b.text);
  return x === undefined || y === undefined ? (x ?? y) : Math.min(x, y);
}

function noted(t: Tape, outcome: NameOutcome): NameOutcome {
  if (outcome) t.seen?.push([outcome.field, outcome.at]);
  return outcome;
}

function personName(a: Prepared, b: Prepared, t: Tape): Outcome {
  if (a.org || b.org) {
    const org = noted(t, nameBits(a.org, b.org, 'orgName', t.p));
    return org && { bits: org.bits, detail: org.bits > 0 ? `${a.org!.text} ≈ ${b.org!.text}` : null };
  }
  let last = nameBits(a.last, b.last, 'lastName', t.p);
  let first = nameBits(a.first, b.first, 'firstName', t.p);
  if (!last && !first) return null;
  // Given and family names swapped: counted as such when that agrees better, one bit less sure.
  const swappedLast = nameBits(a.first, b.last, 'lastName', t.p);
  const swappedFirst = nameBits(a.last, b.first, 'firstName', t.p);
  const total = (x: { bits: number } | null, y: { bits: number } | null) => (x?.bits ?? 0) + (y?.bits ?? 0);
  if (swappedLast && swappedFirst && total(swappedLast, swappedFirst) - 1 > total(last, first)) {
    last = { ...swappedLast, bits: swappedLast.bits - 1, how: 'swapped' };
    first = swappedFirst;
  }
  noted(t, last);
  noted(t, first);
  const bits = (last?.bits ?? 0) + (first?.bits ?? 0);
  const hows = [...new Set([first?.how, last?.how].filter(Boolean))];
  const show = (p: Prepared) => [p.first?.text, p.last?.text].filter(Boolean).join(' ');
  return { bits, detail: bits > 0 ? `${show(a)} ≈ ${show(b)}${hows.length ? ` (${hows.join(', ')})` : ''}` : null };
}

/** One digit typed wrong, or two neighbours swapped. */
function oneSlip(a: string, b: string) {
  if (a.length !== b.length) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length && diffs.length <= 2; i++) if (a[i] !== b[i]) diffs.push(i);
  if (diffs.length === 1) return true;
  const [i, j] = diffs;
  return diffs.length === 2 && j === i! + 1 && a[i!] === b[j] && a[j] === b[i!];
}

/** A date with one slip, or with day and month swapped (YYYY-MM-DD). */
const nearDate = (a: string, b: string) =>
  oneSlip(a, b) || (a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7));

function exactOrNear(a: string | null, b: string | null, field: 'birthday' | 'nationalId', near: (a: string, b: string) => boolean, t: Tape): Outcome {
  if (!a || !b) return null;
  if (a === b) return { bits: level(t, field, 'agree'), detail: a };
  if (near(a, b)) return { bits: level(t, field, 'near'), detail: `${a} ≈ ${b}` };
  return { bits: level(t, field, 'disagree'), detail: null };
}

function address(a: Prepared, b: Prepared, t: Tape): Outcome {
  let bits = 0;
  let detail: string | null = null;
  if (a.street && b.street) {
    const [x, y] = [a.street.replaceAll(' ', ''), b.street.replaceAll(' ', '')];
    const similarity = x === y ? 1 : jaroWinkler(x, y);
    bits += level(t, 'street', similarity === 1 ? 'agree' : similarity >= 0.9 ? 'similar' : 'disagree');
    if (similarity >= 0.9) detail = a.street;
  }
  const placeA = a.postalCode ?? a.city?.text;
  const placeB = b.postalCode ?? b.city?.text;
  if (a.city && b.city) {
    const same = a.city.text === b.city.text || compareNames(a.city, b.city).similarity >= 0.92;
    bits += level(t, 'city', same ? 'agree' : 'disagree');
    if (same) detail = detail ? `${detail}, ${a.city.text}` : a.city.text;
  } else if (placeA && placeB && placeA === placeB) {
    bits += level(t, 'city', 'agree');
    detail = detail ?? placeA;
  }
  if (a.postalCode && b.postalCode && a.city && b.city) bits += a.postalCode === b.postalCode ? 1 : -0.5;
  if (!(a.street && b.street) && !(placeA && placeB)) return null;
  return { bits, detail: bits > 0 ? detail : null };
}

const comparisons: Record<DuplicateRule, (a: Prepared, b: Prepared, t: Tape) => Outcome> = {
  email: (a, b, t) => sets(a.emails, b.emails, 'email', t),
  phone: (a, b, t) => sets(a.phones, b.phones, 'phone', t),
  domain: (a, b, t) => sets(a.domains, b.domains, 'domain', t),
  name: personName,
  company: (a, b, t) => {
    // Company ids first, else company names: one observation either way.
    const ids = a.companies.size && b.companies.size ? shared(a.companies, b.companies) : undefined;
    if (ids) return sets(a.companies, b.companies, 'company', t);
    return sets(a.companyNames, b.companyNames, 'company', t) ?? sets(a.companies, b.companies, 'company', t);
  },
  address,
  birthday: (a, b, t) => exactOrNear(a.birthday, b.birthday, 'birthday', nearDate, t),
  nationalId: (a, b, t) => exactOrNear(a.nationalId, b.nationalId, 'nationalId', oneSlip, t),
};

const sharedByHouseholds = new Set<DuplicateRule>(['email', 'phone', 'address']);

function givenNamesDiffer(a: Prepared, b: Prepared) {
  if (!a.first || !b.first) return false;
  const direct = compareNames(a.first, b.first).agreement;
  if (direct !== 'different') return false;
  // Swapped given and family names are not different people.
  return !(a.last && b.last && compareNames(a.first, b.last).agreement !== 'different' && compareNames(a.last, b.first).agreement !== 'different');
}

const defaultWeight = (rule: DuplicateRule, a: Prepared) => (rule === 'name' && a.org ? defaultOrgNameWeight : defaultWeights[rule]);

/**
 * Scores a pair: each enabled rule adds its evidence (scaled by the workspace's weight for it), the sum
 * with the prior is the log-odds of one record. Reasons list the rules that spoke for the pair.
 */
export function scorePair(a: Prepared, b: Prepared, settings: MatchSettings): PairScore {
  const p = settings.parameters ?? defaultParameters;
  const t: Tape = { p, seen: null };
  let total = a.org || b.org ? p.orgPriorBits : p.priorBits;
  const reasons: Reason[] = [];
  const contactPoints: number[] = [];
  const household = givenNamesDiffer(a, b);
  for (const [rule, { enabled, weight }] of settings.rules) {
    if (!enabled) continue;
    const outcome = comparisons[rule](a, b, t);
    if (!outcome) continue;
    const bits = outcome.bits * (weight / defaultWeight(rule, a));
    if (household && bits > 0 && sharedByHouseholds.has(rule)) contactPoints.push(bits);
    else total += bits;
    if (bits > 0) reasons.push({ rule, detail: outcome.detail, weight: Math.round(bits * 10) / 10 });
  }
  // Relatives share a home phone, an address, even an email, so with different given names these are
  // one piece of evidence, not independent ones: only the strongest counts.
  if (contactPoints.length > 0) total += Math.max(...contactPoints);
  reasons.sort((x, y) => y.weight - x.weight);
  return { score: Math.round((1 / (1 + 2 ** -total)) * 10000) / 10000, reasons };
}

/** The levels the enabled rules see on a pair, for estimating m and u (hand-set parameters decide ties). */
export function observePair(a: Prepared, b: Prepared, settings: MatchSettings): Observation[] {
  const t: Tape = { p: defaultParameters, seen: [] };
  for (const [rule, { enabled }] of settings.rules) if (enabled) comparisons[rule](a, b, t);
  return t.seen!;
}
