import { describe, expect, it } from 'vitest';
import { likelihoodOf, mergeReasons, percentOf, reasonKey } from './reasons.js';

describe('duplicate reasons in words', () => {
  it('names a known rule by its own key and any other rule as another match', () => {
    expect(reasonKey('email')).toBe('duplicates.reasons.email');
    expect(reasonKey('tax_id')).toBe('duplicates.reasons.other');
  });

  it('says likely for a blocking candidate and possible for a warning, whatever the score', () => {
    expect(likelihoodOf({ score: 0.5, level: 'block' })).toBe('likely');
    expect(likelihoodOf({ score: 0.99, level: 'warn' })).toBe('possible');
  });

  it('says a scanned group by its score', () => {
    expect(likelihoodOf({ score: 0.9 })).toBe('likely');
    expect(likelihoodOf({ score: 0.6 })).toBe('possible');
  });

  it('keeps percentages between 0 and 100, saying 100 only for a certain match', () => {
    expect(percentOf(0.926)).toBe(92);
    expect(percentOf(0.995)).toBe(99);
    expect(percentOf(1)).toBe(100);
    expect(percentOf(1.2)).toBe(100);
    expect(percentOf(-1)).toBe(0);
  });

  it('merges the reasons of a group one per rule, strongest first', () => {
    const merged = mergeReasons([
      [{ rule: 'name', detail: 'Dana', weight: 0.3 }],
      [
        { rule: 'email', detail: 'dana@example.com', weight: 0.6 },
        { rule: 'name', detail: null, weight: 0.4 },
      ],
    ]);
    expect(merged).toEqual([
      { rule: 'email', detail: 'dana@example.com', weight: 0.6 },
      { rule: 'name', detail: 'Dana', weight: 0.4 },
    ]);
  });
});
