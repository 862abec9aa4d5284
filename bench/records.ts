/**
 * Records at scale (issue 7): on PostgreSQL 1,000,000 contacts, 200,000 companies and 5,000,000
 * activities with their links and two custom fields; on PGlite a tenth. Measures through the API
 * (autocannon in a child process, API-key auth) and the same SQL raw in the same run: a filtered list
 * sorted by a custom date (first and deep page), a card (contact, its links, first timeline page; then
 * the next timeline page) and creating a contact. Writes its section of bench/RESULTS.md.
 *
 *   npm run bench:records -- [--db pglite|postgres|both] [--contacts 1000000] [--pglite-contacts 100000]
 *                            [--duration 10] [--warmup 2] [--connections 10] [--profile] [--load-only]
 *
 * The data is generated once into a database that is kept (`kesher_bench` on the server, a PGlite dir
 * under the temp dir) and reused while its shape matches.
 */
import { createApiKey } from '../src/domain/api-keys/service.js';
import { buildApp } from '../src/server/app.js';
import { ensureDateIndex } from './records-api.js';
import { openKeptDb } from './records-db.js';
import { shapeFor } from './records-generate.js';
import { ensureLoaded, ownerCtx } from './records-load.js';
import { benchOptions, log } from './options.js';
import { cleanUpCreated, measureScenarios, type RecordsResult } from './records-scenarios.js';
import { writeRecordsResults } from './records-report.js';
import type { Kind } from './databases.js';

const options = benchOptions(1_000_000);

async function benchOne(kind: Kind): Promise<RecordsResult | undefined> {
  const shape = shapeFor(kind === 'pglite' ? options.pgliteContacts : options.contacts);
  const db = await openKeptDb(kind, options.serverUrl);
  try {
    const started = performance.now();
    const { loaded, reused } = await ensureLoaded(db, shape);
    log(`${kind}: ${reused ? 'reusing' : 'generated'} ${JSON.stringify(shape)} in ${db.location} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    if (options.loadOnly) return undefined;
    const ctx = await ownerCtx(db, loaded);
    log(`${kind}: date field index ${await ensureDateIndex(ctx, loaded.fields)}`);
    const { secret } = await createApiKey(ctx, { name: `bench ${new Date().toISOString()}`, role: 'admin' });
    // The per-key limit would refuse the load itself; bench/limiter.ts measures its cost.
    const app = await buildApp({ db: db.handle.db, secret: 'bench-secret', logger: false, rateLimits: { api: false } });
    await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
      const rows = await measureScenarios({ kind, db, loaded, base, authorization: `Bearer ${secret}`, options });
      return { kind, version: db.version, shape, loadSeconds: reused ? undefined : loaded.loadSeconds, ...rows };
    } finally {
      await app.close();
      await cleanUpCreated(db, loaded);
    }
  } finally {
    await db.drop();
  }
}

const results: RecordsResult[] = [];
for (const kind of options.kinds) {
  const result = await benchOne(kind);
  if (result) results.push(result);
}
if (results.length) log(`Results written to ${writeRecordsResults(results, options.run)}`);
