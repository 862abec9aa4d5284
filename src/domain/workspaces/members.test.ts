import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { listMembers } from './service.js';

const { db, app } = await useTestApp();
const remove = (id: string, headers: Record<string, string>) => app.inject({ method: 'DELETE', url: `/api/members/${id}`, headers });

describe('removing a member', () => {
  test('an admin removes a member, whose session loses the workspace at once', async () => {
    const { workspace, ctx } = await makeWorkspace(db);
    const admin = await makeMember(db, workspace.id, 'admin');
    const rep = await makeMember(db, workspace.id, 'sales');
    const repSession = await logIn(app, rep.email);
    expect((await app.inject({ method: 'GET', url: '/api/contacts', headers: { cookie: repSession.cookie } })).statusCode).toBe(200);
    const repMember = (await listMembers(ctx())).find((m) => m.userId === rep.id)!;
    expect((await remove(repMember.id, (await logIn(app, admin.email)).headers)).statusCode).toBe(204);
    expect((await listMembers(ctx())).map((m) => m.userId)).not.toContain(rep.id);
    expect((await app.inject({ method: 'GET', url: '/api/contacts', headers: { cookie: repSession.cookie } })).statusCode).toBe(403);
    const me = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: repSession.cookie } });
    expect(me.json()).toMatchObject({ workspace: null, workspaces: [] });
  });

  test('a lower role cannot remove anyone else, and an admin cannot remove an owner', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    const admin = await makeMember(db, workspace.id, 'admin');
    const rep = await makeMember(db, workspace.id, 'sales');
    const manager = await makeMember(db, workspace.id, 'manager');
    const members = await listMembers(ctx());
    const idOf = (userId: string) => members.find((m) => m.userId === userId)!.id;
    expect((await remove(idOf(rep.id), (await logIn(app, manager.email)).headers)).statusCode).toBe(403);
    expect((await remove(idOf(manager.id), (await logIn(app, rep.email)).headers)).statusCode).toBe(403);
    expect((await remove(idOf(owner.id), (await logIn(app, admin.email)).headers)).statusCode).toBe(403);
    expect(await listMembers(ctx())).toHaveLength(4);
  });

  test('another workspace’s member id is a 404 and removes nobody', async () => {
    const mine = await makeWorkspace(db);
    const theirs = await makeWorkspace(db);
    const victim = await makeMember(db, theirs.workspace.id, 'sales');
    const target = (await listMembers(theirs.ctx())).find((m) => m.userId === victim.id)!;
    const response = await remove(target.id, (await logIn(app, mine.owner.email)).headers);
    expect(response.statusCode).toBe(404);
    expect((await listMembers(theirs.ctx())).map((m) => m.userId)).toContain(victim.id);
  });

  test('a member may leave, but the last owner stays', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    const viewer = await makeMember(db, workspace.id, 'viewer');
    const members = await listMembers(ctx());
    const left = await remove(members.find((m) => m.userId === viewer.id)!.id, (await logIn(app, viewer.email)).headers);
    expect(left.statusCode).toBe(204);
    const ownerLeaves = await remove(members.find((m) => m.userId === owner.id)!.id, (await logIn(app, owner.email)).headers);
    expect(ownerLeaves.statusCode).toBe(409);
    expect((await listMembers(ctx())).map((m) => m.userId)).toEqual([owner.id]);
  });
});
