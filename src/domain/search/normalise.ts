/**
 * Search normalisation, shared by the search engine and the duplicate matcher. Pure functions, no
 * database: `kesher_norm(text)` in migration 0008 is the SQL twin of `normaliseText` and must give the
 * same output for every input (normalise-sql.test.ts checks a corpus). Both are written as the same
 * steps over explicit character ranges, so neither depends on the database's locale.
 */

/** Hebrew punctuation that separates words: maqaf, paseq, sof pasuq, nun hafukha. */
const hebrewSeparators = /[\u05BE\u05C0\u05C3\u05C6]/gu;
/**
 * Removed without a trace: combining marks (Latin accents after NFKD, Hebrew niqqud and cantillation,
 * Arabic harakat), geresh/gershayim and quote marks (ג׳ = ג' = ג), soft hyphen, zero-width and bidi controls.
 */
const removed =
  // eslint-disable-next-line no-misleading-character-class -- the class lists combining marks on purpose, to remove them
  /[\u0300-\u036F\u0483-\u0489\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F\u05F3\u05F4'"`\u2018\u2019\u201C\u201D\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]/gu;
/** Upper → lower case and Hebrew final letters → plain ones, as one table (SQL: translate()). */
export const foldFrom =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZÆÐØÞĐĦŁŊŒŦАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁЄІЇЎΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩךםןףץ';
export const foldTo =
  'abcdefghijklmnopqrstuvwxyzæðøþđħłŋœŧабвгдежзийклмнопрстуфхцчшщъыьэюяёєіїўαβγδεζηθικλμνξοπρστυφχψωכמנפצ';
const fold = new Map([...foldFrom].map((c, i) => [c, [...foldTo][i]!]));
/** Everything that is not a letter or digit of these scripts becomes a space. */
const nonWord = /[^0-9a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF\u05D0-\u05F2\u0620-\u064A\u0660-\u0669\u066E-\u06D3]+/gu;

/**
 * The form every searchable text is compared in: NFKD; niqqud, cantillation, accents, geresh and quote
 * marks removed; maqaf and other punctuation → space; lower case; final letters → plain; spaces collapsed.
 */
export function normaliseText(s: string): string {
  const stripped = s.normalize('NFKD').replace(hebrewSeparators, ' ').replace(removed, '');
  let folded = '';
  for (const c of stripped) folded += fold.get(c) ?? c;
  return folded.replace(nonWord, ' ').replace(/ +/g, ' ').trim();
}

/** The normalised words of a text. */
export const words = (s: string): string[] => {
  const n = normaliseText(s);
  return n ? n.split(' ') : [];
};

/** The digit forms a stored E.164 phone is found by: local ("0547651234") and international ("972547651234"). */
export function phoneDigitForms(e164: string): string[] {
  const digits = e164.replace(/\D/g, '');
  if (!digits) return [];
  if (digits.startsWith('972')) return [`0${digits.slice(3)}`, digits];
  return [digits];
}

/** The digits of a query that looks like a phone ("+972 54 765" → "97254765", "054-765" → "054765"), else null. */
export function queryDigits(q: string): string | null {
  if (!/^[\d\s\-+().]+$/.test(q.trim())) return null;
  const digits = q.replace(/\D/g, '');
  return digits.length >= 2 ? digits : null;
}

/** Hebrew letters that can be prefixed to a word: ו ה ב ל מ ש כ. */
const prefixLetters = new Set(['ו', 'ה', 'ב', 'ל', 'מ', 'ש', 'כ']);
/** Two-letter prefix combinations seen in practice ("וה", "שה", "וב", "מה", "כש"…). */
const prefixPairs = new Set(['וה', 'וב', 'ול', 'ומ', 'וש', 'וכ', 'שה', 'שב', 'של', 'שמ', 'שכ', 'מה', 'בה', 'לה', 'כש', 'כשה', 'מש', 'לכ']);

/**
 * The words a normalised Hebrew word may be with a prefix removed: one letter of ו ה ב ל מ ש כ, or a
 * common two-letter combination, when at least 2 letters remain ("לכהן" → ["כהן"], "והכהן" → ["הכהן", "כהן"]).
 * The word itself is not included.
 */
export function hebrewPrefixVariants(word: string): string[] {
  const letters = [...word];
  const out: string[] = [];
  if (letters.length >= 3 && prefixLetters.has(letters[0]!)) out.push(letters.slice(1).join(''));
  for (const len of [2, 3]) {
    if (letters.length >= len + 2 && prefixPairs.has(letters.slice(0, len).join(''))) out.push(letters.slice(len).join(''));
  }
  return [...new Set(out)];
}
