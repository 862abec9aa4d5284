import { describe, expect, it } from 'vitest';
import { eachCandidatePair, indexBlocks } from './blocks.js';

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
