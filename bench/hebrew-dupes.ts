/**
 * Duplicate matcher quality on a seeded Hebrew/Latin Israeli set (bench/hebrew-dupes-generate.ts):
 * same blocking and scoring as the product's scan, default contact rules.
 *
 *   npm run bench:hebrew-dupes                 # seed 8, 5,000 people
 *   npm run bench:hebrew-dupes -- --seed 9 --people 20000
 */
import { defaultRules, defaultThresholds, settingsOf } from '../src/domain/duplicates/defaults.js';
import { benchSettings, estimating, evaluate, report } from './dupes-quality.js';
import { generateHebrewSet } from './hebrew-dupes-generate.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const seed = arg('seed', 8);
const people = arg('people', 5000);
const records = generateHebrewSet(seed, people);
const sizes = new Map<number, number>();
for (const r of records) sizes.set(r.entity, (sizes.get(r.entity) ?? 0) + 1);
const truePairs = [...sizes.values()].reduce((sum, n) => sum + (n * (n - 1)) / 2, 0);

console.log(`Hebrew set, seed ${seed}, ${people} people; default contact rules, warnAt ${defaultThresholds.warnAt}, blockAt ${defaultThresholds.blockAt}; ${estimating ? 'parameters estimated from the records' : 'hand-set parameters (--no-estimate)'}`);
const result = evaluate(
  records.map((r) => r.fields),
  benchSettings(settingsOf(defaultRules('contact'))),
  { sameEntity: (a, b) => records[a]!.entity === records[b]!.entity, truePairs },
);
report(`hebrew-dupes (${records.length} records)`, result);
