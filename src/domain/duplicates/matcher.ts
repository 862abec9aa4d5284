import { jaroWinkler } from './jaro-winkler.js';
import { compareNames, type NameForms } from './names.js';
import type { Prepared } from './fields.js';
import type { DuplicateRule, Reason } from './schema.js';
import { defaultOrgNameWeight, defaultWeights, levelBits, orgPriorBits, priorBits } from './weights.js';

export { prepare, type MatchFields, type Prepared } from './fields.js';

/** The rules in force: which are on and their weights (bits at full agreement). */
export interface MatchSettings {
  rules: ReadonlyMap<DuplicateRule, { enabled: boolean; weight: number }>;
}

export interface PairScore {
  /** Probability (0..1) that the two records are one. */
  score: number;
  /** The rules that spoke for the pair, strongest first. */
  reasons: Reason[];
}

type Outcome = { bits: number; detail: string | null } | null;

const shared = (a: Set<string>, b: Set<string>) => [...a].find((v) => b.has(v));

function sets(a: Set<string>, b: Set<string>, level: { agree: number; disagree: number }): Outcome {
  if (a.size === 0 || b.size === 0) return null;
  const same = shared(a, b);
  return same ? { bits: level.agree, detail: same } : { bits: level.disagree, detail: null };
}

function nameBits(a: NameForms | null, b: NameForms | null, level: { agree: number; similar: number; disagree: number }) {
  if (!a || !b) return null;
  const { agreement, similarity } = compareNames(a, b);
  if (agreement === 'different') return { bits: level.disagree, how: null };
  if (agreement === 'similar') return { bits: level.similar * ((similarity - 0.88) / 0.12) + level.similar, how: 'similar' };
  return { bits: level.agree, how: agreement === 'exact' ? null : agreement };
}

function personName(a: Prepared, b: Prepared): Outcome {
  if (a.org || b.org) {
    const org = nameBits(a.org, b.org, levelBits.orgName);
    return org && { bits: org.bits, detail: org.bits > 0 ? `${a.org!.text} ≈ ${b.org!.text}` : null };
  }
  let last = nameBits(a.last, b.last, levelBits.lastName);
  let first = nameBits(a.first, b.first, levelBits.firstName);
  if (!last && !first) return null;
  // Given and family names swapped: counted as such when that agrees better, one bit less sure.
  const swappedLast = nameBits(a.first, b.last, levelBits.lastName);
  const swappedFirst = nameBits(a.last, b.first, levelBits.firstName);
  const total = (x: { bits: number } | null, y: { bits: number } | null) => (x?.bits ?? 0) + (y?.bits ?? 0);
  if (swappedLast && swappedFirst && total(swappedLast, swappedFirst) - 1 > total(last, first)) {
    last = { ...swappedLast, bits: swappedLast.bits - 1, how: 'swapped' };
    first = swappedFirst;
  }
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

function exactOrNear(a: string | null, b: string | null, level: { agree: number; near: number; disagree: number }, near: (a: string, b: string) => boolean): Outcome {
  if (!a || !b) return null;
  if (a === b) return { bits: level.agree, detail: a };
  if (near(a, b)) return { bits: level.near, detail: `${a} ≈ ${b}` };
  return { bits: level.disagree, detail: null };
}

function address(a: Prepared, b: Prepared): Outcome {
  let bits = 0;
  let detail: string | null = null;
  if (a.street && b.street) {
    const [x, y] = [a.street.replaceAll(' ', ''), b.street.replaceAll(' ', '')];
    const similarity = x === y ? 1 : jaroWinkler(x, y);
    bits += similarity === 1 ? levelBits.street.agree : similarity >= 0.9 ? levelBits.street.similar : levelBits.street.disagree;
    if (similarity >= 0.9) detail = a.street;
  }
  const placeA = a.postalCode ?? a.city?.text;
  const placeB = b.postalCode ?? b.city?.text;
  if (a.city && b.city) {
    const same = a.city.text === b.city.text || compareNames(a.city, b.city).similarity >= 0.92;
    bits += same ? levelBits.city.agree : levelBits.city.disagree;
    if (same) detail = detail ? `${detail}, ${a.city.text}` : a.city.text;
  } else if (placeA && placeB && placeA === placeB) {
    bits += levelBits.city.agree;
    detail = detail ?? placeA;
  }
  if (a.postalCode && b.postalCode && a.city && b.city) bits += a.postalCode === b.postalCode ? 1 : -0.5;
  if (!(a.street && b.street) && !(placeA && placeB)) return null;
  return { bits, detail: bits > 0 ? detail : null };
}

const comparisons: Record<DuplicateRule, (a: Prepared, b: Prepared) => Outcome> = {
  email: (a, b) => sets(a.emails, b.emails, levelBits.email),
  phone: (a, b) => sets(a.phones, b.phones, levelBits.phone),
  domain: (a, b) => sets(a.domains, b.domains, levelBits.domain),
  name: personName,
  company: (a, b) => {
    const ids = sets(a.companies, b.companies, levelBits.company);
    if (ids && ids.bits > 0) return ids;
    return sets(a.companyNames, b.companyNames, levelBits.company) ?? ids;
  },
  address,
  birthday: (a, b) => exactOrNear(a.birthday, b.birthday, levelBits.birthday, nearDate),
  nationalId: (a, b) => exactOrNear(a.nationalId, b.nationalId, levelBits.nationalId, oneSlip),
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
  let total = a.org || b.org ? orgPriorBits : priorBits;
  const reasons: Reason[] = [];
  const contactPoints: number[] = [];
  const household = givenNamesDiffer(a, b);
  for (const [rule, { enabled, weight }] of settings.rules) {
    if (!enabled) continue;
    const outcome = comparisons[rule](a, b);
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
