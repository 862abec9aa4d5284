/**
 * Duplicate scan and check at scale, through the product's code on a real database: N people of the
 * Hebrew set (bench/hebrew-dupes-generate.ts, with their copies) inserted as contacts of a new workspace,
 * then one workspace scan (runDuplicateScan) and 200 create-time checks (checkDuplicates).
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/dupes_bench npm run bench:dupes-scan -- --people 70000
 *   npm run bench:dupes-scan -- --people 10000            # embedded PGlite in memory
 *   … -- --people 700000 --workspace <id>                 # scan again the contacts an earlier run loaded
 */
import { sql } from 'drizzle-orm';
import { createDb, queryRows } from '../src/db/client.js';
// Registers the contact and company record types (the app does it by importing their routes).
import '../src/domain/contacts/record.js';
import '../src/domain/companies/record.js';
import { contacts } from '../src/db/tables.js';
import type { Ctx } from '../src/core/context.js';
import { checkDuplicates } from '../src/domain/duplicates/check.js';
import { runDuplicateScan, startDuplicateScan } from '../src/domain/duplicates/scan.js';
import { createUser } from '../src/domain/users/service.js';
import { createWorkspace } from '../src/domain/workspaces/service.js';
import { phoneKey } from '../src/domain/duplicates/canonical.js';
import { generateHebrewSet } from './hebrew-dupes-generate.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const people = arg('people', 10000);
// --workspace <id>: scan the contacts a previous run loaded (its last line names the workspace) instead of
// loading new ones; at a million contacts the load takes longer than the scan.
const reused = process.argv.includes('--workspace') ? process.argv[process.argv.indexOf('--workspace') + 1]! : null;
const handle = createDb({ databaseUrl: process.env.DATABASE_URL, poolSize: 4 });
await handle.migrate();
const db = handle.db;
let started = performance.now();
let ctx: Ctx;
if (reused) {
  const [owner] = await queryRows<{ user_id: string }>(db, sql`select user_id from memberships where workspace_id = ${reused} and role = 'owner' limit 1`);
  ctx = { db, workspaceId: reused, role: 'owner', user: null, apiKeyId: null, actorUserId: owner!.user_id, channel: 'cli' };
} else {
  const tag = Date.now().toString(36);
  const owner = await createUser(db, { email: `dupes-bench-${tag}@example.test`, name: 'Bench', password: 'quiet-harbour-lantern-77', locale: 'en' });
  const workspace = await createWorkspace({ db, user: owner }, { name: `Dupes bench ${tag}`, slug: `dupes-${tag}` });
  ctx = { db, workspaceId: workspace.id, role: 'owner', user: null, apiKeyId: null, actorUserId: owner.id, channel: 'cli' };
  const records = generateHebrewSet(8, people);
  await db.transaction(async (tx) => {
    // The search index's per-row trigger is not what this bench measures, and at a million contacts it
    // takes hours: off for the load (replica role), so these contacts are not findable by search.
    await tx.execute(sql`set local session_replication_role = replica`);
    for (let i = 0; i < records.length; i += 4000) {
      await tx.insert(contacts).values(
        records.slice(i, i + 4000).map(({ fields: f }) => {
          const emails = (f.emails ?? []).map((value, j) => ({ value: value.toLowerCase(), label: 'home' as const, primary: j === 0 }));
          const phones = (f.phones ?? []).map((v) => phoneKey(v)).filter((v): v is string => !!v).map((value, j) => ({ value, label: 'mobile' as const, primary: j === 0 }));
          return {
            workspaceId: ctx.workspaceId,
            firstName: f.firstName ?? '',
            lastName: f.lastName ?? '',
            emails,
            email: emails[0]?.value ?? null,
            phones,
            phone: phones[0]?.value ?? null,
            street: f.street ?? null,
            city: f.city ?? null,
            birthday: f.birthday ?? null,
            ownerId: ctx.actorUserId,
          };
        }),
      );
    }
  });
  await db.execute(sql`analyze contacts`);
  console.log(`${records.length} contacts inserted and analysed in ${((performance.now() - started) / 1000).toFixed(1)} s (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`);
}

started = performance.now();
const cpu = process.cpuUsage();
const scan = await runDuplicateScan(ctx, (await startDuplicateScan(ctx, 'contact')).id, 'contact');
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from contacts where workspace_id = ${ctx.workspaceId} and deleted_at is null`);
console.log(
  `scan of ${n} contacts: ${seconds.toFixed(1)} s (node CPU ${((used.user + used.system) / 1e6).toFixed(1)} s), ${scan.pairs} pairs ≥ warnAt in ${scan.groups} groups; ` +
    `heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB, peak rss ${(process.resourceUsage().maxRSS / 2 ** 10).toFixed(0)} MB`,
);

// Generated again (same seed) rather than kept through the scan, so the scan's rss is the scan's own.
const records = generateHebrewSet(8, people);
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const { fields: f } = records[(i * 7919) % records.length]!;
  const t = performance.now();
  await checkDuplicates(ctx, { type: 'contact', record: { firstName: f.firstName, lastName: f.lastName, emails: (f.emails ?? []).map((value) => ({ value })), phones: (f.phones ?? []).map((value) => ({ value })), city: f.city, birthday: f.birthday } });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`check: p50 ${times[100]!.toFixed(1)} ms, p95 ${times[190]!.toFixed(1)} ms, max ${times[199]!.toFixed(1)} ms (200 checks)`);
console.log(`workspace ${ctx.workspaceId} (scan it again with --workspace ${ctx.workspaceId} --people ${people})`);
await handle.close();
