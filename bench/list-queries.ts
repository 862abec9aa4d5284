/**
 * How a list page's time splits between its queries, on the database bench/custom-field-storage.sh
 * builds (keep it with KEEP=1): GET /api/contacts?filter=<custom select>&sort=<custom date> as the
 * service runs it (custom fields, page of ids, load), against each query alone and a round trip.
 * Usage: node --import tsx bench/list-queries.ts postgres://postgres@127.0.0.1:5432/kesher_cf_bench
 */
import { sql } from 'drizzle-orm';
import { createDb, queryRows } from '../src/db/client.js';
import { contactRecord } from '../src/domain/contacts/record.js';
import { loadContacts } from '../src/domain/contacts/load.js';
import { customFields } from '../src/domain/custom-fields/table.js';
import { customFieldsOf } from '../src/domain/custom-fields/service.js';
import { listRecords } from '../src/domain/records/list.js';
import type { Ctx } from '../src/core/context.js';

const url = process.argv[2] ?? 'postgres://postgres@127.0.0.1:5432/kesher_cf_bench';
const handle = createDb({ databaseUrl: url, poolSize: 2 });
const db = handle.db;
const workspaceId = '00000000-0000-4000-8000-0000000000aa';
const ctx: Ctx = { db, workspaceId, role: 'owner', user: null, apiKeyId: null, actorUserId: '00000000-0000-4000-8000-000000000001', channel: 'api' };

await db.delete(customFields);
const option = (id: string) => ({ id, labelHe: id, labelEn: id, color: null, position: 0, archived: false });
await db.insert(customFields).values([
  { workspaceId, recordType: 'contact', key: 'cf_interest', labelHe: 'i', labelEn: 'i', type: 'select', options: ['opt_0', 'opt_1', 'opt_2', 'opt_3', 'opt_rare'].map(option) },
  { workspaceId, recordType: 'contact', key: 'cf_due', labelHe: 'd', labelEn: 'd', type: 'date', indexName: 'contacts_cf_due_idx', position: 1 },
]);

async function time(name: string, run: () => Promise<unknown>, n = 200) {
  for (let i = 0; i < 20; i++) await run();
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await run();
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  console.log(`${name.padEnd(52)} p50 ${ms[n / 2]!.toFixed(2)} ms  p95 ${ms[Math.floor(n * 0.95)]!.toFixed(2)} ms`);
}

const query = { filter: { field: 'custom.cf_interest', op: 'eq' as const, value: 'opt_1' }, sort: 'custom.cf_due', limit: 50 };
const first = await listRecords(ctx, contactRecord, query);
const ids = first.items.map((c) => c.id);
await time('listRecords, first page (3 queries)', () => listRecords(ctx, contactRecord, query));
await time('listRecords, next page', () => listRecords(ctx, contactRecord, { ...query, cursor: first.nextCursor! }));
await time('  custom fields of the type', () => customFieldsOf(ctx, 'contact'));
await time('  load 50 contacts by id', () => loadContacts(ctx, ids));
await time('  a round trip (select 1)', () => queryRows(db, sql`select 1`));
await handle.close();
