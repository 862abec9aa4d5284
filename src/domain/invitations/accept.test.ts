import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeUser, makeWorkspace, testPassword, type Session } from '../../test-support/fixtures.js';
import { findUserByEmail } from '../users/service.js';
import { demoLogin } from '../../cli/seed-demo.js';
import { addMember, listMembers, listUserWorkspaces } from '../workspaces/service.js';

const { db, app } = await useTestApp();

/** An invitation made in a fresh workspace by an admin (not the owner), so the inviter can be demoted or removed. */
async function invite(email: string, role = 'sales') {
  const { workspace, owner, ctx } = await makeWorkspace(db);
  const inviter = await makeMember(db, workspace.id, 'admin');
  const inviterSession = await logIn(app, inviter.email);
  const response = await app.inject({ method: 'POST', url: '/api/invitations', headers: inviterSession.headers, payload: { email, role } });
  expect(response.statusCode).toBe(201);
  return { workspace, owner, ctx, inviter, token: response.json().token as string };
}
const accept = (payload: object, session?: Session) =>
  app.inject({ method: 'POST', url: '/api/invitations/accept', headers: session?.headers, payload });
const memberOf = async (userId: string) => (await listUserWorkspaces(db, userId)).map((w) => w.id);

describe('accepting an invitation needs the invited person', () => {
  test('for an existing account the token alone is a 401 and adds nobody', async () => {
    const user = await makeUser(db);
    const { workspace, token } = await invite(user.email);
    const response = await accept({ token });
    expect(response.statusCode).toBe(401);
    expect(response.json().detail).toBe('Log in as the invited account, or choose a name and a password, to accept');
    expect(await memberOf(user.id)).not.toContain(workspace.id);
    // With name and password the account is still refused: only its own session accepts.
    const withPassword = await accept({ token, name: 'Someone Else', password: testPassword });
    expect(withPassword.statusCode).toBe(401);
    expect(withPassword.json().detail).toBe('Log in as the invited account to accept');
    expect(await memberOf(user.id)).not.toContain(workspace.id);
  });

  test('without a session, a bare token answers the same whether or not the email has an account', async () => {
    const user = await makeUser(db);
    const known = await invite(user.email);
    const unknown = await invite(`bare-${Date.now()}@example.test`);
    for (const extra of [{}, { name: 'Only A Name' }, { password: testPassword }]) {
      const [a, b] = [await accept({ token: known.token, ...extra }), await accept({ token: unknown.token, ...extra })];
      expect(a.statusCode).toBe(401);
      expect(b.statusCode).toBe(a.statusCode);
      expect(b.body).toBe(a.body);
      expect(Object.keys(b.headers).sort()).toEqual(Object.keys(a.headers).sort());
    }
  });

  test('another account’s session gets a 404 like a wrong token, and cannot create the account either', async () => {
    const invited = await makeUser(db);
    const stranger = await makeUser(db);
    const { workspace, token } = await invite(invited.email);
    // The stranger belongs to no workspace: logging in works, the session just has none.
    const strangerSession = await logIn(app, stranger.email);
    const response = await accept({ token }, strangerSession);
    expect(response.statusCode).toBe(404);
    const forNew = await invite(`nobody-${Date.now()}@example.test`);
    expect((await accept({ token: forNew.token, name: 'Eve', password: testPassword }, strangerSession)).statusCode).toBe(404);
    expect(await memberOf(stranger.id)).toEqual([]);
    expect(await memberOf(invited.id)).not.toContain(workspace.id);
  });

  test('the invited account’s own session accepts once, lands in the workspace and learns nothing about others', async () => {
    const user = await makeUser(db);
    const { workspace, inviter, token } = await invite(user.email, 'viewer');
    const session = await logIn(app, user.email);
    const withoutCsrf = await app.inject({ method: 'POST', url: '/api/invitations/accept', headers: { cookie: session.cookie }, payload: { token } });
    expect(withoutCsrf.statusCode).toBe(403);
    const response = await accept({ token }, session);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      workspace: { id: workspace.id, name: workspace.name },
      role: 'viewer',
      session: { user: { id: user.id }, workspace: { id: workspace.id, role: 'viewer' } },
    });
    const body = response.body;
    for (const secret of [inviter.id, inviter.email, inviter.name]) expect(body).not.toContain(secret);
    expect(response.json().session.notices).toEqual([]);
    const me = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(me.json().workspace).toMatchObject({ id: workspace.id });
    // The notice "you were added by Y" comes with the session (the caller's own), never in the accept answer.
    expect(me.json().notices).toMatchObject([{ workspace: { id: workspace.id }, addedBy: inviter.name }]);
    expect((await accept({ token }, session)).statusCode).toBe(404);
  });

  test('a new person chooses name and password, gets a logged-in session in the workspace', async () => {
    const email = `new-${Date.now()}@example.test`;
    const { workspace, inviter, token } = await invite(email, 'marketing');
    const weak = await accept({ token, name: 'Michal Cohen', password: 'Password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().fields).toEqual([{ path: 'password', message: 'Too common or too easy to guess' }]);
    expect(await findUserByEmail(db, email)).toBeUndefined();
    const named = await accept({ token, name: 'Michal Cohen', password: 'michal-secret-garden' });
    expect(named.json().fields).toEqual([{ path: 'password', message: 'Must not contain your name' }]);

    const accepted = await accept({ token, name: 'Michal Cohen', password: testPassword });
    expect(accepted.statusCode).toBe(200);
    for (const secret of [inviter.id, inviter.email, inviter.name]) expect(accepted.body).not.toContain(secret);
    expect(accepted.json().session.notices).toEqual([]);
    expect(accepted.json()).toMatchObject({ role: 'marketing', session: { user: { email }, workspace: { id: workspace.id } } });
    const cookie = accepted.cookies.find((c) => c.name === 'kesher_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const me = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: `kesher_session=${cookie.value}` } });
    expect(me.json()).toMatchObject({ user: { email }, workspace: { id: workspace.id, role: 'marketing' }, notices: [{ workspace: { id: workspace.id } }] });
  });

  test('a new person cannot choose the published demo password', async () => {
    const email = `published-${Date.now()}@example.test`;
    const { token } = await invite(email);
    const response = await accept({ token, name: 'Real Person', password: demoLogin.password });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ path: 'password', message: 'Too common or too easy to guess' }]);
    expect(await findUserByEmail(db, email)).toBeUndefined();
  });

  test('an existing account with unseen notices elsewhere gets none of them, nor their adders, in the answer', async () => {
    const user = await makeUser(db);
    const elsewhere = await makeWorkspace(db);
    const adder = await makeMember(db, elsewhere.workspace.id, 'admin');
    // Added directly (no invitation): that notice names the adder and is the user's to see in their session.
    await addMember(db, elsewhere.workspace.id, user.id, 'viewer', { addedBy: adder.id });
    const { inviter, token } = await invite(user.email);
    const session = await logIn(app, user.email);
    const response = await accept({ token }, session);
    expect(response.statusCode).toBe(200);
    for (const secret of [inviter.id, inviter.email, inviter.name, adder.id, adder.email, adder.name]) expect(response.body).not.toContain(secret);
    const me = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(me.json().notices).toEqual(expect.arrayContaining([expect.objectContaining({ workspace: expect.objectContaining({ id: elsewhere.workspace.id }), addedBy: adder.name })]));
  });
});

describe('the inviter caps the invitation', () => {
  test('the role is the lower of the invitation’s and the inviter’s current role', async () => {
    const email = `capped-${Date.now()}@example.test`;
    const { workspace, ctx, inviter, token } = await invite(email, 'admin');
    const inviterMember = (await listMembers(ctx())).find((m) => m.userId === inviter.id)!;
    const ownerSession = await logIn(app, (await listMembers(ctx())).find((m) => m.role === 'owner')!.email);
    const preview = () => app.inject({ method: 'POST', url: '/api/invitations/preview', payload: { token } });
    expect((await preview()).json()).toEqual({ workspace: { id: workspace.id, name: workspace.name }, role: 'admin', email });
    await app.inject({ method: 'PATCH', url: `/api/members/${inviterMember.id}`, headers: ownerSession.headers, payload: { role: 'sales' } });
    expect((await preview()).json()).toMatchObject({ role: 'sales' });
    const accepted = await accept({ token, name: 'Capped Person', password: testPassword });
    expect(accepted.json()).toMatchObject({ role: 'sales', workspace: { id: workspace.id } });
  });

  test('an invitation whose inviter is no longer a member is void', async () => {
    const email = `orphan-${Date.now()}@example.test`;
    const { ctx, inviter, token } = await invite(email, 'viewer');
    const inviterMember = (await listMembers(ctx())).find((m) => m.userId === inviter.id)!;
    const ownerSession = await logIn(app, (await listMembers(ctx())).find((m) => m.role === 'owner')!.email);
    expect((await app.inject({ method: 'DELETE', url: `/api/members/${inviterMember.id}`, headers: ownerSession.headers })).statusCode).toBe(204);
    expect((await accept({ token, name: 'Orphan Person', password: testPassword })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/invitations/preview', payload: { token } })).statusCode).toBe(404);
    expect(await findUserByEmail(db, email)).toBeUndefined();
  });
});

describe('creating an invitation', () => {
  test('answers the same whether or not the email has an account', async () => {
    const existing = await makeUser(db);
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const create = (email: string) => app.inject({ method: 'POST', url: '/api/invitations', headers: session.headers, payload: { email, role: 'viewer' } });
    const known = await create(existing.email);
    const unknown = await create(`unknown-${Date.now()}@example.test`);
    expect(known.statusCode).toBe(unknown.statusCode);
    const shape = (body: Record<string, unknown>) => ({ top: Object.keys(body).sort(), invitation: Object.keys(body.invitation as object).sort() });
    expect(shape(known.json())).toEqual(shape(unknown.json()));
    expect(Object.keys(known.headers).sort()).toEqual(Object.keys(unknown.headers).sort());
  });
});
