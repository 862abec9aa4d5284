/**
 * Hebrew ↔ Latin transliteration of names, for search and the duplicate matcher: a curated table of
 * Israeli names (transliterate-names.ts) and, for a name not in it, spelling rules. Pure functions;
 * words in and out are normalised (normaliseText).
 */
import { normaliseText } from './normalise.js';
import { nameTable } from './transliterate-names.js';

const hebrewToLatin = new Map<string, Set<string>>();
const latinToHebrew = new Map<string, Set<string>>();
const add = (map: Map<string, Set<string>>, key: string, value: string) => {
  if (!map.has(key)) map.set(key, new Set());
  map.get(key)!.add(value);
};
for (const line of nameTable.split('\n')) {
  const [he, en] = line.split('=');
  if (!he || !en) continue;
  // Spaces separate variants ("אהרון אהרן=aharon aaron"); a multi-word name ("בן דוד" = "ben david") would
  // read as variants of each other, so the table has none: their words are matched one by one.
  const hebrew = he.split(' ').filter(Boolean).map(normaliseText);
  for (const h of hebrew) {
    for (const l of en.split(' ').filter(Boolean).map(normaliseText)) {
      add(hebrewToLatin, h, l);
      add(latinToHebrew, l, h);
    }
  }
}

const isHebrew = (w: string) => /^[\u05D0-\u05EA]+$/.test(w);
const isLatin = (w: string) => /^[a-z]+$/.test(w);
const maxRuleForms = 12;

/** Every combination of the alternatives of each position, at most `max`, in order of preference. */
function combine(parts: readonly (readonly string[])[], max: number): string[] {
  let out = [''];
  for (const alternatives of parts) {
    const next: string[] = [];
    for (const prefix of out) for (const a of alternatives) if (next.length < max) next.push(prefix + a);
    out = next;
  }
  return out;
}

const latinDigraphs: Record<string, string[]> = { sh: ['ש'], ch: ['ח', 'כ'], kh: ['ח', 'כ'], tz: ['צ'], ts: ['צ'], th: ['ת'], ph: ['פ'], zh: ['ז'] };
const latinLetters: Record<string, string[]> = {
  b: ['ב'], c: ['כ', 'ק'], d: ['ד'], f: ['פ'], g: ['ג'], h: ['ה', 'ח'], j: ['ג', 'י'], k: ['כ', 'ק'], l: ['ל'], m: ['מ'], n: ['נ'],
  p: ['פ'], q: ['ק'], r: ['ר'], s: ['ס', 'ש'], t: ['ת', 'ט'], v: ['ב', 'ו'], w: ['ו'], x: ['קס'], z: ['ז'],
};

/** A Latin name written in Hebrew letters by rule ("dana" → "דנה", "rosen" → "רוזנ"). */
function latinRules(word: string): string[] {
  const w = word.replace(/(.)\1+/g, '$1');
  const parts: string[][] = [];
  for (let i = 0; i < w.length; i++) {
    const c = w[i]!;
    const first = i === 0;
    const last = i === w.length - 1;
    const digraph = latinDigraphs[w.slice(i, i + 2)];
    if (digraph) {
      parts.push(w.slice(i) === 'ch' ? [...digraph, 'צ'] : digraph);
      i++;
    } else if ('aeiouy'.includes(c)) {
      if (c === 'y' && !last) parts.push(['י']);
      else if (first) parts.push(c === 'o' || c === 'u' ? ['או'] : c === 'i' ? ['אי'] : ['א']);
      else if (c === 'o' || c === 'u') parts.push(['ו']);
      else if (c === 'i' || c === 'y') parts.push(['י']);
      else if (last && c === 'a') parts.push(['ה', 'א']);
      else if (last) parts.push(['', 'ה']);
      else parts.push(['']);
    } else if (latinLetters[c]) parts.push(latinLetters[c]);
  }
  return combine(parts, maxRuleForms).filter((h) => h.length >= 2);
}

const hebrewLetters: Record<string, string[]> = {
  א: [''], ב: ['v', 'b'], ג: ['g'], ד: ['d'], ה: ['h'], ז: ['z'], ח: ['ch', 'h'], ט: ['t'], כ: ['k', 'ch'], ל: ['l'], מ: ['m'],
  נ: ['n'], ס: ['s'], ע: [''], פ: ['p', 'f'], צ: ['tz', 'ts'], ק: ['k'], ר: ['r'], ש: ['sh', 's'], ת: ['t'],
};

/** A Hebrew name written in Latin letters by rule: ו and י as vowels, a or e between consonants ("דנה" → "dana"). */
function hebrewRules(word: string): string[] {
  const letters = [...word];
  const out = new Set<string>();
  for (const vowel of ['a', 'e']) {
    const parts: string[][] = [];
    let previousConsonant = false;
    letters.forEach((c, i) => {
      const first = i === 0;
      const last = i === letters.length - 1;
      if (c === 'ו' && !first) {
        parts.push(['o', 'u', 'v']);
        previousConsonant = false;
      } else if (c === 'י' && !first) {
        parts.push(last ? ['i', 'y'] : ['i', 'y', 'ei']);
        previousConsonant = false;
      } else if ((c === 'א' || c === 'ע') && first) {
        parts.push(['a', 'e', 'o', 'i']);
        previousConsonant = false;
      } else if (c === 'ה' && last) {
        parts.push(previousConsonant ? [vowel, `${vowel}h`] : ['', 'h']);
        previousConsonant = false;
      } else {
        const sound = c === 'ו' ? ['v'] : c === 'י' ? ['y'] : (hebrewLetters[c] ?? ['']);
        parts.push(previousConsonant ? sound.map((s) => vowel + s) : sound);
        previousConsonant = !(c === 'א' || c === 'ע');
      }
    });
    for (const form of combine(parts, maxRuleForms)) if (form.length >= 2) out.add(form);
  }
  return [...out];
}

/**
 * The spellings of a normalised name word in the other script: the table's, then the rules' ones
 * (the table first, so callers that cap the list keep the curated forms). Empty for other words.
 */
export function transliterations(word: string): string[] {
  if (isHebrew(word)) return [...new Set([...(hebrewToLatin.get(word) ?? []), ...hebrewRules(word)])];
  if (isLatin(word)) return [...new Set([...(latinToHebrew.get(word) ?? []), ...latinRules(word)])];
  return [];
}

/** Only the curated table's spellings (no rules): what the duplicate matcher may treat as the same name. */
export function tableTransliterations(word: string): string[] {
  return [...(hebrewToLatin.get(word) ?? latinToHebrew.get(word) ?? [])];
}
