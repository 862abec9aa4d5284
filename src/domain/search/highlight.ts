/**
 * Highlight ranges of a result: where the query's words are in the ORIGINAL title or subtitle, as
 * UTF-16 offsets, found in the normalised text and mapped back. Pure functions.
 */
import { normaliseText } from './normalise.js';

export type Range = [number, number];

/**
 * The normalised text with, for each of its UTF-16 units, the [start, end) of the original code point
 * it came from. Each code point is normalised alone (NFKD, marks, folding and punctuation act per code
 * point), then spaces are collapsed and trimmed as normaliseText does.
 */
export function mappedNormalise(original: string): { text: string; from: number[]; to: number[] } {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let offset = 0;
  for (const c of original) {
    const end = offset + c.length;
    // A letter or digit keeps its normalised form; anything that normalises to nothing but is not
    // removed outright (punctuation, spaces) is a separator.
    const piece = normaliseText(`a${c}a`).slice(1, -1) || (normaliseText(c) === '' && normaliseText(`a${c}a`) === 'aa' ? '' : ' ');
    for (const unit of piece.split('')) {
      if (unit === ' ' && (text === '' || text.endsWith(' '))) continue;
      text += unit;
      from.push(offset);
      to.push(end);
    }
    offset = end;
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    from.pop();
    to.pop();
  }
  return { text, from, to };
}

/** Merges overlapping or touching ranges, in order. */
function merge(ranges: Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([...r]);
  }
  return out;
}

/**
 * Where the needles (normalised words or fragments) are in `original`: at word starts when
 * `wordStart`, anywhere otherwise. A phone needle (digits) is also looked for among the digits alone,
 * with a local 0 read as 972 and back.
 */
export function highlight(original: string | null, needles: readonly string[], wordStart: boolean): Range[] {
  if (!original) return [];
  const { text, from, to } = mappedNormalise(original);
  const ranges: Range[] = [];
  for (const needle of needles.filter(Boolean)) {
    let found = false;
    for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) {
      if (wordStart && i > 0 && text[i - 1] !== ' ') continue;
      ranges.push([from[i]!, to[i + needle.length - 1]!]);
      found = true;
    }
    if (!found && /^\d+$/.test(needle)) ranges.push(...digitRanges(original, needle));
  }
  return merge(ranges);
}

/** A digit needle among the digits of a phone as written ("+972 54-765…" holds "054765" and "97254765"). */
function digitRanges(original: string, needle: string): Range[] {
  const positions: number[] = [];
  let digits = '';
  for (let i = 0; i < original.length; i++) {
    if (/\d/.test(original[i]!)) {
      digits += original[i];
      positions.push(i);
    }
  }
  const forms = [needle];
  if (needle.startsWith('0')) forms.push(`972${needle.slice(1)}`);
  if (needle.startsWith('972')) forms.push(`0${needle.slice(3)}`);
  const ranges: Range[] = [];
  for (const form of forms) {
    const i = digits.indexOf(form);
    if (i !== -1) {
      // A 0 that stands for 972 highlights from the first digit after the country code.
      const first = form === needle || !needle.startsWith('0') ? i : i + 3;
      const start = positions[form.startsWith('0') && form !== needle ? i + 1 : first]!;
      ranges.push([start, positions[i + form.length - 1]! + 1]);
    }
  }
  return ranges.slice(0, 1);
}
