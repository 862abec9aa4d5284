import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { insertContacts } from '../records/test-records.js';

const { db, app } = await useTestApp();
const { workspace, owner } = await makeWorkspace(db);
const repA = await makeMember(db, workspace.id, 'sales');
const repB = await makeMember(db, workspace.id, 'sales');
const viewer = await makeMember(db, workspace.id, 'viewer');
const admin = await makeMember(db, workspace.id, 'admin');
const s = {
  owner: await logIn(app, owner.email),
  repA: await logIn(app, repA.email),
  repB: await logIn(app, repB.email),
  viewer: await logIn(app, viewer.email),
  admin: await logIn(app, admin.email),
};
type Who = keyof typeof s;
const post = (who: Who, payload: object) => app.inject({ method: 'POST', url: '/api/views', headers: s[who].headers, payload });
const patch = (who: Who, id: string, payload: object) => app.inject({ method: 'PATCH', url: `/api/views/${id}`, headers: s[who].headers, payload });
const del = (who: Who, id: string) => app.inject({ method: 'DELETE', url: `/api/views/${id}`, headers: s[who].headers });
const names = async (who: Who) =>
  (await app.inject({ method: 'GET', url: '/api/views?recordType=contact', headers: { cookie: s[who].cookie } })).json().items.map((v: { name: string }) => v.name);

await insertContacts(db, workspace.id, [
  { firstName: 'Lead One', stage: 'lead', city: 'Haifa' },
  { firstName: 'Lead Two', stage: 'lead', city: 'Eilat' },
  { firstName: 'Customer', stage: 'customer', city: 'Haifa' },
]);

describe('saved views', () => {
  test('private views are their owner’s only; shared ones are everyone’s', async () => {
    const mine = await post('repA', { recordType: 'contact', name: 'My leads', filter: { field: 'stage', op: 'eq', value: 'lead' }, sort: '-city', columns: ['name', 'city'] });
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ name: 'My leads', shared: false, ownerId: repA.id, sort: '-city', columns: ['name', 'city'], version: 1 });
    expect((await post('repA', { recordType: 'contact', name: 'Team leads', shared: true })).statusCode).toBe(201);
    expect(await names('repA')).toEqual(['My leads', 'Team leads']);
    expect(await names('repB')).toEqual(['Team leads']);
    expect(await names('admin')).toEqual(['Team leads']);
    const peek = await app.inject({ method: 'GET', url: `/api/contacts?view=${mine.json().id}`, headers: { cookie: s.repB.cookie } });
    expect(peek.statusCode).toBe(404);
    expect((await patch('admin', mine.json().id, { name: 'Taken', version: 1 })).statusCode).toBe(404);
  });

  test('a list with view= applies its filter AND the given one; the given sort wins', async () => {
    const view = (await post('owner', { recordType: 'contact', name: 'Leads', filter: { field: 'stage', op: 'eq', value: 'lead' }, sort: 'city' })).json();
    const list = async (query: string) =>
      (await app.inject({ method: 'GET', url: `/api/contacts?view=${view.id}${query}`, headers: { cookie: s.owner.cookie } })).json().items.map((c: { firstName: string }) => c.firstName);
    expect(await list('')).toEqual(['Lead Two', 'Lead One']);
    expect(await list('&sort=-city')).toEqual(['Lead One', 'Lead Two']);
    const haifa = encodeURIComponent(JSON.stringify({ field: 'city', op: 'eq', value: 'Haifa' }));
    expect(await list(`&filter=${haifa}`)).toEqual(['Lead One']);
    const companyList = await app.inject({ method: 'GET', url: `/api/companies?view=${view.id}`, headers: { cookie: s.owner.cookie } });
    expect(companyList.statusCode).toBe(404);
  });

  test('the filter and sort are checked on save with the list’s compiler', async () => {
    const badField = await post('repA', { recordType: 'contact', name: 'Bad', filter: { and: [{ field: 'salary', op: 'gt', value: 1 }] } });
    expect(badField.statusCode).toBe(400);
    expect(badField.json().fields[0].path).toBe('filter.and.0.field');
    const badSort = await post('repA', { recordType: 'contact', name: 'Bad', sort: 'tags' });
    expect(badSort.json().fields[0].path).toBe('sort');
    expect((await post('repA', { recordType: 'deal', name: 'Bad' })).json().fields[0].path).toBe('recordType');
  });

  test('editing a shared view: its owner or an admin; a stale version is a 409', async () => {
    const view = (await post('repA', { recordType: 'contact', name: 'Shared', shared: true })).json();
    expect((await patch('repB', view.id, { name: 'Mine now', version: 1 })).statusCode).toBe(403);
    expect((await del('repB', view.id)).statusCode).toBe(403);
    const renamed = await patch('admin', view.id, { name: 'Renamed by admin', version: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Renamed by admin', version: 2, ownerId: repA.id });
    expect((await patch('repA', view.id, { name: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await patch('repA', view.id, { name: 'No version' })).statusCode).toBe(400);
    expect((await del('repA', view.id)).statusCode).toBe(204);
    expect((await del('repA', view.id)).statusCode).toBe(404);
  });

  test('a viewer reads shared views but saves none (403)', async () => {
    expect(await names('viewer')).toContain('Team leads');
    expect((await post('viewer', { recordType: 'contact', name: 'Mine' })).statusCode).toBe(403);
  });

  test('another workspace’s view is a 404', async () => {
    const view = (await post('owner', { recordType: 'contact', name: 'Secret', shared: true })).json();
    const other = await makeWorkspace(db);
    const session = await logIn(app, other.owner.email);
    const response = await app.inject({ method: 'PATCH', url: `/api/views/${view.id}`, headers: session.headers, payload: { name: 'x', version: 1 } });
    expect(response.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: `/api/contacts?view=${view.id}`, headers: { cookie: session.cookie } })).statusCode).toBe(404);
  });
});
