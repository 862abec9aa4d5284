import { describe, expect, test } from 'vitest';
import { createApiKey } from '../../domain/api-keys/service.js';
import { addMember, createWorkspace, listMembers } from '../../domain/workspaces/service.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeUser, makeWorkspace } from '../../test-support/fixtures.js';

const { db, app } = await useTestApp();
const session = async (cookie: string) => (await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie } })).json();

describe('where a login lands', () => {
  test('never in a workspace the user was added to but never opened; the notice names who added them', async () => {
    const user = await makeUser(db, 'Target Person');
    // "Aaa…" sorts first, as an attacker would name it to be the first workspace alphabetically.
    const attacker = await makeUser(db, 'Mallory Adder');
    const trap = await createWorkspace({ db, user: attacker }, { name: 'Aaa trap', slug: `trap-${Date.now()}` });
    await addMember(db, trap.id, user.id, 'owner', { addedBy: attacker.id });
    const login = await logIn(app, user.email);
    const info = await session(login.cookie);
    expect(info.workspace).toBeNull();
    expect(info.workspaces.map((w: { id: string }) => w.id)).toEqual([trap.id]);
    expect(info.notices).toEqual([{ workspace: { id: trap.id, name: 'Aaa trap' }, addedBy: 'Mallory Adder', addedAt: expect.any(String) }]);
    const write = await app.inject({ method: 'POST', url: '/api/contacts', headers: login.headers, payload: { firstName: 'Secret' } });
    expect(write.statusCode).toBe(403);
  });

  test('lands in the workspace opened last, while the user is still a member there', async () => {
    const first = await makeWorkspace(db);
    const second = await makeWorkspace(db);
    const user = await makeMember(db, first.workspace.id, 'sales');
    await addMember(db, second.workspace.id, user.id, 'viewer', { seen: true });
    const one = await logIn(app, user.email);
    expect((await session(one.cookie)).workspace.id).toBe(first.workspace.id);
    await app.inject({ method: 'POST', url: '/api/auth/workspace', headers: one.headers, payload: { workspaceId: second.workspace.id } });
    const two = await logIn(app, user.email);
    expect((await session(two.cookie)).workspace).toMatchObject({ id: second.workspace.id, role: 'viewer' });

    const membership = (await listMembers(second.ctx())).find((m) => m.userId === user.id)!;
    const owner = await logIn(app, second.owner.email);
    await app.inject({ method: 'DELETE', url: `/api/members/${membership.id}`, headers: owner.headers });
    const three = await logIn(app, user.email);
    expect((await session(three.cookie)).workspace).toBeNull();
  });

  test('a new user’s own first workspace is where they land', async () => {
    const { owner, workspace } = await makeWorkspace(db);
    await createWorkspace({ db, user: owner }, { name: 'Later one', slug: `later-${Date.now()}` });
    const login = await logIn(app, owner.email);
    expect((await session(login.cookie)).workspace.id).toBe(workspace.id);
  });
});

describe('"you were added" notices', () => {
  test('are marked seen through the endpoint, for the user’s own memberships only', async () => {
    const { workspace, owner } = await makeWorkspace(db);
    const user = await makeUser(db);
    const other = await makeUser(db);
    await addMember(db, workspace.id, user.id, 'sales', { addedBy: owner.id });
    await addMember(db, workspace.id, other.id, 'sales', { addedBy: owner.id });
    const login = await logIn(app, user.email);
    const seen = await app.inject({ method: 'POST', url: '/api/auth/notices/seen', headers: login.headers, payload: { workspaceIds: [workspace.id] } });
    expect(seen.statusCode).toBe(204);
    expect((await session(login.cookie)).notices).toEqual([]);
    // The other member's notice in the same workspace is untouched.
    expect((await session((await logIn(app, other.email)).cookie)).notices).toHaveLength(1);
  });

  test('another workspace’s id changes nothing, an API key may not call it, and creators get no notice', async () => {
    const mine = await makeWorkspace(db);
    const theirs = await makeWorkspace(db);
    const user = await makeUser(db);
    await addMember(db, theirs.workspace.id, user.id, 'viewer', { addedBy: theirs.owner.id });
    const owner = await logIn(app, mine.owner.email);
    expect((await session(owner.cookie)).notices).toEqual([]);
    await app.inject({ method: 'POST', url: '/api/auth/notices/seen', headers: owner.headers, payload: { workspaceIds: [theirs.workspace.id] } });
    expect((await session((await logIn(app, user.email)).cookie)).notices).toHaveLength(1);
    const { secret } = await createApiKey(mine.ctx(), { name: 'k', role: 'admin' });
    const byKey = await app.inject({
      method: 'POST', url: '/api/auth/notices/seen', headers: { authorization: `Bearer ${secret}` }, payload: { workspaceIds: [mine.workspace.id] },
    });
    expect(byKey.statusCode).toBe(403);
  });
});
