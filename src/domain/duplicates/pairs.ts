import { scanKeys } from './blocking.js';
import { estimateSettings } from './estimate.js';
import { prepare, scorePair, type MatchFields, type MatchSettings } from './matcher.js';
import type { Reason } from './schema.js';

export interface ScoredPair {
  a: number;
  b: number;
  score: number;
  reasons: Reason[];
}

/** Blocks larger than this are not paired (a very common name and initial): email and phone blocks still are. */
export const maxBlock = 100;

/**
 * The scan's core, shared by the product and the Febrl/Hebrew benches: blocking keys → candidate pairs
 * (each compared once) → scores ≥ minScore. Records are referred to by their index in `records`.
 */
export function scorePairs(
  records: readonly MatchFields[],
  settings: MatchSettings,
  options: { minScore: number; skip?: (a: number, b: number) => boolean },
): { pairs: ScoredPair[]; compared: number; skippedBlocks: number; settings: MatchSettings } {
  const prepared = records.map(prepare);
  const blocks = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    for (const key of new Set(scanKeys(p))) {
      const block = blocks.get(key);
      if (block) block.push(i);
      else blocks.set(key, [i]);
    }
  });
  // m, u, the prior and name frequencies learnt from these records (the defaults for a small set).
  const scoring = estimateSettings(settings, prepared, blocks, maxBlock);
  const seen = new Set<number>();
  const pairs: ScoredPair[] = [];
  let skippedBlocks = 0;
  const n = records.length;
  for (const block of blocks.values()) {
    if (block.length < 2) continue;
    if (block.length > maxBlock) {
      skippedBlocks++;
      continue;
    }
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const a = Math.min(block[x]!, block[y]!);
        const b = Math.max(block[x]!, block[y]!);
        const id = a * n + b;
        if (a === b || seen.has(id)) continue;
        seen.add(id);
        if (options.skip?.(a, b)) continue;
        const { score, reasons } = scorePair(prepared[a]!, prepared[b]!, scoring);
        if (score >= options.minScore) pairs.push({ a, b, score, reasons });
      }
    }
  }
  return { pairs, compared: seen.size, skippedBlocks, settings: scoring };
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
