import { normaliseText } from '../search/normalise.js';
import { tableTransliterations, transliterations } from '../search/transliterate.js';
import { jaroWinkler } from './jaro-winkler.js';
import { nicknameForms, nicknameGroups } from './nicknames.js';

/** A name as the matcher compares it: the normalised words, and the forms it may also be written in. */
export interface NameForms {
  text: string;
  /** The name itself and its curated transliterations (כהן ↔ cohen): spellings of the same name. */
  forms: string[];
  /** Rule-made spellings in the other script: close, not the same (compared by similarity only). */
  guesses: string[];
  groups: ReadonlySet<number>;
}

const companySuffixes = /\s(ltd|limited|inc|llc|corp|co|gmbh|בעמ|בע מ|ltd co)$/u;

export function nameForms(raw: string | null | undefined, options: { given?: boolean; company?: boolean } = {}): NameForms | null {
  let text = normaliseText(raw ?? '');
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
// Names repeat (a scan compares "cohen" with "kohen" thousands of times): remember recent answers.
const remembered = new Map<string, Comparison>();

/** How two names agree, and the best Jaro–Winkler similarity over their forms. */
export function compareNames(a: NameForms, b: NameForms): Comparison {
  if (a.text === b.text) return { agreement: 'exact', similarity: 1 };
  const key = `${a.text}\u0000${[...a.groups].join()}\u0000${b.text}\u0000${[...b.groups].join()}`;
  const known = remembered.get(key);
  if (known) return known;
  if (remembered.size > 200_000) remembered.clear();
  const result = compareForms(a, b);
  remembered.set(key, result);
  return result;
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

/** Forms of a given name for blocking: its transliterations and nicknames' first letters. */
export function givenInitials(name: NameForms | null): string[] {
  if (!name) return [];
  const forms = new Set([...name.forms, ...name.guesses]);
  for (const form of name.forms) for (const nick of nicknameForms(form)) forms.add(nick);
  return [...new Set([...forms].map((f) => f[0]!))];
}
