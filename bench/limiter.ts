/**
 * The cost of the database-backed rate limiter: the first-page API request with the limiter off and
 * on (a limit so high it never refuses, so every request pays the statement and gets a 200), and the
 * limiter statement alone through the driver, on one hot key and on a key per caller, in the UNLOGGED
 * table and in an ordinary (logged) copy of it. Writes its section of bench/RESULTS.md.
 *
 *   npm run bench:limiter -- [--db pglite|postgres|both] [--contacts 10000] [--duration 10] [--warmup 2] [--connections 10]
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs, promisify } from 'node:util';
import { createApiKey } from '../src/domain/api-keys/service.js';
import { consumeRate } from '../src/domain/rate-limits/service.js';
import { buildApp } from '../src/server/app.js';
import { makeWorkspace } from '../src/test-support/fixtures.js';
import { loadWorkspace, openBenchDb, type Kind } from './databases.js';
import { measureLoop, type Measurement } from './measure.js';
import { captureQueries } from './scenarios.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: process.env.BENCH_DB ?? 'both' },
    contacts: { type: 'string', default: process.env.BENCH_CONTACTS ?? '10000' },
    duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
    warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '2' },
    connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '10' },
  },
});
const contacts = Number(values.contacts);
const run = { seconds: Number(values.duration), warmup: Number(values.warmup), connections: Number(values.connections) };
if (!['both', 'pglite', 'postgres'].includes(values.db!)) throw new Error(`--db is pglite, postgres or both, not ${values.db}`);
const kinds: Kind[] = values.db === 'both' ? ['pglite', 'postgres'] : [values.db as Kind];
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
const execFileAsync = promisify(execFile);
const never = { perSecond: 1e9, burst: 1e9 };

async function httpLoad(url: string, authorization: string): Promise<Measurement> {
  const args = ['--import', 'tsx', 'bench/http-load.ts', url, authorization, String(run.connections), String(run.seconds), String(run.warmup)];
  const { stdout } = await execFileAsync(process.execPath, args, { maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measurement;
}

interface Row {
  name: string;
  m: Measurement;
}

async function benchOne(kind: Kind): Promise<{ kind: Kind; version: string; rows: Row[] }> {
  const db = await openBenchDb(kind, serverUrl);
  const rows: Row[] = [];
  const measure = (name: string, m: Measurement) => {
    rows.push({ name, m });
    log(`${kind} · ${name}: ${m.perSecond.toFixed(0)}/s p50 ${m.p50.toFixed(2)} p95 ${m.p95.toFixed(2)} ms${m.errors ? ` ${m.errors} errors` : ''}`);
  };
  try {
    const { workspace, ctx } = await makeWorkspace(db.handle.db);
    await loadWorkspace(db, workspace.id, contacts, 1);
    await db.raw('analyze', []);
    const authorization = `Bearer ${(await createApiKey(ctx(), { name: 'bench', role: 'viewer' })).secret}`;
    // Off, on, off again: the second "off" shows how much the machine drifted between measurements.
    const servers = [['first page, limiter off', false], ['first page, limiter on', never], ['first page, limiter off again', false]] as const;
    for (const [name, api] of servers) {
      const app = await buildApp({ db: db.handle.db, secret: 'bench-secret', logger: false, rateLimits: { api } });
      await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        measure(`API ${name}`, await httpLoad(`http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/contacts?limit=50`, authorization));
      } finally {
        await app.close();
      }
    }
    // The limiter's own SQL, as the server sends it, then replayed raw.
    const [statement] = await captureQueries(db, () => consumeRate(db.handle.db, 'bench:capture', never));
    await db.raw('create table rate_limits_logged (like rate_limits including all)', []);
    const loop = (text: string, key: (i: number) => string) => {
      let i = 0;
      return measureLoop(() => db.raw(text, [key(i++ % run.connections), ...statement!.params.slice(1)]), {
        connections: run.connections, durationMs: run.seconds * 1000, warmupMs: run.warmup * 1000,
      });
    };
    const logged = statement!.text.replaceAll('rate_limits', 'rate_limits_logged');
    measure('limiter statement, one hot key, UNLOGGED', await loop(statement!.text, () => 'bench:hot'));
    measure('limiter statement, a key per caller, UNLOGGED', await loop(statement!.text, (i) => `bench:caller:${i}`));
    measure('limiter statement, one hot key, logged table', await loop(logged, () => 'bench:hot'));
    measure('limiter statement, a key per caller, logged table', await loop(logged, (i) => `bench:caller:${i}`));
    return { kind, version: db.version, rows };
  } finally {
    await db.drop();
  }
}

const results = [];
for (const kind of kinds) results.push(await benchOne(kind));

const begin = '<!-- generated by npm run bench:limiter: begin -->';
const end = '<!-- generated by npm run bench:limiter: end -->';
const table = [
  begin,
  '',
  `Run ${new Date().toISOString()} · Node ${process.version} · ${contacts.toLocaleString('en')} contacts · ${run.connections} connections, ${run.warmup} s warm-up then ${run.seconds} s per measurement.`,
  '',
  '| database | measurement | req/s or q/s | p50 ms | p95 ms | errors |',
  '|---|---|--:|--:|--:|--:|',
  ...results.flatMap(({ kind, rows }) =>
    rows.map(({ name, m }) => `| ${kind} | ${name} | ${Math.round(m.perSecond).toLocaleString('en')} | ${m.p50.toFixed(2)} | ${m.p95.toFixed(2)} | ${m.errors} |`)),
  '',
  `Versions: ${results.map((r) => `${r.kind}: ${r.version.split(' on ')[0]}`).join(' · ')}.`,
  '',
  end,
].join('\n');
const file = new URL('./RESULTS.md', import.meta.url);
const current = readFileSync(file, 'utf8');
if (!current.includes(begin)) throw new Error('bench/RESULTS.md has no limiter section to fill');
writeFileSync(file, current.slice(0, current.indexOf(begin)) + table + current.slice(current.indexOf(end) + end.length));
log(`Results written to ${file.pathname}`);
