/** Pairwise precision, recall and F1 of the scan's core (blocking + scoring) against known true pairs. */
import { defaultThresholds } from '../src/domain/duplicates/defaults.js';
import { defaultParameters, type MatchFields, type MatchParameters, type MatchSettings } from '../src/domain/duplicates/matcher.js';
import { scorePairs } from '../src/domain/duplicates/pairs.js';

export interface Quality {
  records: number;
  truePairs: number;
  compared: number;
  candidatesFoundTrue: number;
  seconds: number;
  /** Every scored pair (score ≥ 0.001) that counts, with whether it is true. */
  scored: { score: number; truth: boolean }[];
  /** What the scan learnt from the records (undefined: the hand-set defaults were used). */
  parameters: MatchParameters | undefined;
}

/** `--no-estimate`: score with the hand-set parameters, as before the scan learnt them. */
export const estimating = !process.argv.includes('--no-estimate');
export const benchSettings = (settings: MatchSettings): MatchSettings => (estimating ? settings : { ...settings, parameters: defaultParameters });

export function evaluate(
  records: MatchFields[],
  settings: MatchSettings,
  options: { sameEntity: (a: number, b: number) => boolean; only?: (a: number, b: number) => boolean; truePairs: number },
): Quality {
  const started = performance.now();
  const { pairs, compared, settings: used } = scorePairs(records, settings, { minScore: 0, skip: options.only ? (a, b) => !options.only!(a, b) : undefined });
  const seconds = (performance.now() - started) / 1000;
  const scored = pairs.map((p) => ({ score: p.score, truth: options.sameEntity(p.a, p.b) }));
  return { records: records.length, truePairs: options.truePairs, compared, candidatesFoundTrue: scored.filter((s) => s.truth).length, seconds, scored, parameters: used.parameters };
}

export function at(q: Quality, threshold: number) {
  const predicted = q.scored.filter((s) => s.score >= threshold);
  const tp = predicted.filter((s) => s.truth).length;
  const precision = predicted.length ? tp / predicted.length : 1;
  const recall = tp / q.truePairs;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { threshold, tp, fp: predicted.length - tp, fn: q.truePairs - tp, precision, recall, f1 };
}

const fmt = (x: number) => x.toFixed(4);

export function report(name: string, q: Quality) {
  console.log(`\n${name}: ${q.records} records, ${q.truePairs} true pairs; blocking compared ${q.compared} pairs and kept ${q.candidatesFoundTrue} true ones (blocking recall ${fmt(q.candidatesFoundTrue / q.truePairs)}), ${q.seconds.toFixed(1)} s`);
  console.log('threshold   tp     fp    fn   precision  recall  F1');
  const rows = [at(q, defaultThresholds.warnAt), at(q, defaultThresholds.blockAt)];
  const best = [0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 0.999].map((t) => at(q, t)).sort((a, b) => b.f1 - a.f1)[0]!;
  for (const r of rows) print(r, r.threshold === defaultThresholds.warnAt ? 'warnAt (default)' : 'blockAt (default)');
  print(best, 'best of the sweep (in hindsight)');
  printParameters(q.parameters);
}

function printParameters(p: MatchParameters | undefined) {
  if (!p || p === defaultParameters) return console.log('parameters: hand-set defaults (prior -14 bits)');
  const levels = Object.entries(p.bits).map(([field, byLevel]) => `${field} ${Object.entries(byLevel).map(([l, b]) => `${l} ${(b as number).toFixed(1)}`).join(' / ')}`);
  console.log(`estimated: prior ${p.priorBits.toFixed(1)} bits; bits per level: ${levels.join('; ')}`);
  for (const part of ['firstName', 'lastName'] as const) {
    const names = [...(p.nameBits?.[part] ?? [])].sort((a, b) => a[1] - b[1]);
    if (names.length) console.log(`  ${part} exact-agreement bits: commonest ${names.slice(0, 3).map(([n, b]) => `${n} ${b.toFixed(1)}`).join(', ')}; rarest ${names.at(-1)![1].toFixed(1)}`);
  }
}

function print(r: ReturnType<typeof at>, label: string) {
  console.log(`${String(r.threshold).padEnd(10)} ${String(r.tp).padStart(5)} ${String(r.fp).padStart(6)} ${String(r.fn).padStart(5)}   ${fmt(r.precision)}    ${fmt(r.recall)}  ${fmt(r.f1)}   ${label}`);
}
