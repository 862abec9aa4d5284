import { describe, expect, it } from 'vitest';
import { scanKeys } from './blocking.js';
import { eachCandidatePair, indexBlocks } from './blocks.js';
import { defaultRules, settingsOf } from './defaults.js';
import { countU, random, sampleCandidates } from './estimate.js';
import { prepare, type MatchFields } from './matcher.js';
import { scorePairs } from './pairs.js';

/**
 * A synthetic workspace whose truth is known: names, streets and cities drawn uniformly from pools
 * (so u of agreeing is 1 / pool size), and a third of the people copied once with each field kept
 * with probability 0.9 (so m of agreeing is about 0.9).
 */
const keep = 0.9;
const pools = { first: 150, last: 300, street: 1000, city: 20 };

function workspace(people: number, seed: number) {
  const next = random(seed);
  const word = (length: number) => Array.from({ length }, () => 'bcdfghjklmnprstvz'[Math.floor(next() * 17)]! + 'aeiou'[Math.floor(next() * 5)]!).join('');
  const pool = (size: number, length: number) => [...new Set(Array.from({ length: size * 2 }, () => word(length)))].slice(0, size);
  const names = { first: pool(pools.first, 3), last: pool(pools.last, 4), street: pool(pools.street, 4), city: pool(pools.city, 3) };
  const pick = (xs: string[]) => xs[Math.floor(next() * xs.length)]!;
  const draw = (): MatchFields => ({
    firstName: pick(names.first),
    lastName: pick(names.last),
    street: `${1 + Math.floor(next() * 99)} ${pick(names.street)}`,
    city: pick(names.city),
    birthday: new Date(Date.UTC(1940, 0, 1) + Math.floor(next() * 20000) * 86400000).toISOString().slice(0, 10),
  });
  const records: { fields: MatchFields; person: number }[] = [];
  for (let person = 0; person < people; person++) {
    const original = draw();
    records.push({ fields: original, person });
    if (next() < 1 / 3) {
      const other = draw();
      const copy = Object.fromEntries(Object.entries(original).map(([k, v]) => [k, next() < keep ? v : other[k as keyof MatchFields]]));
      records.push({ fields: copy as MatchFields, person });
    }
  }
  return records;
}

const contact = settingsOf(defaultRules('contact'));
const truePrior = (records: { person: number }[]) => {
  const copies = records.length - new Set(records.map((r) => r.person)).size;
  return Math.log2(copies / ((records.length * (records.length - 1)) / 2));
};

describe('estimating the matcher from the records', () => {
  const records = workspace(3000, 7);
  const { settings } = scorePairs(records.map((r) => r.fields), contact, { minScore: 0.9 });
  const p = settings.parameters!;

  it('learns the prior of a workspace of this size', () => {
    expect(p.priorBits).toBeCloseTo(truePrior(records), 0);
  });

  it('learns m by EM and u from random pairs close to the values the set was made with', () => {
    const bits = (m: number, u: number) => Math.log2(m / u);
    expect(p.bits.lastName.agree).toBeGreaterThan(bits(keep, 1 / pools.last) - 0.6);
    expect(p.bits.lastName.agree).toBeLessThan(bits(keep, 1 / pools.last) + 0.6);
    expect(p.bits.city.agree).toBeCloseTo(bits(keep, 1 / pools.city), 0);
    // A copy disagrees on a city one time in ten; different people nineteen times in twenty.
    expect(p.bits.city.disagree).toBeCloseTo(bits(1 - keep, 1 - 1 / pools.city), 0);
  });

  it('gives a rare last name more bits than a common one', () => {
    const byName = [...p.nameBits!.lastName.values()].sort((a, b) => a - b);
    expect(byName.at(-1)! - byName[0]!).toBeGreaterThan(1);
  });

  it('keeps the hand-set values for a workspace too small to learn from', () => {
    const small = workspace(100, 3).map((r) => r.fields);
    expect(scorePairs(small, contact, { minScore: 0.9 }).settings.parameters).toBeUndefined();
  });
});

describe('countU', () => {
  it('counts shares of random pairs, and keeps the hand-set u of a level seen too rarely', () => {
    const pairs = [...Array(90).fill(['city.disagree']), ...Array(10).fill(['city.agree']), ['email.agree']];
    const u = countU(pairs, null, 5);
    expect(u.get('city.agree')).toBeCloseTo(0.1);
    expect(u.get('email.agree')).toBe(1e-4);
  });
});

describe('sampleCandidates', () => {
  it('draws distinct candidate pairs uniformly and estimates how many there are', () => {
    const prepared = workspace(3000, 11).map((r) => prepare(r.fields));
    const index = indexBlocks(prepared.length, (i) => scanKeys(prepared[i]!), { maxBlock: 100 });
    const all = sampleCandidates(index, Infinity, random(1));
    const ids = all.pairs.map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`);
    expect(new Set(ids).size).toBe(ids.length);
    // At rate 1 the sample is every pair the scan compares.
    let compared = 0;
    eachCandidatePair(index, () => compared++);
    expect(all.pairs.length).toBe(compared);
    // Asked for as many as there are distinct pairs: a pair sits in several blocks, so the draw rate per
    // pair-in-a-block is well under 1 and the sample is a fraction of them.
    const some = sampleCandidates(index, all.pairs.length, random(2));
    expect(some.pairs.length).toBeLessThan(all.pairs.length / 2);
    expect(Math.abs(some.distinct / all.distinct - 1), `${some.pairs.length} of ${all.pairs.length}`).toBeLessThan(0.1);
  });
});
