import { describe, expect, it } from 'vitest';
import { splitHighlights } from './highlight.js';
import { matchRanges } from './matchRanges.js';

const marked = (text: string, q: string) =>
  splitHighlights(text, matchRanges(text, q))
    .filter((p) => p.marked)
    .map((p) => p.text);

describe('matchRanges', () => {
  it('marks a word prefix in any case', () => {
    expect(marked('Dana Cohen', 'coh')).toEqual(['Coh']);
  });

  it('prefers word starts, and marks a fragment inside a word when no word starts with it', () => {
    expect(marked('Dana Danon', 'dan')).toEqual(['Dan', 'Dan']);
    expect(marked('Abramovich', 'mov')).toEqual(['mov']);
  });

  it('reads Hebrew through niqqud, final letters and geresh, marking the original letters', () => {
    expect(marked('גֶּרְשׁוֹן', 'גרשון')).toEqual(['גֶּרְשׁוֹן']);
    expect(marked('יוסי כהן', 'כהנ')).toEqual(['כהן']);
    expect(marked("ג'ורג' לוי", 'גורג')).toEqual(["ג'ורג"]);
  });

  it('marks each word of the search, and nothing when it is not there', () => {
    expect(marked('Noa Levi', 'levi noa')).toEqual(['Noa', 'Levi']);
    expect(marked('Noa Levi', 'cohen')).toEqual([]);
    expect(marked('Noa Levi', '  ')).toEqual([]);
  });

  it('reads through accents, written precomposed or not', () => {
    expect(marked('José Müller', 'jose muller')).toEqual(['José', 'Müller']);
    expect(marked('Jose\u0301 Mu\u0308ller', 'jose muller')).toEqual(['Jose\u0301', 'Mu\u0308ller']);
  });

  it('marks an email fragment', () => {
    expect(marked('dana.cohen@example.com', 'cohen@ex')).toEqual(['cohen@ex']);
  });
});
