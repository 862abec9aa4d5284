/**
 * Search as you type (issue 8): on PostgreSQL 1,000,000 contacts and 200,000 companies, on PGlite a
 * tenth. Each hard case is typed keystroke by keystroke through GET /api/search (one connection: the
 * latency a user sees, p50/p95 over all keystrokes of the case), and the very queries each keystroke's
 * request sent are replayed raw in the same run (one connection): API/raw is the throughput ratio.
 * Writes the "Issue 8 — search" section of bench/RESULTS.md.
 *
 *   npm run bench:search -- [--db pglite|postgres|both] [--contacts 1000000] [--pglite-contacts 100000]
 *                           [--duration 10] [--warmup 2] [--reuse]
 *
 * The data is bench/records-generate.ts's (without activities), kept in `kesher_bench` (PostgreSQL) or
 * a PGlite dir under the temp dir, and reused while its shape matches; `--reuse` refuses to generate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { createApiKey } from '../src/domain/api-keys/service.js';
import { buildApp } from '../src/server/app.js';
import type { BenchDb, Kind } from './databases.js';
import { measureLoop, type Measurement } from './measure.js';
import { benchOptions, log } from './options.js';
import { openKeptDb, readMeta } from './records-db.js';
import type { Shape } from './records-generate.js';
import { ensureLoaded, ownerCtx, type Loaded } from './records-load.js';
import { captureQueries, type Captured } from './scenarios.js';

const options = benchOptions(1_000_000);
if (!process.env.BENCH_PGLITE_DIR) process.env.BENCH_PGLITE_DIR = `${(await import('node:os')).tmpdir()}/kesher-bench-search`;

/** The issue's hard cases, each typed one character at a time. */
const cases = [
  { name: '"כהן" (a common Hebrew surname)', text: 'כהן' },
  { name: '"Cohen"', text: 'Cohen' },
  { name: '"054-12" (a phone, local format)', text: '054-12' },
  { name: '"+972 54" (a phone, international)', text: '+972 54' },
  { name: '"דה" (1–2 letters, very common)', text: 'דה' },
  { name: '"com" (in 90% of the emails)', text: 'com' },
  { name: '"ohe" (a fragment inside words only)', text: 'ohe' },
  { name: '"Cohne" (a typo)', text: 'Cohne' },
  { name: '"Kohen" (transliteration → כהן)', text: 'Kohen' },
  { name: '"משה לוי" (two words)', text: 'משה לוי' },
];
const keystrokes = (text: string) => [...text].map((_, i) => [...text].slice(0, i + 1).join('')).filter((k) => k.trim() !== '');

interface CaseResult {
  name: string;
  keystrokes: number;
  api: Measurement;
  raw: Measurement;
  queries: number;
}

interface SearchBenchResult {
  kind: Kind;
  version: string;
  shape: Shape;
  loadSeconds?: number;
  termsSeconds?: number;
  rows: CaseResult[];
}

/** search_terms of the kept data: a bulk load runs with triggers off, so they are rebuilt once after it. */
async function ensureTerms(db: BenchDb, loaded: Loaded): Promise<number | undefined> {
  const [present] = (await db.raw('select exists (select 1 from search_terms where workspace_id = $1) as ok', [loaded.workspaceId])) as { ok: boolean }[];
  if (present!.ok) return undefined;
  const started = performance.now();
  const defs = (await db.raw(
    "select indexname, indexdef from pg_indexes where tablename = 'search_terms' and indexname not in (select conname from pg_constraint)",
    [],
  )) as { indexname: string; indexdef: string }[];
  for (const { indexname } of defs) await db.raw(`drop index ${indexname}`, []);
  if (db.handle.pool) await db.raw("set maintenance_work_mem = '512MB'", []);
  await db.raw('select kesher_search_rebuild()', []);
  for (const { indexdef } of defs) await db.raw(indexdef, []);
  await db.raw('vacuum analyze search_terms', []);
  await db.raw('vacuum analyze contacts', []);
  await db.raw('vacuum analyze companies', []);
  return (performance.now() - started) / 1000;
}

const isBookkeeping = (q: Captured) => /"api_keys"|rate_limits|from "events"/.test(q.text);
const rate = (m: Measurement) => `${m.perSecond.toFixed(0)}/s p50 ${m.p50.toFixed(2)} p95 ${m.p95.toFixed(2)} ms${m.errors ? ` ${m.errors} errors` : ''}`;

async function benchOne(kind: Kind): Promise<SearchBenchResult | undefined> {
  const contacts = kind === 'pglite' ? options.pgliteContacts : options.contacts;
  const shape: Shape = { contacts, companies: Math.round(contacts / 5), activities: 0 };
  const db = await openKeptDb(kind, options.serverUrl);
  try {
    if (options.reuse) {
      const kept = await readMeta<Loaded>(db);
      if (!kept || JSON.stringify(kept.shape) !== JSON.stringify(shape)) throw new Error(`--reuse: ${db.location} does not hold ${JSON.stringify(shape)}`);
    }
    const started = performance.now();
    const { loaded, reused } = await ensureLoaded(db, shape);
    log(`${kind}: ${reused ? 'reusing' : 'generated'} ${JSON.stringify(shape)} in ${db.location} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    const termsSeconds = await ensureTerms(db, loaded);
    if (termsSeconds !== undefined) log(`${kind}: search terms built in ${termsSeconds.toFixed(1)} s`);
    if (options.loadOnly) return undefined;
    const ctx = await ownerCtx(db, loaded);
    const { secret } = await createApiKey(ctx, { name: `bench search ${new Date().toISOString()}`, role: 'admin' });
    const app = await buildApp({ db: db.handle.db, secret: 'bench-secret', logger: false, rateLimits: { api: false } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const authorization = `Bearer ${secret}`;
    try {
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      const get = async (q: string) => {
        const response = await fetch(`${base}/api/search?q=${encodeURIComponent(q)}`, { headers: { authorization } });
        if (response.status !== 200) throw new Error(`${q}: ${response.status} ${(await response.text()).slice(0, 300)}`);
        return response.json();
      };
      const rows: CaseResult[] = [];
      const run = { connections: 1, durationMs: options.run.seconds * 1000, warmupMs: options.run.warmup * 1000 };
      for (const c of cases) {
        const typed = keystrokes(c.text);
        const sent: Captured[][] = [];
        for (const k of typed) {
          await get(k);
          sent.push((await captureQueries(db, () => get(k))).filter((q) => !isBookkeeping(q)));
        }
        let i = 0;
        const api = await measureLoop(() => get(typed[i++ % typed.length]!), run);
        let j = 0;
        const raw = await measureLoop(async () => {
          for (const q of sent[j++ % sent.length]!) await db.raw(q.text, q.params);
        }, run);
        const queries = sent.reduce((s, q) => s + q.length, 0) / sent.length;
        rows.push({ name: c.name, keystrokes: typed.length, api, raw, queries });
        log(`${kind} · ${c.name}: API ${rate(api)} · raw ${rate(raw)} · ${queries.toFixed(1)} queries per keystroke`);
      }
      return { kind, version: db.version, shape, loadSeconds: reused ? undefined : (performance.now() - started) / 1000, termsSeconds, rows };
    } finally {
      await app.close();
    }
  } finally {
    await db.drop();
  }
}

const begin = '<!-- generated by npm run bench:search: begin -->';
const end = '<!-- generated by npm run bench:search: end -->';
/** `npm run bench` (issue 2) replaces everything below this line: this section goes above it. */
const otherBench = '<!-- generated by npm run bench: everything below is replaced on each run -->';
const ms = (value: number) => value.toFixed(2);
const num = (value: number) => Math.round(value).toLocaleString('en');

const startLoad = loadavg()[0]!.toFixed(1);

function report(results: SearchBenchResult[]) {
  const lines = [
    begin,
    '',
    `Machine: ${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, ${Math.round(totalmem() / 2 ** 30)} GB; load average when the run began: ${startLoad}.`,
    `Command: \`npm run bench:search -- --db ${options.kinds.length === 2 ? 'both' : options.kinds[0]} --contacts ${options.contacts} --duration ${options.run.seconds} --warmup ${options.run.warmup}\`.`,
    'Each case is typed one character at a time (every prefix is a request, round robin, one connection); "raw" replays the queries each',
    'keystroke\'s request sent (API-key lookup left out) straight through the driver, in the same run.',
  ];
  for (const r of results) {
    const target = r.kind === 'pglite' ? 100 : 50;
    lines.push(
      '',
      `### ${r.kind} — ${r.version}`,
      '',
      `Data: ${num(r.shape.contacts)} contacts, ${num(r.shape.companies)} companies` +
        (r.loadSeconds ? `, generated in this run (${r.loadSeconds.toFixed(0)} s)` : ', generated by an earlier run') +
        (r.termsSeconds ? `; search terms built in ${r.termsSeconds.toFixed(0)} s.` : '.'),
      '',
      `| case (keystrokes) | target p95 | API req/s | API p50 | API p95 | raw req/s | raw p50 | raw p95 | API/raw | queries/keystroke |`,
      '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
      ...r.rows.map(
        (c) =>
          `| ${c.name} (${c.keystrokes}) | < ${target} ms | ${num(c.api.perSecond)} | ${ms(c.api.p50)} | ${ms(c.api.p95)}${c.api.p95 < target ? ' ✓' : ' ✗'} | ` +
          `${num(c.raw.perSecond)} | ${ms(c.raw.p50)} | ${ms(c.raw.p95)} | ${(c.api.perSecond / c.raw.perSecond).toFixed(2)}${c.api.perSecond / c.raw.perSecond >= 0.5 ? ' ✓' : ' ✗'} | ${c.queries.toFixed(1)} |`,
      ),
    );
  }
  lines.push('', end);
  const path = 'bench/RESULTS.md';
  const text = readFileSync(path, 'utf8');
  const section = lines.join('\n');
  const next = text.includes(begin)
    ? text.slice(0, text.indexOf(begin)) + section + text.slice(text.indexOf(end) + end.length)
    : text.replace(otherBench, `## Issue 8 — search\n\n${section}\n\n${otherBench}`);
  writeFileSync(path, next);
  return path;
}

const results: SearchBenchResult[] = [];
for (const kind of options.kinds) {
  const result = await benchOne(kind);
  if (result) results.push(result);
}
if (results.length) log(`Results written to ${report(results)}`);
