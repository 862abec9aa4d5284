import { firstSharedKey, type BlockIndex } from './blocks.js';
import { defaultParameters, observePair, type MatchParameters, type MatchSettings, type Observation, type Prepared } from './matcher.js';
import { bitsOf, levels, type LevelProbabilities } from './weights.js';

/**
 * Learns the matcher's parameters from the records being scanned, unsupervised, as Splink does:
 * u (chance agreement) from random pairs, m and the prior by EM over the blocked candidate pairs
 * (u fixed), and term-frequency bits for agreeing on a given first or last name.
 */
export interface EstimateOptions {
  /** Below this many records the estimates are too noisy: the hand-set defaults stay. */
  minRecords: number;
  randomPairs: number;
  /** EM runs on a uniform sample of this many distinct candidate pairs at most. */
  candidatePairs: number;
  iterations: number;
  /** A level seen fewer times than this among random pairs keeps its hand-set u. */
  minCount: number;
  seed: number;
}

export const estimateDefaults = {
  minRecords: 500,
  randomPairs: 40_000,
  candidatePairs: 100_000,
  iterations: 25,
  minCount: 5,
  seed: 1,
} satisfies EstimateOptions;

/** Pseudo-pairs pulling each m towards its hand-set value: a level EM rarely sees stays near it. */
const pseudoPairs = 20;
const clampM = (m: number) => Math.min(0.999, Math.max(0.001, m));
/** A name's frequency is floored: one record in ten thousand is as rare as a name counts. */
const minNameFrequency = 1e-4;

type Counts = Map<string, number>;
const keyOf = ([field, level]: Observation) => `${field}.${level}`;

/** A small seeded generator (mulberry32), so a scan's estimates are repeatable. */
export function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = Math.imul(s ^ (s >>> 15), 1 | s);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Settings with estimated parameters, or the settings as they are when the workspace is too small. */
export function estimateSettings(
  settings: MatchSettings,
  prepared: readonly Prepared[],
  index: BlockIndex,
  options: Partial<EstimateOptions> = {},
): MatchSettings {
  const o = { ...estimateDefaults, ...options };
  if (settings.parameters || prepared.length < o.minRecords) return settings;
  const next = random(o.seed);
  const n = prepared.length;
  const observe = ([a, b]: readonly [number, number]) => observePair(prepared[a]!, prepared[b]!, settings).map(keyOf);
  const chance = randomPairs(n, o.randomPairs, next).map(observe);
  const candidates = sampleCandidates(index, o.candidatePairs, next);
  if (candidates.pairs.length < 50) return settings;
  const observed = candidates.pairs.map(observe);
  const em = { iterations: o.iterations, allPairs: (n * (n - 1)) / 2, candidatePairs: candidates.distinct };
  const first = estimateM(observed, countU(chance, null, o.minCount), em);
  // Random pairs include a few matches (many in a set that is 40% copies): counted out, u is the
  // chance agreement of different people, and EM runs once more with it.
  const notMatches = chance.map((pair) => 1 - matchProbability(pair, first.m, first.u, first.matchShare));
  const { m, u, matchShare } = estimateM(observed, countU(chance, notMatches, o.minCount), em);
  const probabilities = table(m, u);
  const prior = clampBits(Math.log2(matchShare / (1 - matchShare)), -30, -2);
  const parameters: MatchParameters = {
    bits: bitsOf(probabilities),
    priorBits: prior,
    orgPriorBits: prior,
    nameBits: { firstName: nameBits(prepared, 'first', m.get('firstName.agree')!), lastName: nameBits(prepared, 'last', m.get('lastName.agree')!) },
  };
  return { ...settings, parameters };
}

const clampBits = (x: number, low: number, high: number) => Math.min(high, Math.max(low, x));

function randomPairs(n: number, count: number, next: () => number): [number, number][] {
  return Array.from({ length: count }, () => {
    const a = Math.floor(next() * n);
    const b = Math.floor(next() * (n - 1));
    return [a, b >= a ? b + 1 : b];
  });
}

/** Each level's hand-set m or u, by "field.level". */
const handSet = (which: 0 | 1) => new Map(Object.entries(levels).flatMap(([field, byLevel]) => Object.entries(byLevel).map(([level, mu]) => [`${field}.${level}`, mu[which]] as const)));

/** u of each level: its (weighted) share among random pairs, hand-set when seen too rarely to count. */
export function countU(observed: readonly string[][], weights: readonly number[] | null, minCount: number): Map<string, number> {
  const counts: Counts = new Map();
  observed.forEach((pair, i) => {
    for (const key of pair) {
      const w = weights ? weights[i]! : 1;
      counts.set(key, (counts.get(key) ?? 0) + w);
      counts.set(fieldOf(key), (counts.get(fieldOf(key)) ?? 0) + w);
    }
  });
  const u = handSet(1);
  for (const key of u.keys()) {
    const count = counts.get(key) ?? 0;
    if (count >= minCount) u.set(key, Math.min(0.9999, count / counts.get(fieldOf(key))!));
  }
  return u;
}

const fieldOf = (key: string) => key.slice(0, key.indexOf('.'));

function matchProbability(pair: readonly string[], m: ReadonlyMap<string, number>, u: ReadonlyMap<string, number>, share: number) {
  let bits = Math.log2(share / (1 - share));
  for (const key of pair) bits += Math.log2(m.get(key)! / u.get(key)!);
  return 1 / (1 + 2 ** -bits);
}

/**
 * EM with u fixed, over all pairs of the workspace: each candidate's probability of being a match from
 * the current m and prior, then m of each level as the matches' share at it, and the prior as the
 * matches' share of all pairs. The prior is the workspace's, not the candidates': candidates agree on a
 * blocking key more often than random u says, and with the candidates' share as the prior EM takes
 * namesakes and neighbours for matches.
 */
export function estimateM(observed: readonly string[][], u: ReadonlyMap<string, number>, o: { iterations: number; allPairs: number; candidatePairs: number }) {
  const m = handSet(0);
  const prior = new Map(m);
  // Each sampled candidate stands for this many; pairs no key brings together count as non-matches.
  const represents = o.candidatePairs / Math.max(1, observed.length);
  let share = 2 ** defaultParameters.priorBits;
  for (let round = 0; round < o.iterations; round++) {
    const weighted: Counts = new Map();
    let sum = 0;
    for (const pair of observed) {
      const w = matchProbability(pair, m, u, share);
      sum += w;
      for (const key of pair) {
        weighted.set(key, (weighted.get(key) ?? 0) + w);
        weighted.set(fieldOf(key), (weighted.get(fieldOf(key)) ?? 0) + w);
      }
    }
    share = Math.min(0.5, Math.max(1e-12, (sum * represents) / o.allPairs));
    let moved = 0;
    for (const key of m.keys()) {
      const total = weighted.get(fieldOf(key)) ?? 0;
      const next = clampM(((weighted.get(key) ?? 0) + pseudoPairs * prior.get(key)!) / (total + pseudoPairs));
      moved = Math.max(moved, Math.abs(next - m.get(key)!));
      m.set(key, next);
    }
    if (moved < 1e-4) break;
  }
  return { m, u, matchShare: share };
}

/** The m/u table the matcher reads, from "field.level" maps. */
function table(m: ReadonlyMap<string, number>, u: ReadonlyMap<string, number>): LevelProbabilities {
  const probabilities = {} as Record<string, Record<string, readonly [number, number]>>;
  for (const [field, byLevel] of Object.entries(levels)) {
    probabilities[field] = Object.fromEntries(Object.keys(byLevel).map((level) => [level, [m.get(`${field}.${level}`)!, u.get(`${field}.${level}`)!] as const]));
  }
  return probabilities as LevelProbabilities;
}

/**
 * A uniform sample of distinct candidate pairs without listing them all: each pair-in-a-block is drawn
 * with one probability, and kept only in the first (lowest-key) block its two records share, as the
 * scan compares it.
 */
export function sampleCandidates(index: BlockIndex, size: number, next: () => number) {
  const { blockStart, members } = index;
  let occurrences = 0;
  for (let key = 0; key + 1 < blockStart.length; key++) {
    const n = blockStart[key + 1]! - blockStart[key]!;
    occurrences += (n * (n - 1)) / 2;
  }
  const rate = Math.min(1, size / Math.max(1, occurrences));
  const pairs: [number, number][] = [];
  for (let key = 0; key + 1 < blockStart.length; key++) {
    const to = blockStart[key + 1]!;
    for (let x = blockStart[key]!; x < to; x++) {
      for (let y = x + 1; y < to; y++) {
        if (rate < 1 && next() >= rate) continue;
        if (firstSharedKey(index, members[x]!, members[y]!, key)) pairs.push([members[x]!, members[y]!]);
      }
    }
  }
  return { pairs, distinct: pairs.length / rate };
}

/** Term frequency: agreeing on a name carries log2(m / share of the records written with it). */
function nameBits(prepared: readonly Prepared[], part: 'first' | 'last', m: number): Map<string, number> {
  const counts = new Map<string, number>();
  let named = 0;
  for (const p of prepared) {
    const name = p[part];
    if (!name) continue;
    named++;
    // A name counts under each of its spellings: כהן and Cohen are one name's frequency.
    for (const form of name.forms) counts.set(form, (counts.get(form) ?? 0) + 1);
  }
  const bits = new Map<string, number>();
  for (const [name, count] of counts) bits.set(name, Math.log2(m / Math.max(minNameFrequency, count / named)));
  return bits;
}
