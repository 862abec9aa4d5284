import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeUser, makeWorkspace } from '../../test-support/fixtures.js';

const { db, app } = await useTestApp();
const { workspace, owner } = await makeWorkspace(db);
const admin = await makeMember(db, workspace.id, 'admin');
const manager = await makeMember(db, workspace.id, 'manager');
const rep = await makeMember(db, workspace.id, 'sales');
const adminSession = await logIn(app, admin.email);
const managerSession = await logIn(app, manager.email);

const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, session = adminSession) =>
  app.inject({ method, url, headers: session.headers, payload });

describe('teams', () => {
  test('admins create teams of workspace members; everyone reads them', async () => {
    const created = await send('POST', '/api/teams', { name: 'North', memberIds: [manager.id, rep.id, rep.id] });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ name: 'North', version: 1 });
    expect([...created.json().memberIds].sort()).toEqual([manager.id, rep.id].sort());
    const list = await app.inject({ method: 'GET', url: '/api/teams', headers: { cookie: managerSession.cookie } });
    expect(list.json().items.map((t: { name: string }) => t.name)).toContain('North');
  });

  test('a member from outside the workspace is a 400 naming it; a taken name a 409', async () => {
    const outsider = await makeUser(db, 'Outsider');
    const response = await send('POST', '/api/teams', { name: 'South', memberIds: [owner.id, outsider.id] });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ path: 'memberIds.1', message: 'Not a member of this workspace' }]);
    await send('POST', '/api/teams', { name: 'Taken' });
    expect((await send('POST', '/api/teams', { name: 'Taken' })).statusCode).toBe(409);
  });

  test('rename and replace members with the version; stale is a 409; delete', async () => {
    const team = (await send('POST', '/api/teams', { name: 'East', memberIds: [rep.id] })).json();
    const updated = await send('PATCH', `/api/teams/${team.id}`, { name: 'East 2', memberIds: [owner.id], version: 1 });
    expect(updated.json()).toMatchObject({ name: 'East 2', memberIds: [owner.id], version: 2 });
    expect((await send('PATCH', `/api/teams/${team.id}`, { name: 'Stale', version: 1 })).statusCode).toBe(409);
    expect((await send('DELETE', `/api/teams/${team.id}`)).statusCode).toBe(204);
    expect((await send('DELETE', `/api/teams/${team.id}`)).statusCode).toBe(404);
  });

  test('a manager may not manage teams (403); another workspace’s team is a 404', async () => {
    expect((await send('POST', '/api/teams', { name: 'Mine' }, managerSession)).statusCode).toBe(403);
    const team = (await send('POST', '/api/teams', { name: 'West' })).json();
    const other = await makeWorkspace(db);
    const session = await logIn(app, other.owner.email);
    expect((await send('PATCH', `/api/teams/${team.id}`, { name: 'x', version: 1 }, session)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/teams/${team.id}`, undefined, session)).statusCode).toBe(404);
  });
});
