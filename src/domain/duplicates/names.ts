import { normaliseText } from '../search/normalise.js';
import { tableTransliterations, transliterations } from '../search/transliterate.js';
import { jaroWinkler } from './jaro-winkler.js';
import { rememberPairs } from './memo.js';
import { nicknameForms, nicknameGroups } from './nicknames.js';

/** A name as the matcher compares it: the normalised words, and the forms it may also be written in. */
export interface NameForms {
  text: string;
  /** The name itself and its curated transliterations (כהן ↔ cohen): spellings of the same name. */
  forms: readonly string[];
  /** Rule-made spellings in the other script: close, not the same (compared by similarity only). */
  guesses: readonly string[];
  groups: ReadonlySet<number>;
}

const companySuffixes = /\s(ltd|limited|inc|llc|corp|co|gmbh|בעמ|בע מ|ltd co)$/u;

// A scan prepares a million records with a few thousand distinct names: each is worked out once and the
// same (read-only) object handed out again, which also lets compareNames remember answers by object.
const madeForms = new Map<string, NameForms | null>();

export function nameForms(raw: string | null | undefined, options: { given?: boolean; company?: boolean } = {}): NameForms | null {
  if (!raw) return null;
  const key = `${options.given ? 'g' : ''}${options.company ? 'c' : ''}\u0000${raw}`;
  const made = madeForms.get(key);
  if (made !== undefined) return made;
  if (madeForms.size > 100_000) madeForms.clear();
  const forms = makeNameForms(raw, options);
  madeForms.set(key, forms);
  return forms;
}

function makeNameForms(raw: string, options: { given?: boolean; company?: boolean }): NameForms | null {
  let text = normaliseText(raw);
  if (options.company) text = text.replace(companySuffixes, '').trim();
  if (!text) return null;
  const forms = new Set([text, ...wordForms(text, tableTransliterations)]);
  const guesses = wordForms(text, (w) => transliterations(w).slice(0, 6)).filter((g) => !forms.has(g));
  // The nickname groups list both scripts, so the name itself is looked up (not its transliterations,
  // which for a word of a multi-word name can be another name's: דוד → "ben" from בן דוד).
  const groups: ReadonlySet<number> = options.given ? nicknameGroups(text) : new Set();
  return { text, forms: [...forms].slice(0, 12), guesses: guesses.slice(0, 12), groups };
}

function wordForms(text: string, transliterate: (word: string) => string[]): string[] {
  // Transliterate word by word and keep whole-name forms only for one- and two-word names (bounded).
  const parts = text.split(' ');
  if (parts.length > 2) return [];
  const each = parts.map((w) => [w, ...transliterate(w).map((t) => normaliseText(t))].slice(0, 6));
  if (each.length === 1) return each[0]!;
  return each[0]!.flatMap((a) => each[1]!.map((b) => `${a} ${b}`));
}

export type NameAgreement = 'exact' | 'nickname' | 'transliteration' | 'similar' | 'different';

type Comparison = { agreement: NameAgreement; similarity: number };
const exact: Comparison = Object.freeze({ agreement: 'exact', similarity: 1 });
// Names repeat (a scan compares "cohen" with "kohen" millions of times), and nameForms hands out one
// object per name: answers are remembered by the two objects.
const compareKnown = rememberPairs(500_000, (a: NameForms, b: NameForms) => compareForms(a, b));

/** How two names agree, and the best Jaro–Winkler similarity over their forms. */
export function compareNames(a: NameForms, b: NameForms): Comparison {
  return a.text === b.text ? exact : compareKnown(a, b);
}

function compareForms(a: NameForms, b: NameForms): Comparison {
  for (const g of a.groups) if (b.groups.has(g)) return { agreement: 'nickname', similarity: 1 };
  const bForms = new Set(b.forms);
  if (a.forms.some((f) => bForms.has(f))) return { agreement: 'transliteration', similarity: 1 };
  let best = 0;
  for (const x of a.forms) for (const y of b.forms) best = Math.max(best, jaroWinkler(x, y));
  // Across scripts, a rule-made spelling is a guess: it can make names similar, never the same.
  for (const x of a.guesses) for (const y of b.forms) best = Math.max(best, Math.min(0.94, jaroWinkler(x, y)));
  for (const x of b.guesses) for (const y of a.forms) best = Math.max(best, Math.min(0.94, jaroWinkler(x, y)));
  return { agreement: best >= 0.88 ? 'similar' : 'different', similarity: best };
}

const initialsOf = new WeakMap<NameForms, readonly string[]>();

/** Forms of a given name for blocking: its transliterations and nicknames' first letters. */
export function givenInitials(name: NameForms | null): readonly string[] {
  if (!name) return [];
  let initials = initialsOf.get(name);
  if (!initials) initialsOf.set(name, (initials = findInitials(name)));
  return initials;
}

function findInitials(name: NameForms): string[] {
  const forms = new Set([...name.forms, ...name.guesses]);
  for (const form of name.forms) for (const nick of nicknameForms(form)) forms.add(nick);
  return [...new Set([...forms].map((f) => f[0]!))];
}
