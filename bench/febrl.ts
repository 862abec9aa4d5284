/**
 * Duplicate matcher quality on the public Febrl sets (../shared/reference-data/febrl, never copied
 * here): the product's own blocking keys and scoring (src/domain/duplicates/pairs.ts, the scan's core)
 * with the default contact rules, pairwise precision, recall and F1 against the true pairs
 * (rec-N-org / rec-N-dup-K are one person).
 *
 * Field mapping (Febrl → what a Kesher contact has): given_name → firstName, surname → lastName,
 * street_number + address_1 + address_2 → street, suburb → city, postcode → postalCode,
 * date_of_birth (YYYYMMDD) → birthday, soc_sec_id → nationalId (the ת.ז. rule). state is not used
 * (a contact has no state; country is all Australia). No email, phone or company: Febrl has none.
 *
 *   npm run bench:febrl                      # febrl3 and febrl4, default rules (with national id)
 *   npm run bench:febrl -- --no-national-id  # as a workspace without an id field would match
 */
import { readFileSync } from 'node:fs';
import { defaultRules, defaultThresholds, settingsOf } from '../src/domain/duplicates/defaults.js';
import type { MatchFields } from '../src/domain/duplicates/matcher.js';
import { benchSettings, estimating, evaluate, report } from './dupes-quality.js';

const dir = process.env.FEBRL_DIR ?? '/work/shared/reference-data/febrl';
const withNationalId = !process.argv.includes('--no-national-id');

interface Row {
  rec_id: string;
  given_name: string;
  surname: string;
  street_number: string;
  address_1: string;
  address_2: string;
  suburb: string;
  postcode: string;
  date_of_birth: string;
  soc_sec_id: string;
}

/** The Febrl files are plain comma-separated text with a header and no quoting. */
function read(file: string): Row[] {
  const [header, ...lines] = readFileSync(`${dir}/${file}`, 'utf8').split(/\r?\n/).filter((l) => l.trim());
  const columns = header!.split(',').map((c) => c.trim());
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [columns[i], v.trim()])) as unknown as Row);
}

function toFields(row: Row): MatchFields {
  const dob = /^\d{8}$/.test(row.date_of_birth) ? `${row.date_of_birth.slice(0, 4)}-${row.date_of_birth.slice(4, 6)}-${row.date_of_birth.slice(6, 8)}` : null;
  return {
    firstName: row.given_name || null,
    lastName: row.surname || null,
    street: [row.street_number, row.address_1, row.address_2].filter(Boolean).join(' ') || null,
    city: row.suburb || null,
    postalCode: row.postcode || null,
    birthday: dob,
    nationalId: withNationalId ? row.soc_sec_id || null : null,
  };
}

const entity = (recId: string) => recId.split('-')[1]!;
const rules = defaultRules('contact').map((r) => (r.rule === 'nationalId' ? { ...r, enabled: withNationalId } : r));
const settings = benchSettings(settingsOf(rules));

console.log(`Febrl, default contact rules${withNationalId ? '' : ' without the national-id rule'}; warnAt ${defaultThresholds.warnAt}, blockAt ${defaultThresholds.blockAt}; ${estimating ? 'parameters estimated from the records' : 'hand-set parameters (--no-estimate)'}`);

// febrl3: deduplication within one file of 5,000 records.
{
  const rows = read('dataset3.csv');
  const result = evaluate(rows.map(toFields), settings, { sameEntity: (a, b) => entity(rows[a]!.rec_id) === entity(rows[b]!.rec_id), truePairs: countTrue(rows.map((r) => entity(r.rec_id))) });
  report('febrl3 (dedup, 5,000 records)', result);
}

// febrl4: linkage of two files of 5,000; only pairs across the files count (each file has no duplicates).
{
  const a = read('dataset4a.csv');
  const b = read('dataset4b.csv');
  const rows = [...a, ...b];
  const side = (i: number) => (i < a.length ? 0 : 1);
  const result = evaluate(rows.map(toFields), settings, {
    only: (x, y) => side(x) !== side(y),
    sameEntity: (x, y) => entity(rows[x]!.rec_id) === entity(rows[y]!.rec_id),
    truePairs: 5000,
  });
  report('febrl4 (linkage, 5,000 × 5,000)', result);
}

function countTrue(entities: string[]) {
  const sizes = new Map<string, number>();
  for (const e of entities) sizes.set(e, (sizes.get(e) ?? 0) + 1);
  let pairs = 0;
  for (const n of sizes.values()) pairs += (n * (n - 1)) / 2;
  return pairs;
}
