import { describe, expect, it } from 'vitest';
import { splitHighlights } from './highlight.js';
import { splitSegments } from './segments.js';

const marked = (segment: { text: string; ranges: [number, number][] }) =>
  splitHighlights(segment.text, segment.ranges)
    .filter((p) => p.marked)
    .map((p) => p.text);

describe('splitSegments', () => {
  it('cuts a subtitle at its separators and moves each mark into its part', () => {
    const text = 'כהן בע"מ · dana@cohen.co.il';
    const at = text.indexOf('cohen');
    const [company, email] = splitSegments(text, [[0, 3], [at, at + 5]]);
    expect(company).toEqual({ text: 'כהן בע"מ', ranges: [[0, 3]], phone: false });
    expect(email!.text).toBe('dana@cohen.co.il');
    expect(marked(email!)).toEqual(['cohen']);
  });

  it('shows an Israeli phone as written at home, with the matched digits marked across the dashes', () => {
    const text = 'Acme · +972547651234';
    const at = text.indexOf('+');
    // "054-765" was typed: the server marks the stored digits 5 4 7 6 5 (and the 972 the 0 stands for).
    const [, phone] = splitSegments(text, [[at + 1, at + 9]]);
    expect(phone!.phone).toBe(true);
    expect(phone!.text).toBe('054-765-1234');
    expect(marked(phone!)).toEqual(['054-765']);
  });

  it('marks the tail of a phone when only the end was typed, and keeps a foreign phone international', () => {
    const [ours] = splitSegments('+972547651234', [[9, 13]]);
    expect(marked(ours!)).toEqual(['1234']);
    const [foreign] = splitSegments('+12125550123', []);
    expect(foreign!.text).toBe('+1 212 555 0123');
    expect(foreign!.ranges).toEqual([]);
  });
});
