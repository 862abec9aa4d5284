import { describe, expect, it } from 'vitest';
import { splitHighlights } from './highlight.js';

describe('splitHighlights', () => {
  it('marks the ranges and keeps the rest as it is', () => {
    expect(splitHighlights('Dana Cohen', [[5, 8]])).toEqual([
      { text: 'Dana ', marked: false },
      { text: 'Coh', marked: true },
      { text: 'en', marked: false },
    ]);
  });

  it('marks a Hebrew fragment by UTF-16 offsets, niqqud included', () => {
    const name = 'גֶּרְשׁוֹן כהן';
    const parts = splitHighlights(name, [[name.indexOf('כהן'), name.length]]);
    expect(parts).toEqual([
      { text: 'גֶּרְשׁוֹן ', marked: false },
      { text: 'כהן', marked: true },
    ]);
  });

  it('merges overlapping and touching ranges and sorts them', () => {
    expect(splitHighlights('abcdef', [[3, 5], [0, 2], [1, 3]])).toEqual([
      { text: 'abcde', marked: true },
      { text: 'f', marked: false },
    ]);
  });

  it('ignores empty, reversed and out-of-text ranges without throwing', () => {
    expect(splitHighlights('abc', [[2, 2], [3, 1], [10, 12], [-4, 1]])).toEqual([
      { text: 'a', marked: true },
      { text: 'bc', marked: false },
    ]);
    expect(splitHighlights('', [[0, 3]])).toEqual([]);
  });
});
