import { scanKeys, splitKeys } from './blocking.js';
import { eachCandidatePair, indexBlocks } from './blocks.js';
import { estimateSettings } from './estimate.js';
import { prepare, scorePair, type MatchFields, type MatchSettings } from './matcher.js';
import type { Reason } from './schema.js';

export interface ScoredPair {
  a: number;
  b: number;
  score: number;
  reasons: Reason[];
}

/** Blocks larger than this (a very common name and initial) are split by splitKeys; a part still larger is skipped. */
export const maxBlock = 100;

/**
 * The scan's core, shared by the product and the Febrl/Hebrew benches: blocking keys → candidate pairs
 * (each compared once: in the first block the two share) → scores ≥ minScore. Records are referred to
 * by their index in `records`.
 */
export function scorePairs(
  records: readonly MatchFields[],
  settings: MatchSettings,
  options: { minScore: number; skip?: (a: number, b: number) => boolean },
): { pairs: ScoredPair[]; compared: number; skippedBlocks: number; settings: MatchSettings } {
  const prepared = records.map(prepare);
  const index = indexBlocks(prepared.length, (i) => scanKeys(prepared[i]!), { maxBlock, narrower: (i) => splitKeys(prepared[i]!) });
  // m, u, the prior and name frequencies learnt from these records (the defaults for a small set).
  const scoring = estimateSettings(settings, prepared, index);
  const pairs: ScoredPair[] = [];
  let compared = 0;
  eachCandidatePair(index, (a, b) => {
    compared++;
    if (options.skip?.(a, b)) return;
    const { score, reasons } = scorePair(prepared[a]!, prepared[b]!, scoring);
    if (score >= options.minScore) pairs.push({ a, b, score, reasons });
  });
  return { pairs, compared, skippedBlocks: index.skippedBlocks, settings: scoring };
}

/** A connected component of the pairs: two or more records, the pairs that join them, the strongest score. */
export interface PairGroup {
  members: number[];
  pairs: ScoredPair[];
  score: number;
}

/** Connected components of the pairs (union–find), each with its own pairs, found in one pass over them. */
export function groupPairs(count: number, pairs: readonly ScoredPair[]): PairGroup[] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const { a, b } of pairs) parent[find(a)] = find(b);
  const groups = new Map<number, { members: Set<number>; pairs: ScoredPair[]; score: number }>();
  for (const pair of pairs) {
    const root = find(pair.a);
    let group = groups.get(root);
    if (!group) groups.set(root, (group = { members: new Set(), pairs: [], score: 0 }));
    group.members.add(pair.a).add(pair.b);
    group.pairs.push(pair);
    group.score = Math.max(group.score, pair.score);
  }
  return [...groups.values()].map((g) => ({ members: [...g.members], pairs: g.pairs, score: g.score }));
}
