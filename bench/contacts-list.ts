/**
 * Contacts list and search: the API (autocannon, in a child process) against the same SQL run straight
 * through the driver, on PGlite and on PostgreSQL, at 100,000 contacts. Writes bench/RESULTS.md.
 *
 *   npm run bench -- [--db pglite|postgres|both] [--contacts 100000] [--duration 10] [--warmup 2] [--connections 10]
 */
import { createApiKey } from '../src/domain/api-keys/service.js';
import { contactsPageQuery } from '../src/domain/contacts/service.js';
import { buildApp } from '../src/server/app.js';
import { makeWorkspace } from '../src/test-support/fixtures.js';
import { loadWorkspace, openBenchDb, type BenchDb, type Kind } from './databases.js';
import { measureLoop, type Measurement } from './measure.js';
import { benchOptions, log } from './options.js';
import { writeResults, type DbResult, type ScenarioResult } from './report.js';
import { captureQueries, contactScenarios, explain, queryString } from './scenarios.js';

const { contacts, run, kinds, serverUrl, httpLoad } = benchOptions(100000);
const rate = (m: Measurement) => `${m.perSecond.toFixed(0)}/s p50 ${m.p50.toFixed(2)} p95 ${m.p95.toFixed(2)} ms${m.errors ? ` ${m.errors} errors` : ''}`;

const rawLoad = (db: BenchDb, text: string, params: unknown[]) =>
  measureLoop(() => db.raw(text, params), { connections: run.connections, durationMs: run.seconds * 1000, warmupMs: run.warmup * 1000 });

async function benchOne(kind: Kind): Promise<DbResult> {
  const db = await openBenchDb(kind, serverUrl);
  const dropOnSignal = () => void db.drop().finally(() => process.exit(130));
  process.once('SIGINT', dropOnSignal).once('SIGTERM', dropOnSignal);
  try {
    const { workspace, ctx } = await makeWorkspace(db.handle.db);
    const other = await makeWorkspace(db.handle.db);
    let started = performance.now();
    await loadWorkspace(db, workspace.id, contacts, 1);
    const loadSeconds = (performance.now() - started) / 1000;
    await loadWorkspace(db, other.workspace.id, Math.round(contacts / 10), 2); // a neighbour, so the tenant filter matters
    started = performance.now();
    await db.raw('analyze', []);
    const analyzeSeconds = (performance.now() - started) / 1000;
    log(`${kind}: loaded ${contacts} contacts in ${loadSeconds.toFixed(1)} s, analyze ${analyzeSeconds.toFixed(1)} s`);

    const scenarios = await contactScenarios(db, workspace.id, contacts);
    const { secret } = await createApiKey(ctx(), { name: 'bench', role: 'viewer' });
    const authorization = `Bearer ${secret}`;
    // The per-key limit would refuse the load itself; bench/limiter.ts measures its cost.
    const app = await buildApp({ db: db.handle.db, secret: 'bench-secret', logger: false, rateLimits: { api: false } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const rows: ScenarioResult[] = [];
    try {
      const httpFloor = await httpLoad(`${base}/healthz`);
      log(`${kind} · GET /healthz: ${rate(httpFloor)}`);
      let auth: { text: string; params: unknown[] } | undefined;
      for (const { name, query } of scenarios) {
        const url = `${base}/api/contacts?${queryString(query)}`;
        const api = await httpLoad(url, authorization);
        const { sql: text, params } = contactsPageQuery(ctx('viewer'), query).toSQL();
        // The SQL one API request sends, to check the raw side runs the very same text.
        const sent = await captureQueries(db, () => fetch(url, { headers: { authorization } }).then((r) => r.text()));
        const page = sent.find((q) => q.text === text && JSON.stringify(q.params) === JSON.stringify(params));
        if (!page) throw new Error(`${name}: the API did not send the SQL of contactsPageQuery:\n${sent.map((q) => q.text).join('\n')}`);
        auth ??= sent.find((q) => /^select .*"api_keys"/.test(q.text));
        const found = Math.min((await db.raw(text, params)).length, 50);
        const raw = await rawLoad(db, text, params);
        const plan = await explain(db, text, params);
        rows.push({ name, found, queriesPerRequest: sent.length, api, raw, plan });
        log(`${kind} · ${name}: API ${rate(api)} · raw ${rate(raw)} · ${sent.length} queries per request`);
        log(`${kind} · ${name}: plan\n${plan.text}`);
      }
      const authRaw = auth ? await rawLoad(db, auth.text, auth.params) : undefined;
      if (authRaw) log(`${kind} · API-key lookup SQL: ${rate(authRaw)}`);
      return { kind, version: db.version, contacts, loadSeconds, analyzeSeconds, httpFloor, authRaw, rows };
    } finally {
      await app.close();
    }
  } finally {
    process.off('SIGINT', dropOnSignal).off('SIGTERM', dropOnSignal);
    await db.drop();
  }
}

const results: DbResult[] = [];
for (const kind of kinds) results.push(await benchOne(kind));
const file = writeResults(results, run);
log(`Results written to ${file}`);
