import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { queryRows } from '../../db/client.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { contactRecord } from '../contacts/record.js';
import { resolveFields } from '../records/filter-fields.js';
import { compileFilter } from '../records/filter.js';
import { orderBy, planSort } from '../records/sort.js';
import { insertContacts } from '../records/test-records.js';
import { createCustomField, customFieldsOf, ensureFieldIndexes, settleFieldIndexes, updateCustomField } from './service.js';

const { db, app } = await useTestApp();
const onPostgres = !!process.env.KESHER_TEST_DATABASE_URL;

describe('custom fields API', async () => {
  const { workspace, owner } = await makeWorkspace(db);
  const admin = await makeMember(db, workspace.id, 'admin');
  const manager = await makeMember(db, workspace.id, 'manager');
  const session = await logIn(app, admin.email);
  const managerSession = await logIn(app, manager.email);
  const post = (payload: object, s = session) => app.inject({ method: 'POST', url: '/api/custom-fields', headers: s.headers, payload });
  const patch = (id: string, payload: object) => app.inject({ method: 'PATCH', url: `/api/custom-fields/${id}`, headers: session.headers, payload });
  void owner;

  test('an admin creates a select with options; keys and option ids are generated', async () => {
    const response = await post({
      recordType: 'contact',
      labelHe: 'תחום עניין',
      labelEn: 'Interest',
      type: 'select',
      options: [
        { labelHe: 'ספורט', labelEn: 'Sport', color: 'teal' },
        { labelHe: 'מוזיקה', labelEn: 'Music' },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    const field = response.json();
    expect(field).toMatchObject({ recordType: 'contact', type: 'select', required: false, archived: false, version: 1, config: {} });
    expect(field.key).toMatch(/^cf_[a-z0-9]{8,}$/);
    expect(field.options).toEqual([
      { id: expect.stringMatching(/^opt_/), labelHe: 'ספורט', labelEn: 'Sport', color: 'teal', position: 0, archived: false },
      { id: expect.stringMatching(/^opt_/), labelHe: 'מוזיקה', labelEn: 'Music', color: null, position: 1, archived: false },
    ]);
  });

  test('a manager may not manage fields (403) but lists them', async () => {
    expect((await post({ recordType: 'contact', labelHe: 'א', labelEn: 'A', type: 'text' }, managerSession)).statusCode).toBe(403);
    const list = await app.inject({ method: 'GET', url: '/api/custom-fields?recordType=contact', headers: { cookie: managerSession.cookie } });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.length).toBeGreaterThan(0);
  });

  test('config is checked per type, with defaults; options only on selects', async () => {
    expect((await post({ recordType: 'contact', labelHe: 'ד', labelEn: 'R', type: 'rating' })).json().config).toEqual({ max: 5 });
    expect((await post({ recordType: 'contact', labelHe: 'כ', labelEn: 'M', type: 'money' })).json().config).toEqual({ currency: 'ILS' });
    const badMax = await post({ recordType: 'contact', labelHe: 'ד', labelEn: 'R', type: 'rating', config: { max: 99 } });
    expect(badMax.statusCode).toBe(400);
    expect(badMax.json().fields[0].path).toBe('config.max');
    const noTarget = await post({ recordType: 'contact', labelHe: 'ק', labelEn: 'Rel', type: 'relation' });
    expect(noTarget.json().fields[0].path).toBe('config.target');
    expect((await post({ recordType: 'contact', labelHe: 'ט', labelEn: 'T', type: 'text', options: [{ labelHe: 'א', labelEn: 'a' }] })).statusCode).toBe(400);
    expect((await post({ recordType: 'contact', labelHe: 'ס', labelEn: 'S', type: 'select', options: [] })).statusCode).toBe(400);
    expect((await post({ recordType: 'deal', labelHe: 'ס', labelEn: 'S', type: 'text' })).json().fields[0].path).toBe('recordType');
  });

  test('rename, reorder and archive options; a stale version is a 409', async () => {
    const field = (
      await post({ recordType: 'company', labelHe: 'גודל', labelEn: 'Size', type: 'multi_select', options: [{ labelHe: 'א', labelEn: 'A' }, { labelHe: 'ב', labelEn: 'B' }] })
    ).json();
    const [a, b] = field.options;
    const renamed = await patch(field.id, {
      labelEn: 'Sizes',
      options: [{ id: b.id, labelHe: 'ב', labelEn: 'Bee', color: '#00aa00' }, { labelHe: 'ג', labelEn: 'C' }],
      version: 1,
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ labelEn: 'Sizes', version: 2, key: field.key });
    expect(renamed.json().options.map((o: { labelEn: string; archived: boolean; position: number }) => [o.labelEn, o.archived, o.position])).toEqual([
      ['Bee', false, 0],
      ['C', false, 1],
      ['A', true, 2],
    ]);
    expect(renamed.json().options[2].id).toBe(a.id);
    const stale = await patch(field.id, { labelEn: 'Stale', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
    expect((await patch(field.id, { labelEn: 'X' })).statusCode).toBe(400);
    expect((await patch(field.id, { options: [{ id: 'opt_unknown', labelHe: 'x', labelEn: 'x' }], version: 2 })).json().fields[0].path).toBe('options.0.id');
  });

  test('reorder takes every field once; another workspace’s field is a 404', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/custom-fields?recordType=contact', headers: { cookie: session.cookie } });
    const ids = list.json().items.map((f: { id: string }) => f.id) as string[];
    const reordered = await app.inject({ method: 'POST', url: '/api/custom-fields/reorder', headers: session.headers, payload: { recordType: 'contact', ids: [...ids].reverse() } });
    expect(reordered.statusCode, reordered.body).toBe(200);
    expect(reordered.json().items.filter((f: { archived: boolean }) => !f.archived).map((f: { id: string }) => f.id)).toEqual([...ids].reverse());
    const partial = await app.inject({ method: 'POST', url: '/api/custom-fields/reorder', headers: session.headers, payload: { recordType: 'contact', ids: ids.slice(1) } });
    expect(partial.statusCode).toBe(400);
    const other = await makeWorkspace(db);
    const otherSession = await logIn(app, other.owner.email);
    const foreign = await app.inject({ method: 'PATCH', url: `/api/custom-fields/${ids[0]}`, headers: otherSession.headers, payload: { labelEn: 'Hacked', version: 1 } });
    expect(foreign.statusCode).toBe(404);
  });

  test('keys are never reused: an archived field keeps its key, a new one gets another', async () => {
    const first = (await post({ recordType: 'contact', labelHe: 'ה', labelEn: 'E', type: 'email' })).json();
    await patch(first.id, { archived: true, version: 1 });
    const second = (await post({ recordType: 'contact', labelHe: 'ה', labelEn: 'E', type: 'email' })).json();
    expect(second.key).not.toBe(first.key);
    const withArchived = await app.inject({ method: 'GET', url: '/api/custom-fields?recordType=contact&archived=true', headers: { cookie: session.cookie } });
    expect(withArchived.json().items.find((f: { id: string }) => f.id === first.id)).toMatchObject({ archived: true, key: first.key });
  });
});

describe('expression indexes of sortable custom fields', async () => {
  const { workspace, ctx } = await makeWorkspace(db);
  const due = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'מועד', labelEn: 'Due', type: 'date' });
  const interest = await createCustomField(ctx(), {
    recordType: 'contact',
    labelHe: 'עניין',
    labelEn: 'Interest',
    type: 'select',
    options: [{ labelHe: 'א', labelEn: 'A' }],
  });
  const indexName = async (id: string) => {
    const rows = await queryRows<{ index_name: string | null }>(db, sql`select index_name from custom_fields where id = ${id}`);
    return rows[0]!.index_name;
  };
  const indexExists = async (name: string) =>
    (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_indexes where indexname = ${name}`))[0]!.n === 1;

  test('a date field gets an index at creation, a select none; archive drops it, restore rebuilds it', async () => {
    await settleFieldIndexes();
    const name = await indexName(due.id);
    expect(name).toMatch(/^contacts_cf_/);
    expect(await indexExists(name!)).toBe(true);
    expect(await indexName(interest.id)).toBeNull();
    const archived = await updateCustomField(ctx(), due.id, { archived: true, version: due.version });
    expect(await indexName(due.id)).toBeNull();
    expect(await indexExists(name!)).toBe(false);
    await updateCustomField(ctx(), due.id, { archived: false, version: archived.version });
    await settleFieldIndexes();
    expect(await indexExists((await indexName(due.id))!)).toBe(true);
  });

  test('an index a stopped process left unbuilt, or a field written straight to the table, is built at the next start', async () => {
    await settleFieldIndexes();
    const name = (await indexName(due.id))!;
    // As if killed mid-build: the index is gone (or invalid) and the field records none.
    await db.execute(sql`drop index ${sql.identifier(name)}`);
    await db.execute(sql`update custom_fields set index_name = null where id = ${due.id}`);
    await ensureFieldIndexes(db);
    expect(await indexName(due.id)).toBe(name);
    expect(await indexExists(name)).toBe(true);
    expect(await indexName(interest.id)).toBeNull();
  });

  test('archiving a field while its index builds leaves no index behind', async () => {
    const field = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'ת', labelEn: 'Quick', type: 'number' });
    await updateCustomField(ctx(), field.id, { archived: true, version: field.version });
    await settleFieldIndexes();
    expect(await indexName(field.id)).toBeNull();
    const leftovers = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from pg_indexes where indexname like ${`%${field.key}%`}`);
    expect(leftovers[0]!.n).toBe(0);
  });

  test.runIf(onPostgres)('PostgreSQL plans a filter on a custom select sorted by a custom date on the expression index', async () => {
    const option = interest.options[0]!.id;
    const rows = Array.from({ length: 3000 }, (_, i) => ({
      firstName: `P${i}`,
      custom: { ...(i % 3 === 0 && { [due.key]: `2026-0${(i % 9) + 1}-1${i % 10}` }), ...(i % 2 === 0 && { [interest.key]: option }) },
    }));
    for (let i = 0; i < rows.length; i += 1000) await insertContacts(db, workspace.id, rows.slice(i, i + 1000));
    await settleFieldIndexes();
    await db.execute(sql`analyze contacts`);
    const fields = resolveFields(contactRecord, await customFieldsOf(ctx(), 'contact'));
    const plan = planSort(contactRecord, fields, `custom.${due.key}`);
    const where = compileFilter(ctx(), contactRecord, fields, { field: `custom.${interest.key}`, op: 'eq', value: option });
    const explain = await queryRows<{ 'QUERY PLAN': string }>(
      db,
      sql`explain select id from contacts where workspace_id = ${workspace.id} and deleted_at is null and ${where}
          order by ${orderBy(plan, sql`id`)} limit 51`,
    );
    const text = explain.map((r) => r['QUERY PLAN']).join('\n');
    expect(text).toContain((await indexName(due.id))!);
  });
});
