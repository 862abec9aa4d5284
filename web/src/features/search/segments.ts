import { formatPhone } from '../../components/PhoneNumber.js';

type Range = readonly [number, number];

/** One part of a subtitle ("Acme · dana@acme.com · +972…"), with the highlight ranges that fall in it. */
export interface Segment {
  text: string;
  ranges: [number, number][];
  /** A phone number, shown as Israelis write it and always left to right. */
  phone: boolean;
}

const separator = ' · ';
const e164 = /^\+\d{7,15}$/;

const digitsAt = (text: string) => [...text].flatMap((c, i) => (/\d/.test(c) ? [i] : []));

/**
 * The marks of a stored phone carried onto its display form: digits are matched from the end (the
 * national number is the tail of both "+972547651234" and "054-765-1234"), the prefix (+972 / 0) is
 * marked when any of the stored prefix is, and a mark runs on over the dashes between marked digits.
 */
function phoneSegment(raw: string, ranges: [number, number][]): Segment {
  const shown = formatPhone(raw);
  const rawDigits = digitsAt(raw);
  const shownDigits = digitsAt(shown);
  const marked = (i: number) => ranges.some(([s, e]) => i >= s && i < e);
  const common = Math.min(rawDigits.length, shownDigits.length);
  const on = new Set<number>();
  for (let k = 1; k <= common; k++) if (marked(rawDigits.at(-k)!)) on.add(shownDigits.at(-k)!);
  if (rawDigits.slice(0, rawDigits.length - common).some(marked)) shownDigits.slice(0, shownDigits.length - common).forEach((i) => on.add(i));
  const out: [number, number][] = [];
  for (const i of [...on].sort((a, b) => a - b)) {
    const last = out.at(-1);
    if (last && /^\D*$/.test(shown.slice(last[1], i))) last[1] = i + 1;
    else out.push([i, i + 1]);
  }
  return { text: shown, ranges: out, phone: true };
}

/** Cuts a subtitle at its " · " separators, each part with its own ranges (offsets from the part's start). */
export function splitSegments(text: string, ranges: readonly Range[]): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  for (const part of text.split(separator)) {
    const end = start + part.length;
    const inside = ranges
      .filter(([s, e]) => e > start && s < end)
      .map(([s, e]) => [Math.max(s, start) - start, Math.min(e, end) - start] as [number, number]);
    segments.push(e164.test(part) ? phoneSegment(part, inside) : { text: part, ranges: inside, phone: false });
    start = end + separator.length;
  }
  return segments;
}
