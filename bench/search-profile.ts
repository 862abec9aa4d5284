/**
 * Where a search keystroke's time goes: each case of bench/search.ts typed once through the service,
 * every query it sent replayed on its own (median of N), printed per keystroke. A profiling aid for
 * bench:search's kept data (run that first).
 *
 *   npm run bench:search-profile -- --db postgres|pglite [--repeat 15] [--case Cohne]
 */
import { openKeptDb, readMeta } from './records-db.js';
import type { Kind } from './databases.js';
import { ownerCtx, type Loaded } from './records-load.js';
import { captureQueries } from './scenarios.js';
import { search } from '../src/domain/search/service.js';
import '../src/domain/contacts/record.js';
import '../src/domain/companies/record.js';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const kind = (arg('db') ?? 'postgres') as Kind;
const repeat = Number(arg('repeat') ?? 15);
const only = arg('case');
if (!process.env.BENCH_PGLITE_DIR) process.env.BENCH_PGLITE_DIR = `${(await import('node:os')).tmpdir()}/kesher-bench-search`;
const cases = ['כהן', 'Cohen', '054-12', '+972 54', 'דה', 'com', 'ohe', 'Cohne', 'Kohen', 'משה לוי'].filter((c) => !only || c === only);

const db = await openKeptDb(kind, process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const loaded = await readMeta<Loaded>(db);
if (!loaded) throw new Error('no kept data: run npm run bench:search first');
const ctx = await ownerCtx(db, loaded);
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const text of cases) {
  const typed = [...text].map((_, i) => [...text].slice(0, i + 1).join('')).filter((k) => k.trim());
  for (const q of typed) {
    await search(ctx, { q });
    const whole: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const t = performance.now();
      await search(ctx, { q });
      whole.push(performance.now() - t);
    }
    const sent = await captureQueries(db, () => search(ctx, { q }));
    const parts: string[] = [];
    let sum = 0;
    for (const s of sent) {
      const times: number[] = [];
      for (let i = 0; i < repeat; i++) {
        const t = performance.now();
        await db.raw(s.text, s.params);
        times.push(performance.now() - t);
      }
      const m = median(times);
      sum += m;
      parts.push(`    ${m.toFixed(2).padStart(7)} ms  ${s.text.replace(/\s+/g, ' ').slice(0, 110)}`);
    }
    console.log(`${q.padEnd(8)} service p50 ${median(whole).toFixed(2)} ms; ${sent.length} queries, serial sum ${sum.toFixed(2)} ms`);
    console.log(parts.join('\n'));
  }
}
await db.drop();
process.exit(0);
