import { join } from 'node:path';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { useCli } from '../test-support/cli.js';
import { createDb, queryRows } from '../db/client.js';
import { contacts, customFields, memberships, workspaces } from '../db/tables.js';
import { useTestDb } from '../test-support/db.js';
import type { Ctx } from '../core/context.js';
import { contactRecord } from '../domain/contacts/record.js';
import { contactSchema } from '../domain/contacts/schema.js';
import { validateCustomValues } from '../domain/custom-fields/values.js';
import { listRecords } from '../domain/records/list.js';
import { seedDemo } from './seed-demo.js';

const { dataDir, kesher } = useCli('kesher-cli-');

describe('kesher CLI', () => {
  const stamp = Date.now();
  const email = `cli-${stamp}@example.test`;
  const slug = `cli-${stamp}`;

  test('creates a user, a workspace it owns, and a second member; refuses bad input with a message', async () => {
    const migrated = await kesher('migrate');
    expect(migrated.stdout).toContain('Migrations applied');
    const user = await kesher('user', 'create', '--email', email, '--name', 'CLI Owner', '--password', 'a-long-password');
    expect(user.stdout).toContain(`User ${email} created`);
    const workspace = await kesher('workspace', 'create', '--name', 'CLI Co', '--slug', slug, '--owner', email);
    expect(workspace.stdout).toContain(`Workspace CLI Co (${slug}) created`);
    const member = await kesher('user', 'create', '--email', `m-${email}`, '--name', 'Rep', '--password', 'a-long-password', '--workspace', slug, '--role', 'sales');
    expect(member.stdout).toContain(`Added to ${slug} as sales`);

    const short = await kesher('user', 'create', '--email', `x-${email}`, '--name', 'X', '--password', 'short');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('password');
    const common = await kesher('user', 'create', '--email', `z-${email}`, '--name', 'Z', '--password', 'password1234');
    expect(common.code).toBe(1);
    expect(common.stderr).toContain('Too common or too easy to guess');
    const noWorkspace = await kesher('user', 'create', '--email', `y-${email}`, '--name', 'Y', '--password', 'a-long-password', '--workspace', 'no-such');
    expect(noWorkspace.code).toBe(1);
    expect(noWorkspace.stderr).toContain('No workspace no-such');

    // Read back what the CLI wrote, through our own database client.
    const handle = createDb({ databaseUrl: process.env.KESHER_TEST_DATABASE_URL, dataDir: join(dataDir, 'pglite') });
    try {
      const [row] = await handle.db.select().from(workspaces).where(eq(workspaces.slug, slug));
      const roles = await handle.db.select({ role: memberships.role }).from(memberships).where(eq(memberships.workspaceId, row!.id));
      expect(roles.map((r) => r.role).sort()).toEqual(['owner', 'sales']);
      const leftovers = await queryRows(handle.db, sql`select count(*)::int as n from users where email = ${`y-${email}`}`);
      expect(leftovers).toEqual([{ n: 0 }]);
    } finally {
      await handle.close();
    }
  }, 120_000);
});

describe('demo workspace', async () => {
  const { db } = await useTestDb();
  // The PostgreSQL run shares one database: the demo may exist already from another file, at its
  // default size; this file's seed is smaller, so every expectation holds for either.
  let demo: ReturnType<typeof seedDemo> | undefined;
  const seeded = () => (demo ??= seedDemo(db, { contacts: 150 }));
  const count = (query: SQL) => queryRows<{ n: number }>(db, query).then((rows) => rows[0]!.n);

  test('has Hebrew and English people, Israeli and international E.164 phones, companies, and every role', async () => {
    const { workspace, login } = await seeded();
    expect(login.email).toBe('demo@kesher.dev');
    const rows = await db.select().from(contacts).where(eq(contacts.workspaceId, workspace.id));
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(rows.some((c) => /[\u0590-\u05FF]/.test(c.firstName))).toBe(true);
    expect(rows.some((c) => /^[A-Za-z]/.test(c.firstName))).toBe(true);
    const phones = rows.flatMap((c) => c.phones.map((p) => p.value));
    expect(phones.every((p) => /^\+[1-9]\d{6,14}$/.test(p))).toBe(true);
    expect(phones.some((p) => p.startsWith('+972'))).toBe(true);
    expect(phones.some((p) => !p.startsWith('+972'))).toBe(true);
    expect(rows.every((c) => c.emails.filter((e) => e.primary).length === (c.email ? 1 : 0))).toBe(true);
    expect(rows.some((c) => c.emails.length > 1) && rows.some((c) => c.phones.length > 1)).toBe(true);
    expect(rows.some((c) => c.companyId !== null)).toBe(true);
    const roles = await db.select({ role: memberships.role }).from(memberships).where(eq(memberships.workspaceId, workspace.id));
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(['owner', 'manager', 'sales', 'service', 'viewer']));
  });

  test('shows every part of the records model: types, stages with dates, owners, tags, addresses, links with roles', async () => {
    const { workspace } = await seeded();
    const rows = await db.select().from(contacts).where(eq(contacts.workspaceId, workspace.id));
    expect(new Set(rows.map((c) => c.type))).toEqual(new Set(['customer', 'supplier', 'employee', 'partner', 'other']));
    expect(new Set(rows.map((c) => c.stage))).toEqual(new Set(['subscriber', 'lead', 'qualified', 'customer', 'churned', 'won_back']));
    expect(rows.every((c) => c.stage in c.stageDates)).toBe(true);
    const members = new Set((await db.select({ id: memberships.userId }).from(memberships).where(eq(memberships.workspaceId, workspace.id))).map((m) => m.id));
    const owners = new Set(rows.map((c) => c.ownerId).filter((o): o is string => o !== null));
    expect(owners.size).toBeGreaterThanOrEqual(3);
    expect([...owners].every((o) => members.has(o))).toBe(true);
    expect(rows.some((c) => c.tags.length > 0 && c.city !== null && c.street !== null && c.birthday !== null)).toBe(true);
    const w = workspace.id;
    expect(await count(sql`select count(*)::int as n from companies where workspace_id = ${w}`)).toBeGreaterThanOrEqual(20);
    // Every contact with a company has exactly one primary link to it; some have a second, with a role.
    expect(await count(sql`select count(*)::int as n from contacts c where c.workspace_id = ${w} and c.company_id is not null
      and not exists (select 1 from contact_companies l where l.workspace_id = c.workspace_id and l.contact_id = c.id and l.company_id = c.company_id and l.is_primary)`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from contact_companies where workspace_id = ${w} and not is_primary and role is not null`)).toBeGreaterThan(0);
  });

  test('has teams, a visibility setting where the sales rep sees their own customers, and custom fields with values', async () => {
    const { workspace } = await seeded();
    const w = workspace.id;
    const [settings] = await db.select({ visibility: workspaces.recordVisibility }).from(workspaces).where(eq(workspaces.id, w));
    expect(settings!.visibility.sales).toBe('own');
    const teamNames = await queryRows<{ name: string; n: number }>(db, sql`select t.name, count(m.user_id)::int as n from teams t
      join team_members m on m.workspace_id = t.workspace_id and m.team_id = t.id where t.workspace_id = ${w} group by t.name order by t.name`);
    expect(teamNames).toEqual([{ name: 'Enterprise', n: 2 }, { name: 'צוות צפון', n: 2 }]);
    const fields = await db.select().from(customFields).where(eq(customFields.workspaceId, w));
    const byLabel = new Map(fields.map((f) => [f.labelHe, f]));
    expect(byLabel.get('מקור הגעה')?.type).toBe('select');
    expect(byLabel.get('תחום עניין')?.options.every((o) => o.labelHe && o.labelEn && o.color)).toBe(true);
    expect(fields.some((f) => f.type === 'date') && fields.some((f) => f.type === 'money')).toBe(true);
    const interest = byLabel.get('תחום עניין')!;
    const options = new Set(interest.options.map((o) => o.id));
    const rows = await db.select({ custom: contacts.custom }).from(contacts).where(eq(contacts.workspaceId, w));
    const values = rows.map((r) => r.custom[interest.key]).filter((v) => v !== undefined);
    expect(values.length).toBeGreaterThan(rows.length / 2);
    expect(values.every((v) => options.has(v as string))).toBe(true);
    const dates = rows.map((r) => r.custom[fields.find((f) => f.type === 'date' && f.recordType === 'contact')!.key]).filter(Boolean);
    expect(dates.length > 0 && dates.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d as string))).toBe(true);
  });

  test('has ten activities per contact over two years, every kind, linked; a meeting links two people of one company and the company', async () => {
    const { workspace } = await seeded();
    const w = workspace.id;
    const people = await count(sql`select count(*)::int as n from contacts where workspace_id = ${w}`);
    const kinds = await queryRows<{ kind: string }>(db, sql`select distinct kind from activities where workspace_id = ${w} and kind <> 'system'`);
    expect(kinds.map((k) => k.kind).sort()).toEqual(['call', 'chat', 'email', 'fax', 'letter', 'meeting', 'note', 'sms', 'social', 'visit', 'web_form', 'whatsapp']);
    expect(await count(sql`select count(*)::int as n from activities where workspace_id = ${w} and kind <> 'system'`)).toBe(people * 10);
    const [span] = await queryRows<{ days: number }>(db, sql`select extract(day from max(occurred_at) - min(occurred_at))::int as days from activities where workspace_id = ${w} and kind <> 'system'`);
    expect(span!.days).toBeGreaterThan(365);
    expect(await count(sql`select count(*)::int as n from activities a where a.workspace_id = ${w}
      and not exists (select 1 from activity_links l where l.workspace_id = a.workspace_id and l.activity_id = a.id)`)).toBe(0);
    // The link copies the activity's time and kind, which the timeline index walks.
    expect(await count(sql`select count(*)::int as n from activity_links l join activities a on a.workspace_id = l.workspace_id and a.id = l.activity_id
      where l.workspace_id = ${w} and (l.occurred_at <> a.occurred_at or l.kind <> a.kind)`)).toBe(0);
    expect(await count(sql`select count(*)::int as n from activities a where a.workspace_id = ${w} and a.kind = 'meeting'
      and (select count(*) from activity_links l where l.workspace_id = a.workspace_id and l.activity_id = a.id and l.record_type = 'contact') = 2
      and exists (select 1 from activity_links l where l.workspace_id = a.workspace_id and l.activity_id = a.id and l.record_type = 'company')`)).toBeGreaterThan(0);
  });

  test("every record has its 'created' audit entry, timeline system event and outbox event", async () => {
    const { workspace } = await seeded();
    const w = workspace.id;
    for (const [recordType, table] of [['contact', 'contacts'], ['company', 'companies']] as const) {
      const records = await count(sql`select count(*)::int as n from ${sql.identifier(table)} where workspace_id = ${w}`);
      const audited = await count(sql`select count(distinct record_id)::int as n from audit_log where workspace_id = ${w} and record_type = ${recordType} and action = 'create'`);
      const events = await count(sql`select count(distinct record_id)::int as n from events where workspace_id = ${w} and record_type = ${recordType} and action = 'created'`);
      const system = await count(sql`select count(distinct l.record_id)::int as n from activity_links l join activities a on a.workspace_id = l.workspace_id and a.id = l.activity_id
        where l.workspace_id = ${w} and l.record_type = ${recordType} and a.kind = 'system' and a.event->>'action' = 'create'`);
      expect([audited, events, system]).toEqual([records, records, records]);
    }
  });

  test('reads back through the engine: custom values valid, JSON matches the contract, a custom filter and sort list it', async () => {
    const { workspace } = await seeded();
    const [owner] = await db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.role, 'owner')));
    const ctx: Ctx = { db, workspaceId: workspace.id, role: 'owner', user: null, apiKeyId: null, actorUserId: owner!.userId, channel: 'cli' };
    const rows = await db.select({ custom: contacts.custom }).from(contacts).where(eq(contacts.workspaceId, workspace.id)).limit(200);
    for (const { custom } of rows) await validateCustomValues(ctx, 'contact', custom, null);
    const fields = await db.select().from(customFields).where(and(eq(customFields.workspaceId, workspace.id), eq(customFields.recordType, 'contact')));
    const interest = fields.find((f) => f.labelEn === 'Area of interest')!;
    const date = fields.find((f) => f.type === 'date')!;
    const filter = { and: [{ field: 'stage', op: 'eq', value: 'customer' }, { field: `custom.${interest.key}`, op: 'eq', value: interest.options[0]!.id }] };
    const page = await listRecords(ctx, contactRecord, { filter: JSON.stringify(filter), sort: `-custom.${date.key}`, limit: 20 });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items) expect(() => contactSchema.parse(item)).not.toThrow();
    const contact = page.items[0] as { stage: string; custom: Record<string, unknown> };
    expect(contact.stage).toBe('customer');
    expect(contact.custom[interest.key]).toBe(interest.options[0]!.id);
  });

  test('seeding again changes nothing', async () => {
    const { workspace } = await seeded();
    const totals = () => queryRows(db, sql`select (select count(*)::int from contacts where workspace_id = ${workspace.id}) as contacts,
      (select count(*)::int from activities where workspace_id = ${workspace.id}) as activities,
      (select count(*)::int from audit_log where workspace_id = ${workspace.id}) as audit`);
    const before = await totals();
    const again = await seedDemo(db, { contacts: 150 });
    expect(again.created).toBe(false);
    expect(await totals()).toEqual(before);
  });
});
