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

/** Connected components of the pairs (union–find): each a group of two or more records. */
export function groupPairs(count: number, pairs: readonly ScoredPair[]): number[][] {
  const parent = Array.from({ length: count }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  for (const { a, b } of pairs) parent[find(a)] = find(b);
  const groups = new Map<number, Set<number>>();
  for (const { a, b } of pairs) {
    for (const i of [a, b]) {
      const root = find(i);
      groups.set(root, (groups.get(root) ?? new Set()).add(i));
    }
  }
  return [...groups.values()].map((g) => [...g]);
}
