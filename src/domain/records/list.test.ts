import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace, type Session } from '../../test-support/fixtures.js';
import { contactCompanies } from '../contacts/table.js';
import { createCustomField } from '../custom-fields/service.js';
import { createTeam } from '../teams/service.js';
import { updateRecordSettings } from '../teams/settings.js';
import { insertCompanies, insertContacts } from './test-records.js';

const { db, app } = await useTestApp();

const get = (session: Session, url: string) => app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
const firstNames = (body: { items: { firstName: string }[] }) => body.items.map((c) => c.firstName);
const qs = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();

/** Every page of a list, following nextCursor. */
async function walk(session: Session, path: string, params: Record<string, unknown>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 50; pages++) {
    const response = await get(session, `${path}?${qs({ ...params, ...(cursor && { cursor }) })}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    seen.push(...firstNames(body));
    cursor = body.nextCursor ?? undefined;
    if (!cursor) return seen;
  }
  throw new Error('too many pages');
}

describe('visibility per role on list, get and count', async () => {
  const { workspace, owner, ctx } = await makeWorkspace(db);
  const manager = await makeMember(db, workspace.id, 'manager');
  const repA = await makeMember(db, workspace.id, 'sales');
  const repB = await makeMember(db, workspace.id, 'sales');
  const viewer = await makeMember(db, workspace.id, 'viewer');
  const admin = await makeMember(db, workspace.id, 'admin');
  await createTeam(ctx(), { name: 'A team', memberIds: [manager.id, repA.id] });
  await updateRecordSettings(ctx(), { recordVisibility: { sales: 'own', manager: 'team' } });
  const [ofA, ofB, ofOwner, ofNobody] = await insertContacts(db, workspace.id, [
    { firstName: 'OfA', ownerId: repA.id },
    { firstName: 'OfB', ownerId: repB.id },
    { firstName: 'OfOwner', ownerId: owner.id },
    { firstName: 'OfNobody', ownerId: null },
  ]);
  const [acme] = await insertCompanies(db, workspace.id, [{ name: 'Acme', ownerId: repA.id }]);
  await db.insert(contactCompanies).values(
    [ofA!, ofB!, ofOwner!].map((c) => ({ workspaceId: workspace.id, contactId: c.id, companyId: acme!.id })),
  );
  const sessions = {
    owner: await logIn(app, owner.email),
    admin: await logIn(app, admin.email),
    manager: await logIn(app, manager.email),
    repA: await logIn(app, repA.email),
    repB: await logIn(app, repB.email),
    viewer: await logIn(app, viewer.email),
  };
  const all = ['OfA', 'OfB', 'OfNobody', 'OfOwner'];

  test.each([
    ['owner', all],
    ['admin', all],
    ['manager', ['OfA']],
    ['repA', ['OfA']],
    ['repB', ['OfB']],
    ['viewer', all],
  ] as const)('%s lists what their role may see', async (who, expected) => {
    const response = await get(sessions[who], '/api/contacts');
    expect(firstNames(response.json())).toEqual(expected);
  });

  test('a record out of sight is a 404 on get, like another workspace’s', async () => {
    expect((await get(sessions.repA, `/api/contacts/${ofA!.id}`)).statusCode).toBe(200);
    expect((await get(sessions.repA, `/api/contacts/${ofB!.id}`)).statusCode).toBe(404);
    expect((await get(sessions.manager, `/api/contacts/${ofOwner!.id}`)).statusCode).toBe(404);
    expect((await get(sessions.viewer, `/api/contacts/${ofNobody!.id}`)).statusCode).toBe(200);
    const other = await makeWorkspace(db);
    const otherSession = await logIn(app, other.owner.email);
    expect((await get(otherSession, `/api/contacts/${ofA!.id}`)).statusCode).toBe(404);
    expect((await get(otherSession, `/api/companies/${acme!.id}`)).statusCode).toBe(404);
    expect(firstNames((await get(otherSession, '/api/contacts')).json())).toEqual([]);
  });

  test('a company’s contact count is of the contacts the caller may see', async () => {
    const count = async (who: keyof typeof sessions) => (await get(sessions[who], `/api/companies/${acme!.id}`)).json().contactCount;
    expect(await count('owner')).toBe(3);
    expect(await count('repA')).toBe(1);
    expect(await count('viewer')).toBe(3);
    expect((await get(sessions.repB, `/api/companies/${acme!.id}`)).statusCode).toBe(404);
  });

  test('filters and search never widen what a role sees', async () => {
    const filter = { field: 'ownerId', op: 'eq', value: repB.id };
    expect(firstNames((await get(sessions.repA, `/api/contacts?${qs({ filter })}`)).json())).toEqual([]);
    expect(firstNames((await get(sessions.repA, '/api/contacts?q=of')).json())).toEqual(['OfA']);
  });

  test('record settings: everyone reads them, a lower role may not change them (403)', async () => {
    expect((await get(sessions.viewer, '/api/workspace/record-settings')).json()).toEqual({
      recordVisibility: { sales: 'own', manager: 'team' },
      trashRetentionDays: 30,
    });
    const put = (who: keyof typeof sessions, payload: object) =>
      app.inject({ method: 'PUT', url: '/api/workspace/record-settings', headers: sessions[who].headers, payload });
    expect((await put('manager', { trashRetentionDays: 5 })).statusCode).toBe(403);
    const changed = await put('admin', { recordVisibility: { viewer: 'own' }, trashRetentionDays: 7 });
    expect(changed.json()).toEqual({ recordVisibility: { sales: 'own', manager: 'team', viewer: 'own' }, trashRetentionDays: 7 });
    expect(firstNames((await get(sessions.viewer, '/api/contacts')).json())).toEqual([]);
    expect((await put('admin', { recordVisibility: { owner: 'own' } })).statusCode).toBe(400);
    await put('admin', { recordVisibility: { viewer: 'all' } });
  });
});

describe('keyset pages', async () => {
  const { workspace, owner, ctx } = await makeWorkspace(db);
  const session = await logIn(app, owner.email);
  const due = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'מועד', labelEn: 'Due', type: 'date' });
  const amount = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'סכום', labelEn: 'Amount', type: 'number' });
  const tier = await createCustomField(ctx(), {
    recordType: 'contact',
    labelHe: 'דרג',
    labelEn: 'Tier',
    type: 'select',
    options: [
      { labelHe: 'זהב', labelEn: 'Gold' },
      { labelHe: 'כסף', labelEn: 'Silver' },
    ],
  });
  const [gold, silver] = tier.options.map((o) => o.id);
  // Ties and empty values on purpose: 3 share a city, 3 have none, dates repeat, some have no date.
  const people = [
    { firstName: 'P01', city: 'Acre', custom: { [due.key]: '2026-03-01', [amount.key]: 5, [tier.key]: silver } },
    { firstName: 'P02', city: null, custom: { [due.key]: '2026-01-15', [amount.key]: 5 } },
    { firstName: 'P03', city: 'Acre', custom: {} },
    { firstName: 'P04', city: 'Zefat', custom: { [due.key]: '2026-01-15', [tier.key]: gold } },
    { firstName: 'P05', city: null, custom: { [due.key]: '2025-12-31', [amount.key]: -2 } },
    { firstName: 'P06', city: 'Acre', custom: {} },
    { firstName: 'P07', city: 'Bat Yam', custom: { [due.key]: '2026-03-01', [amount.key]: 100, [tier.key]: gold } },
    { firstName: 'P08', city: null, custom: { [amount.key]: 5 } },
  ];
  const inserted = await insertContacts(db, workspace.id, people);
  const idOf = new Map(inserted.map((c) => [c.firstName, c.id]));
  /** The order the list must give: by the key, empties last (first descending), ties by id. */
  const expected = (key: (p: (typeof people)[number]) => string | number | undefined | null, desc = false) =>
    [...people]
      .sort((a, b) => {
        const [x, y] = [key(a) ?? null, key(b) ?? null];
        let c = 0;
        if (x === null && y !== null) c = 1;
        else if (y === null && x !== null) c = -1;
        else if (x !== null && y !== null) c = x < y ? -1 : x > y ? 1 : 0;
        if (c === 0) c = idOf.get(a.firstName)! < idOf.get(b.firstName)! ? -1 : 1;
        return desc ? -c : c;
      })
      .map((p) => p.firstName);

  test.each([1, 2, 3])('by a nullable text with ties, %i per page, both directions', async (limit) => {
    expect(await walk(session, '/api/contacts', { sort: 'city', limit: String(limit) })).toEqual(expected((p) => p.city));
    expect(await walk(session, '/api/contacts', { sort: '-city', limit: String(limit) })).toEqual(expected((p) => p.city, true));
  });

  test('by a custom date with empty values and ties', async () => {
    const key = (p: (typeof people)[number]) => p.custom[due.key] as string | undefined;
    expect(await walk(session, '/api/contacts', { sort: `custom.${due.key}`, limit: '2' })).toEqual(expected(key));
    expect(await walk(session, '/api/contacts', { sort: `-custom.${due.key}`, limit: '3' })).toEqual(expected(key, true));
  });

  test('by a custom number, and by a custom select in its options’ order', async () => {
    const byAmount = (p: (typeof people)[number]) => p.custom[amount.key] as number | undefined;
    expect(await walk(session, '/api/contacts', { sort: `custom.${amount.key}`, limit: '2' })).toEqual(expected(byAmount));
    const byTier = (p: (typeof people)[number]) => tier.options.findIndex((o) => o.id === p.custom[tier.key]) + 1 || null;
    expect(await walk(session, '/api/contacts', { sort: `custom.${tier.key}`, limit: '3' })).toEqual(expected(byTier));
  });

  test('with a filter on a custom select, sorted by a custom date', async () => {
    const filter = { field: `custom.${tier.key}`, op: 'in', value: [gold, silver] };
    expect(await walk(session, '/api/contacts', { filter, sort: `-custom.${due.key}`, limit: '1' })).toEqual(['P07', 'P01', 'P04'].sort((a, b) => {
      // P07 and P01 tie on 2026-03-01: id order, descending
      if (a === 'P04' || b === 'P04') return a === 'P04' ? 1 : -1;
      return idOf.get(a)! < idOf.get(b)! ? 1 : -1;
    }));
  });

  test('by createdAt (microseconds survive the cursor) and by stage', async () => {
    const pages = await walk(session, '/api/contacts', { sort: '-createdAt', limit: '3' });
    expect(new Set(pages)).toEqual(new Set(people.map((p) => p.firstName)));
    expect(pages).toHaveLength(people.length);
    expect(await walk(session, '/api/contacts', { sort: 'stage', limit: '3' })).toHaveLength(people.length);
  });

  test('a cursor of another sort, a forged value, an unknown or unsortable field are 400s', async () => {
    const first = (await get(session, `/api/contacts?${qs({ sort: 'city', limit: '2' })}`)).json();
    const other = await get(session, `/api/contacts?${qs({ sort: '-city', cursor: first.nextCursor })}`);
    expect(other.statusCode).toBe(400);
    expect(other.json().fields[0].path).toBe('cursor');
    const forged = Buffer.from(JSON.stringify({ s: `custom.${due.key}`, v: ['2026-13-45'], id: idOf.get('P01') })).toString('base64url');
    expect((await get(session, `/api/contacts?${qs({ sort: `custom.${due.key}`, cursor: forged })}`)).statusCode).toBe(400);
    const forgedNumber = Buffer.from(JSON.stringify({ s: `custom.${amount.key}`, v: ['1e999999'], id: idOf.get('P01') })).toString('base64url');
    expect((await get(session, `/api/contacts?${qs({ sort: `custom.${amount.key}`, cursor: forgedNumber })}`)).statusCode).toBe(400);
    for (const sort of ['salary', 'tags', '-ownerId', 'custom.cf_nothere']) {
      const response = await get(session, `/api/contacts?${qs({ sort })}`);
      expect(response.statusCode, sort).toBe(400);
      expect(response.json().fields[0].path).toBe('sort');
    }
  });
});

describe('the field catalogue', async () => {
  const { workspace, owner, ctx } = await makeWorkspace(db);
  const viewer = await makeMember(db, workspace.id, 'viewer');
  const session = await logIn(app, viewer.email);
  const interest = await createCustomField(ctx(), {
    recordType: 'company',
    labelHe: 'תחום',
    labelEn: 'Field',
    type: 'select',
    options: [{ labelHe: 'א', labelEn: 'A', color: '#ff0000' }],
  });
  void owner;

  test('lists built-in and custom fields with their operators', async () => {
    const response = await get(session, '/api/fields/company');
    expect(response.statusCode).toBe(200);
    const fields = response.json() as { key: string; operators: string[]; sortable: boolean; custom: boolean }[];
    expect(fields.find((f) => f.key === 'size')).toMatchObject({ type: 'select', values: ['1-10', '11-50', '51-200', '201-1000', '1001+'], custom: false });
    expect(fields.find((f) => f.key === 'tags')!.operators).toEqual(['has_tag', 'lacks_tag', 'empty', 'not_empty']);
    expect(fields.find((f) => f.key === `custom.${interest.key}`)).toMatchObject({
      labelHe: 'תחום',
      labelEn: 'Field',
      custom: true,
      sortable: true,
      options: [{ id: interest.options[0]!.id, labelEn: 'A', color: '#ff0000' }],
      operators: ['eq', 'neq', 'in', 'not_in', 'empty', 'not_empty'],
    });
    expect((await get(session, '/api/fields/contact')).json().map((f: { key: string }) => f.key)).toContain('stage');
    expect((await get(session, '/api/fields/deal')).statusCode).toBe(400);
  });
});
