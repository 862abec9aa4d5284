import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { auditOf, setRecordVisibility } from '../../test-support/records.js';
import { listRecords } from '../records/list.js';
import { companyRecord } from './record.js';
import { createCompany, getCompany, updateCompany } from './service.js';

const { db, app } = await useTestApp();

describe('companies API', () => {
  test('lists and finds only the workspace’s own companies', async () => {
    const mine = await makeWorkspace(db);
    const theirs = await makeWorkspace(db);
    await createCompany(mine.ctx(), { name: 'טבע תעשיות' });
    await createCompany(theirs.ctx(), { name: 'טבע Foreign' });
    const session = await logIn(app, mine.owner.email);
    const found = await app.inject({ method: 'GET', url: `/api/companies?q=${encodeURIComponent('טבע')}`, headers: { cookie: session.cookie } });
    expect(found.json().items.map((c: { name: string }) => c.name)).toEqual(['טבע תעשיות']);
  });

  test('a sales rep creates one; a viewer gets 403; an empty name or unknown field is a 400', async () => {
    const { workspace } = await makeWorkspace(db);
    const rep = await logIn(app, (await makeMember(db, workspace.id, 'sales')).email);
    const viewer = await logIn(app, (await makeMember(db, workspace.id, 'viewer')).email);
    const post = (headers: Record<string, string>, payload: object) => app.inject({ method: 'POST', url: '/api/companies', headers, payload });
    expect((await post(rep.headers, { name: 'Acme', domain: 'ACME.example' })).json()).toMatchObject({ name: 'Acme', domain: 'acme.example' });
    expect((await post(viewer.headers, { name: 'Nope' })).statusCode).toBe(403);
    const empty = await post(rep.headers, { name: ' ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().fields).toEqual([{ path: 'name', message: expect.any(String) }]);
    expect((await post(rep.headers, { name: 'X', isAdmin: true })).json().fields).toEqual([{ path: 'isAdmin', message: 'Unknown field' }]);
    expect((await post(rep.headers, { name: 'X', ownerId: 'x' })).json().fields).toEqual([{ path: 'ownerId', message: expect.any(String) }]);
  });

  test('a workspace address that is not a slug is a 400 naming the field', async () => {
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const response = await app.inject({ method: 'POST', url: '/api/workspaces', headers: session.headers, payload: { name: 'X', slug: 'Not A Slug!' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].path).toBe('slug');
  });
});

describe('company writes', () => {
  test('create, update with its audit, a stale version is a 409 naming who changed it', async () => {
    const { ctx, owner, workspace } = await makeWorkspace(db);
    const company = await createCompany(ctx(), { name: 'Acme', phone: '03-6123456', tags: ['b2b'], size: '11-50', country: 'IL' });
    expect(company).toMatchObject({ name: 'Acme', phone: '+97236123456', phones: [{ value: '+97236123456', label: 'work', primary: true }], ownerId: owner.id, ownerName: 'Owner', contactCount: 0, version: 1 });
    const updated = await updateCompany(ctx(), company.id, { industry: 'Food', version: 1 });
    expect(updated).toMatchObject({ industry: 'Food', version: 2, updatedByName: 'Owner' });
    const [audit] = await auditOf(db, workspace.id, company.id);
    expect(audit).toMatchObject({ action: 'update', changes: [{ field: 'industry', old: null, new: 'Food' }] });
    await expect(updateCompany(ctx(), company.id, { industry: 'Tech', version: 1 })).rejects.toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: 2, updatedBy: owner.id, updatedByName: 'Owner' },
    });
  });

  test('the API: PATCH with If-Match, DELETE into the trash, another workspace and a viewer are refused', async () => {
    const { ctx, owner, workspace } = await makeWorkspace(db);
    const stranger = await makeWorkspace(db);
    const company = await createCompany(ctx(), { name: 'Acme' });
    const session = await logIn(app, owner.email);
    const theirs = await logIn(app, stranger.owner.email);
    const viewer = await logIn(app, (await makeMember(db, workspace.id, 'viewer')).email);
    const url = `/api/companies/${company.id}`;
    expect((await app.inject({ method: 'GET', url, headers: { cookie: theirs.cookie } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'PATCH', url, headers: theirs.headers, payload: { name: 'X', version: 1 } })).statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url, headers: theirs.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'PATCH', url, headers: viewer.headers, payload: { name: 'X', version: 1 } })).statusCode).toBe(403);
    const patched = await app.inject({ method: 'PATCH', url, headers: { ...session.headers, 'if-match': '"1"' }, payload: { name: 'Acme Ltd' } });
    expect(patched.statusCode).toBe(200);
    expect(patched.headers.etag).toBe('"2"');
    expect((await app.inject({ method: 'DELETE', url, headers: { ...session.headers, 'if-match': '"1"' } })).statusCode).toBe(409);
    expect((await app.inject({ method: 'DELETE', url, headers: { ...session.headers, 'if-match': '"2"' } })).statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url, headers: { cookie: session.cookie } })).statusCode).toBe(404);
  });

  test('a sales rep with own visibility cannot edit a colleague’s company', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const company = await createCompany(ctx(), { name: 'Acme' });
    const repCtx = { ...ctx('sales'), user: { ...rep, locale: 'en' as const }, actorUserId: rep.id };
    await expect(updateCompany(repCtx, company.id, { name: 'X', version: 1 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(getCompany(repCtx, company.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listRecords(repCtx, companyRecord, {})).items.map((c) => c.id)).not.toContain(company.id);
  });
});
