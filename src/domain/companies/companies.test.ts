import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { createCompany } from './service.js';

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
