/**
 * Contacts list and search: the API (autocannon, in a child process) against the same SQL run straight
 * through the driver, on PGlite and on PostgreSQL, at 100,000 contacts. Writes bench/RESULTS.md.
 *
 *   npm run bench -- [--db pglite|postgres|both] [--contacts 100000] [--duration 10] [--connections 10]
 */
import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import { createApiKey } from '../src/domain/api-keys/service.js';
import { encodeCursor } from '../src/domain/contacts/cursor.js';
import { contactsPageQuery } from '../src/domain/contacts/service.js';
import type { ListContactsQuery } from '../src/domain/contacts/schema.js';
import { queryRows } from '../src/db/client.js';
import { buildApp } from '../src/server/app.js';
import { makeWorkspace } from '../src/test-support/fixtures.js';
import { loadContacts, openBenchDb, type Kind } from './databases.js';
import { measureLoop, type Measurement } from './measure.js';
import { writeResults, type DbResult } from './report.js';

const { values } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    contacts: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
  },
});
const contacts = Number(values.contacts);
const seconds = Number(values.duration);
const connections = Number(values.connections);
const kinds: Kind[] = values.db === 'both' ? ['pglite', 'postgres'] : [values.db as Kind];
const serverUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const run = promisify(execFile);

async function httpLoad(url: string, authorization: string): Promise<Measurement> {
  const args = ['--import', 'tsx', 'bench/http-load.ts', url, authorization, String(connections), String(seconds)];
  const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 24 });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measurement;
}

async function benchOne(kind: Kind): Promise<DbResult> {
  const db = await openBenchDb(kind, serverUrl);
  try {
    const { workspace, ctx } = await makeWorkspace(db.handle.db);
    const other = await makeWorkspace(db.handle.db);
    const started = performance.now();
    await loadContacts(db, workspace.id, contacts, 1);
    const loadSeconds = (performance.now() - started) / 1000;
    await loadContacts(db, other.workspace.id, Math.round(contacts / 10), 2); // a neighbour, so the tenant filter matters
    console.log(`${kind}: loaded ${contacts} contacts in ${loadSeconds.toFixed(1)} s`);

    const [middle] = await queryRows<{ sort_name: string; id: string }>(db.handle.db, sql`
      select sort_name, id from contacts where workspace_id = ${workspace.id} and deleted_at is null
      order by sort_name, id offset ${Math.floor(contacts / 2)} limit 1`);
    const scenarios: { name: string; query: ListContactsQuery }[] = [
      { name: 'first page (50)', query: { limit: 50 } },
      { name: `deep page at row ${Math.floor(contacts / 2)}`, query: { limit: 50, cursor: encodeCursor(middle!.sort_name, middle!.id) } },
      { name: 'search name "כהן"', query: { limit: 50, q: 'כהן' } },
      { name: 'search email "avid.12"', query: { limit: 50, q: 'avid.12' } },
      { name: 'search phone "054-12"', query: { limit: 50, q: '054-12' } },
    ];

    const { secret } = await createApiKey(ctx(), { name: 'bench', role: 'viewer' });
    const app = await buildApp({ db: db.handle.db, secret: 'bench-secret', logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const port = (app.server.address() as { port: number }).port;
    const rows = [];
    try {
      for (const { name, query } of scenarios) {
        const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
        const api = await httpLoad(`http://127.0.0.1:${port}/api/contacts?${search}`, `Bearer ${secret}`);
        const { sql: text, params } = contactsPageQuery(ctx('viewer'), query).toSQL();
        const found = (await db.raw(text, params)).length;
        const raw = await measureLoop(() => db.raw(text, params), { connections, durationMs: seconds * 1000 });
        const plan = (await db.raw(`explain (analyze, costs off) ${text}`, params)) as { 'QUERY PLAN': string }[];
        // Plan nodes only, outermost first: detail lines (Sort Key:, Filter:, Planning Time:) have a colon.
        const nodes = plan
          .map((p) => p['QUERY PLAN'].trim().replace(/^->\s*/, '').replace(/\s+\(actual.*$/, ''))
          .filter((line) => !line.includes(':'));
        rows.push({ name, found: Math.min(found, 50), api, raw, plan: nodes.join(' → ') });
        console.log(`${kind} · ${name}: API ${api.perSecond.toFixed(0)}/s p95 ${api.p95.toFixed(1)} ms · raw ${raw.perSecond.toFixed(0)}/s p95 ${raw.p95.toFixed(1)} ms`);
      }
    } finally {
      await app.close();
    }
    return { kind, version: db.version, contacts, loadSeconds, rows };
  } finally {
    await db.drop();
  }
}

const results: DbResult[] = [];
for (const kind of kinds) results.push(await benchOne(kind));
const file = writeResults(results, { seconds, connections });
console.log(`Results written to ${file}`);
