/*
 * Where a typed search is in a shown text, for marking it in the list grid, whose rows carry no
 * ranges from the server. A light version of the engine's rules: niqqud, accents and geresh/quote
 * marks are skipped, case and Hebrew final letters fold (ך=כ …). A row found by a typo or a
 * transliteration simply shows no mark.
 */
const skipped = /[\p{M}\u05F3\u05F4'"`\u2018\u2019\u201C\u201D\u00AD\u200B-\u200F]/u;
const finals: Record<string, string> = { ך: 'כ', ם: 'מ', ן: 'נ', ף: 'פ', ץ: 'צ' };
const fold = (c: string) => finals[c] ?? c.toLowerCase();

/** The folded text, with the original [start, end) of each of its UTF-16 units. */
function mapFolded(text: string) {
  let folded = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const c of text) {
    const end = offset + c.length;
    // A mark belongs to the letter before it: a mark ending at that letter takes it along.
    if (/\p{M}/u.test(c) && to.length > 0 && to.at(-1) === offset) to[to.length - 1] = end;
    else if (!skipped.test(c)) {
      for (const unit of fold(c).normalize('NFD').replace(/\p{M}/gu, '')) {
        folded += unit;
        from.push(offset);
        to.push(end);
      }
    }
    offset = end;
  }
  return { folded, from, to };
}

const isWordStart = (folded: string, at: number) => at === 0 || !/[\p{L}\p{N}]/u.test(folded[at - 1]!);

/** [start, end) ranges (UTF-16, in `text`) of each word of `q`: at word starts when any word starts with it, else anywhere. */
export function matchRanges(text: string, q: string): [number, number][] {
  const { folded, from, to } = mapFolded(text);
  const needles = mapFolded(q).folded.split(/[^\p{L}\p{N}@.]+/u).filter(Boolean);
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    const found: number[] = [];
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) found.push(at);
    const starts = found.filter((at) => isWordStart(folded, at));
    for (const at of starts.length ? starts : found) ranges.push([from[at]!, to[at + needle.length - 1]!]);
  }
  return ranges;
}
