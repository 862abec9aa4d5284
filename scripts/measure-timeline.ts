// Measures a company's timeline (its own activities and its people's) on PostgreSQL: EXPLAIN ANALYZE of
// the first page and of a page deep in the timeline. Usage: DATABASE_URL=… node --import tsx scripts/measure-timeline.ts
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { createDb, queryRows } from '../src/db/client.js';
import { timelinePageSql } from '../src/domain/activities/timeline.js';
import type { Ctx } from '../src/core/context.js';

const people = Number(process.env.PEOPLE ?? 200);
const perPerson = Number(process.env.PER_PERSON ?? 50);
const own = Number(process.env.OWN ?? 2000);
const noise = Number(process.env.NOISE ?? 300_000);
/** The share of system events (field changes) among the links. */
const systemShare = Number(process.env.SYSTEM ?? 0.1);

const server = process.env.DATABASE_URL!;
const name = `kesher_measure_${Date.now()}`;
const admin = new pg.Client({ connectionString: server });
await admin.connect();
await admin.query(`create database ${name}`);
const url = new URL(server);
url.pathname = `/${name}`;
const handle = createDb({ databaseUrl: url.toString() });
try {
  await handle.migrate();
  const db = handle.db;
  const [ws] = await queryRows<{ id: string }>(db, sql`insert into workspaces (name, slug) values ('M', 'm') returning id`);
  const wsId = ws!.id;
  const [company] = await queryRows<{ id: string }>(db, sql`insert into companies (workspace_id, name) values (${wsId}, 'Acme') returning id`);
  await db.execute(sql`insert into contacts (workspace_id, first_name) select ${wsId}, 'P' || g from generate_series(1, ${people + 20000}) g`);
  await db.execute(sql`insert into contact_companies (workspace_id, contact_id, company_id)
    select ${wsId}, id, ${company!.id} from contacts where workspace_id = ${wsId} order by id limit ${people}`);
  // Activities: the company's own, each person's, and noise on the other contacts; SYSTEM of them system events.
  await db.execute(sql`
    with targets as (
      select 'company' as t, ${company!.id}::uuid as rid, g as n from generate_series(1, ${own}) g
      union all select 'contact', cc.contact_id, g from contact_companies cc, generate_series(1, ${perPerson}) g where cc.company_id = ${company!.id}
      union all select 'contact', c.id, g from (select id from contacts where workspace_id = ${wsId} order by id offset ${people}) c, generate_series(1, ${Math.ceil(noise / 20000)}) g
    ), acts as (
      insert into activities (workspace_id, id, kind, occurred_at)
      select ${wsId}, gen_random_uuid(), case when random() < ${systemShare} then 'system' else 'note' end, now() - random() * interval '730 days' from targets
      returning id, kind, occurred_at
    ), numbered as (select a.*, row_number() over () as rn from acts a), tnum as (select t.*, row_number() over () as rn from targets t)
    insert into activity_links (workspace_id, activity_id, record_type, record_id, occurred_at, kind)
    select ${wsId}, n.id, t.t, t.rid, n.occurred_at, n.kind from numbered n join tnum t using (rn)`);
  await db.execute(sql`analyze`);
  const [{ n }] = (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from activity_links`)) as [{ n: number }];
  const ctx = { db, workspaceId: wsId, role: 'owner' } as Ctx;
  const visibility = { scope: 'all' as const, ownerIds: null };
  const explain = async (label: string, after?: [string, string]) => {
    const page = timelinePageSql(ctx, visibility, 'company', company!.id, { limit: 26, after });
    const rows = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain (analyze, buffers) ${page}`);
    const plan = rows.map((r) => r['QUERY PLAN']);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await db.execute(page);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    console.log(`\n## ${label}: median ${times[10]!.toFixed(2)} ms, p95 ${times[18]!.toFixed(2)} ms (20 runs, through the pool)`);
    console.log(plan.filter((l) => /Index|Limit|Unique|Nested|Append|Sort/.test(l)).slice(0, 14).join('\n'));
    console.log(plan.filter((l) => /Planning Time|Execution Time/.test(l)).join('\n'));
  };
  console.log(`activity_links rows: ${n}; company with ${people} people × ${perPerson} activities, ${own} of its own`);
  await explain('first page');
  const deep = await queryRows<{ at: string; id: string }>(db, sql`select occurred_at::text as at, activity_id::text as id from activity_links
    where record_type = 'company' and record_id = ${company!.id} order by occurred_at desc, activity_id desc offset ${Math.floor(own / 2)} limit 1`);
  await explain('deep page (half way down)', [deep[0]!.at, deep[0]!.id]);
} finally {
  await handle.close();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}
