import { describe, expect, it } from 'vitest';
import { eachCandidatePair, indexBlocks } from './blocks.js';
import { defaultRules, settingsOf } from './defaults.js';
import { scorePairs } from './pairs.js';

const pairsOf = (keys: string[][], options: Parameters<typeof indexBlocks>[2]) => {
  const seen: string[] = [];
  eachCandidatePair(indexBlocks(keys.length, (i) => keys[i]!, options), (a, b) => seen.push(`${a}-${b}`));
  return seen.sort();
};

describe('candidate pairs', () => {
  it('visits each pair once however many blocks the two share', () => {
    const keys = [
      ['e:dana@x', 'p:+97254', 'n:cohen|d', 'n:kohen|d'],
      ['n:kohen|d', 'p:+97254', 'e:dana@x', 'n:cohen|d', 'n:cohen|d'],
      ['n:cohen|d', 'p:+97254'],
      ['n:levi|m'],
    ];
    expect(pairsOf(keys, { maxBlock: 100 })).toEqual(['0-1', '0-2', '1-2']);
  });

  it('still compares a pair in a small block when the lower key they share is a skipped big block', () => {
    // Key 'n:cohen|d' is seen first (lowest id) and is over maxBlock; records 0 and 1 also share an email.
    const keys = [['n:cohen|d', 'e:dana@x'], ['n:cohen|d', 'e:dana@x'], ['n:cohen|d'], ['n:cohen|d']];
    const index = indexBlocks(keys.length, (i) => keys[i]!, { maxBlock: 3 });
    expect(index.skippedBlocks).toBe(1);
    expect(pairsOf(keys, { maxBlock: 3 })).toEqual(['0-1']);
  });
});

describe('big blocks', () => {
  it('are split by the records\' narrower keys, and a part still too big is skipped', () => {
    const keys = [['n:cohen|d'], ['n:cohen|d'], ['n:cohen|d'], ['n:cohen|d'], ['n:cohen|d'], ['n:cohen|d'], ['n:cohen|d']];
    const narrower = ['s:herzl1', 's:herzl1', 's:weizmann2', 's:weizmann2', 's:alon3', 's:alon3', 's:alon3'];
    // Blocks of more than 2: the name block is split by street; Alon 3's part (3 records) stays too big.
    const index = indexBlocks(keys.length, (i) => keys[i]!, { maxBlock: 2, narrower: (i) => [narrower[i]!] });
    expect(index.skippedBlocks).toBe(1);
    expect(pairsOf(keys, { maxBlock: 2, narrower: (i) => [narrower[i]!] })).toEqual(['0-1', '2-3']);
    expect(pairsOf(keys, { maxBlock: 2 })).toEqual([]);
  });

  it('still find a copy among 150 namesakes when the street is the same and the city is in the other script', () => {
    const namesakes = Array.from({ length: 150 }, (_, i) => ({ firstName: 'Dana', lastName: 'Cohen', street: `Herzl ${i + 10}`, city: 'Tel Aviv' }));
    const records = [...namesakes, { firstName: 'דנה', lastName: 'כהן', street: 'Herzl 5', city: 'תל אביב' }, { firstName: 'Dana', lastName: 'Cohen', street: 'Herzl 5', city: 'Tel Aviv' }];
    const { pairs } = scorePairs(records, settingsOf(defaultRules('contact')), { minScore: 0.9 });
    expect(pairs.map((p) => `${p.a}-${p.b}`)).toContain('150-151');
  });
});
