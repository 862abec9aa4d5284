import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeUser, makeWorkspace, testPassword } from '../../test-support/fixtures.js';
import { listMembers } from '../workspaces/service.js';

const { db, app } = await useTestApp();

async function invite(email: string, role = 'sales') {
  const { workspace, owner } = await makeWorkspace(db);
  const session = await logIn(app, owner.email);
  const response = await app.inject({ method: 'POST', url: '/api/invitations', headers: session.headers, payload: { email, role } });
  return { workspace, owner, session, response };
}
const accept = (payload: object) => app.inject({ method: 'POST', url: '/api/invitations/accept', payload });

describe('invitations', () => {
  test('a new person accepts with a name and password, then logs into the workspace with the role', async () => {
    const email = `new-${Date.now()}@example.test`;
    const { workspace, response } = await invite(email, 'marketing');
    expect(response.statusCode).toBe(201);
    const { token } = response.json();
    // Without name and password the answer is the one an existing account gets too (no enumeration).
    const missing = await accept({ token });
    expect(missing.statusCode).toBe(401);
    expect(missing.json().detail).toBe('Log in as the invited account, or choose a name and a password, to accept');
    const accepted = await accept({ token, name: 'מיכל', password: testPassword });
    expect(accepted.statusCode).toBe(200);
    const session = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password: testPassword } });
    expect(session.json().workspace).toMatchObject({ id: workspace.id, role: 'marketing' });
  });

  test('an existing user joins in their own session without a new password, and a token works once', async () => {
    const user = await makeUser(db);
    const { workspace, response } = await invite(user.email, 'viewer');
    const { token } = response.json();
    const session = await logIn(app, user.email);
    const accepted = await app.inject({ method: 'POST', url: '/api/invitations/accept', headers: session.headers, payload: { token } });
    expect(accepted.json()).toMatchObject({ workspace: { id: workspace.id }, role: 'viewer', session: { user: { id: user.id } } });
    const again = await app.inject({ method: 'POST', url: '/api/invitations/accept', headers: session.headers, payload: { token } });
    expect(again.statusCode).toBe(404);
  });

  test('a made-up or revoked token is a 404', async () => {
    const { response, session } = await invite(`r-${Date.now()}@example.test`);
    const { token, invitation } = response.json();
    expect((await accept({ token: `${token.split('.')[0]}.made-up-token` })).statusCode).toBe(404);
    const revoked = await app.inject({ method: 'DELETE', url: `/api/invitations/${invitation.id}`, headers: session.headers });
    expect(revoked.statusCode).toBe(204);
    expect((await accept({ token, name: 'X', password: testPassword })).statusCode).toBe(404);
    const again = await app.inject({ method: 'DELETE', url: `/api/invitations/${invitation.id}`, headers: session.headers });
    expect(again.statusCode).toBe(404); // like API keys: what is gone cannot be revoked twice
  });

  test('only admins invite; nobody invites an owner; another workspace’s invitation cannot be revoked', async () => {
    const { workspace, response } = await invite(`o-${Date.now()}@example.test`);
    const sales = await makeMember(db, workspace.id, 'sales');
    const salesSession = await logIn(app, sales.email);
    const bySales = await app.inject({ method: 'POST', url: '/api/invitations', headers: salesSession.headers, payload: { email: 'x@example.test', role: 'viewer' } });
    expect(bySales.statusCode).toBe(403);
    const other = await makeWorkspace(db);
    const otherSession = await logIn(app, other.owner.email);
    const asOwner = await app.inject({ method: 'POST', url: '/api/invitations', headers: otherSession.headers, payload: { email: 'x@example.test', role: 'owner' } });
    expect(asOwner.statusCode).toBe(400);
    const foreign = await app.inject({ method: 'DELETE', url: `/api/invitations/${response.json().invitation.id}`, headers: otherSession.headers });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('members', () => {
  test('an admin changes a role but cannot raise anyone to owner; the last owner stays owner', async () => {
    const { workspace, owner } = await makeWorkspace(db);
    const admin = await makeMember(db, workspace.id, 'admin');
    const rep = await makeMember(db, workspace.id, 'sales');
    const adminSession = await logIn(app, admin.email);
    const members = (await app.inject({ method: 'GET', url: '/api/members', headers: { cookie: adminSession.cookie } })).json().items;
    const repMember = members.find((m: { userId: string }) => m.userId === rep.id);
    const ownerMember = members.find((m: { userId: string }) => m.userId === owner.id);
    const patch = (id: string, role: string, headers = adminSession.headers) =>
      app.inject({ method: 'PATCH', url: `/api/members/${id}`, headers, payload: { role } });
    expect((await patch(repMember.id, 'manager')).json()).toMatchObject({ role: 'manager' });
    expect((await patch(repMember.id, 'owner')).statusCode).toBe(403);
    expect((await patch(ownerMember.id, 'viewer')).statusCode).toBe(403);
    const ownerSession = await logIn(app, owner.email);
    const demote = await patch(ownerMember.id, 'admin', ownerSession.headers);
    expect(demote.statusCode).toBe(409);
  });

  test('another workspace’s member id is a 404', async () => {
    const mine = await makeWorkspace(db);
    const theirs = await makeWorkspace(db);
    const victim = await makeMember(db, theirs.workspace.id, 'sales');
    const theirMembers = await listMembers(theirs.ctx());
    const target = theirMembers.find((m) => m.userId === victim.id)!;
    const session = await logIn(app, mine.owner.email);
    const response = await app.inject({ method: 'PATCH', url: `/api/members/${target.id}`, headers: session.headers, payload: { role: 'viewer' } });
    expect(response.statusCode).toBe(404);
  });

  test('a user creates a second workspace and owns it', async () => {
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const slug = `second-${Date.now()}`;
    const created = await app.inject({ method: 'POST', url: '/api/workspaces', headers: session.headers, payload: { name: 'Second', slug } });
    expect(created.json()).toMatchObject({ slug, role: 'owner' });
    const again = await app.inject({ method: 'POST', url: '/api/workspaces', headers: session.headers, payload: { name: 'Again', slug } });
    expect(again.statusCode).toBe(409);
  });
});
