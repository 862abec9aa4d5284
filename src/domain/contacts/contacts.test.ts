import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { createCompany } from '../companies/service.js';
import { createContact, deleteContact, getContact, listContacts, updateContact } from './service.js';

const { db, app } = await useTestApp();

describe('contacts service', () => {
  test('stores phones as E.164, Israeli by default, and emails in lower case', async () => {
    const { ctx } = await makeWorkspace(db);
    const local = await createContact(ctx(), { firstName: 'דנה', lastName: 'כהן', phone: '052-555-1234', email: ' Dana@Example.COM ' });
    expect(local).toMatchObject({ phone: '+972525551234', email: 'dana@example.com', version: 1 });
    const abroad = await createContact(ctx(), { firstName: 'John', phone: '+1 (415) 555-2671' });
    expect(abroad.phone).toBe('+14155552671');
  });

  test('rejects a phone that is not a number with a field error', async () => {
    const { ctx } = await makeWorkspace(db);
    await expect(createContact(ctx(), { firstName: 'A', phone: '12' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: [{ path: 'phone' }] },
    });
  });

  test('pages through every contact in name order exactly once', async () => {
    const { ctx } = await makeWorkspace(db);
    const names = Array.from({ length: 23 }, (_, i) => `Person ${String(i).padStart(2, '0')}`);
    for (const name of [...names].reverse()) await createContact(ctx(), { firstName: name, lastName: 'Same' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listContacts(ctx(), { limit: 5, cursor });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((c) => c.firstName));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(names);
  });

  test('pages stay correct when many contacts share a name', async () => {
    const { ctx } = await makeWorkspace(db);
    const ids = new Set<string>();
    for (let i = 0; i < 7; i++) ids.add((await createContact(ctx(), { firstName: 'Twin' })).id);
    const first = await listContacts(ctx(), { limit: 4 });
    const second = await listContacts(ctx(), { limit: 4, cursor: first.nextCursor! });
    const all = [...first.items, ...second.items].map((c) => c.id);
    expect(new Set(all)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
  });

  test('finds a contact by a fragment of a Hebrew name, an email or a phone in local format', async () => {
    const { ctx } = await makeWorkspace(db);
    await createContact(ctx(), { firstName: 'ישראל', lastName: 'ישראלי', email: 'israel@example.co.il', phone: '054-7654321' });
    await createContact(ctx(), { firstName: 'Other', lastName: 'Person', email: 'other@example.com' });
    for (const q of ['ישראל', 'srael@exa', '054-765', '7654321', 'ISRAEL']) {
      const { items } = await listContacts(ctx(), { q });
      expect(items.map((c) => c.firstName), q).toEqual(['ישראל']);
    }
    expect((await listContacts(ctx(), { q: '100%' })).items).toEqual([]);
  });

  test('a stale version is a 409 conflict and changes nothing', async () => {
    const { ctx } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Dana' });
    const first = await updateContact(ctx(), contact.id, { lastName: 'Levi', version: 1 });
    expect(first.version).toBe(2);
    await expect(updateContact(ctx(), contact.id, { lastName: 'Cohen', version: 1 })).rejects.toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: 2 },
    });
    expect((await getContact(ctx(), contact.id)).lastName).toBe('Levi');
  });

  test('soft delete hides the contact from get and list', async () => {
    const { ctx } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Gone' });
    await deleteContact(ctx(), contact.id);
    await expect(getContact(ctx(), contact.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listContacts(ctx(), {})).items).toEqual([]);
    await expect(deleteContact(ctx(), contact.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  test('links a company of the workspace, and refuses another workspace’s company', async () => {
    const mine = await makeWorkspace(db);
    const theirs = await makeWorkspace(db);
    const company = await createCompany(mine.ctx(), { name: 'אלביט' });
    const foreign = await createCompany(theirs.ctx(), { name: 'Foreign Ltd' });
    const linked = await createContact(mine.ctx(), { firstName: 'A', companyId: company.id });
    expect(linked.companyName).toBe('אלביט');
    await expect(createContact(mine.ctx(), { firstName: 'B', companyId: foreign.id })).rejects.toMatchObject({
      code: 'validation_failed',
    });
  });
});

describe('contacts API', () => {
  test('create, get with ETag, update with If-Match, stale If-Match is 409', async () => {
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const created = await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: { firstName: 'Noa', phone: '03-6123456' } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    const got = await app.inject({ method: 'GET', url: `/api/contacts/${id}`, headers: { cookie: session.cookie } });
    expect(got.headers.etag).toBe('"1"');
    const patch = (ifMatch: string, lastName: string) =>
      app.inject({ method: 'PATCH', url: `/api/contacts/${id}`, headers: { ...session.headers, 'if-match': ifMatch }, payload: { lastName } });
    expect((await patch('"1"', 'Levi')).statusCode).toBe(200);
    const stale = await patch('"1"', 'Cohen');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('version_conflict');
  });

  test('an update without a version is a 400, not a silent overwrite', async () => {
    const { owner, ctx } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Noa' });
    const session = await logIn(app, owner.email);
    const response = await app.inject({ method: 'PATCH', url: `/api/contacts/${contact.id}`, headers: session.headers, payload: { lastName: 'X' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ path: 'version', message: 'Required' }]);
  });

  test('another workspace’s contact is a 404 for get, update and delete, and stays untouched', async () => {
    const mine = await makeWorkspace(db);
    const theirs = await makeWorkspace(db);
    const secret = await createContact(theirs.ctx(), { firstName: 'Secret' });
    const session = await logIn(app, mine.owner.email);
    const url = `/api/contacts/${secret.id}`;
    const responses = await Promise.all([
      app.inject({ method: 'GET', url, headers: { cookie: session.cookie } }),
      app.inject({ method: 'PATCH', url, headers: session.headers, payload: { firstName: 'Hacked', version: 1 } }),
      app.inject({ method: 'DELETE', url, headers: session.headers }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404]);
    const list = await app.inject({ method: 'GET', url: '/api/contacts?q=secret', headers: { cookie: session.cookie } });
    expect(list.json().items).toEqual([]);
    expect(await getContact(theirs.ctx(), secret.id)).toMatchObject({ firstName: 'Secret', version: 1 });
  });

  test('a viewer reads but gets 403 on create, update and delete', async () => {
    const { workspace, ctx } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Noa' });
    const viewer = await makeMember(db, workspace.id, 'viewer');
    const session = await logIn(app, viewer.email);
    const url = `/api/contacts/${contact.id}`;
    expect((await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } })).statusCode).toBe(200);
    const writes = await Promise.all([
      app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: { firstName: 'X' } }),
      app.inject({ method: 'PATCH', url, headers: session.headers, payload: { firstName: 'X', version: 1 } }),
      app.inject({ method: 'DELETE', url, headers: session.headers }),
    ]);
    expect(writes.map((r) => r.statusCode)).toEqual([403, 403, 403]);
    expect(writes[0]!.json().code).toBe('forbidden');
  });

  test('a sales rep can create and the list answers in pages with a cursor', async () => {
    const { workspace } = await makeWorkspace(db);
    const rep = await makeMember(db, workspace.id, 'sales');
    const session = await logIn(app, rep.email);
    for (const firstName of ['Avi', 'Bella', 'Chen']) {
      await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: { firstName } });
    }
    const first = await app.inject({ method: 'GET', url: '/api/contacts?limit=2', headers: { cookie: session.cookie } });
    expect(first.json().items.map((c: { firstName: string }) => c.firstName)).toEqual(['Avi', 'Bella']);
    const next = await app.inject({ method: 'GET', url: `/api/contacts?limit=2&cursor=${first.json().nextCursor}`, headers: { cookie: session.cookie } });
    expect(next.json()).toMatchObject({ items: [{ firstName: 'Chen' }], nextCursor: null });
  });

  test('bad query input is a 400: limit out of range, a forged cursor', async () => {
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const get = (qs: string) => app.inject({ method: 'GET', url: `/api/contacts?${qs}`, headers: { cookie: session.cookie } });
    expect((await get('limit=5000')).statusCode).toBe(400);
    const forged = await get('cursor=bm90LWpzb24');
    expect(forged.statusCode).toBe(400);
    expect(forged.json().fields).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });
});
