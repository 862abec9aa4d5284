import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { sessions } from '../../db/tables.js';
import { createApiKey, revokeApiKey } from '../../domain/api-keys/service.js';
import { addMember } from '../../domain/workspaces/service.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeUser, makeWorkspace, testPassword } from '../../test-support/fixtures.js';

const { db, app } = await useTestApp();
const login = (email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });

describe('login and sessions', () => {
  test('a right password sets an httpOnly SameSite session cookie and answers the session', async () => {
    const { owner, workspace } = await makeWorkspace(db);
    const response = await login(owner.email.toUpperCase(), testPassword);
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((c) => c.name === 'kesher_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(response.json()).toMatchObject({ user: { email: owner.email }, workspace: { id: workspace.id, role: 'owner' } });
    expect(response.json().csrfToken).toEqual(expect.any(String));
  });

  test('the password is stored as an argon2id hash', async () => {
    const user = await makeUser(db);
    const row = await db.query.users.findFirst({ where: (u, { eq }) => eq(u.id, user.id) });
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  test('a wrong password and an unknown email get the same 401', async () => {
    const { owner } = await makeWorkspace(db);
    const wrong = await login(owner.email, 'wrong-password!');
    const unknown = await login('nobody@example.test', 'wrong-password!');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  test('logout ends the session on the server', async () => {
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    expect(out.statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(after.statusCode).toBe(401);
  });

  test('the chosen language is remembered on the user', async () => {
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const put = await app.inject({ method: 'PUT', url: '/api/auth/locale', headers: session.headers, payload: { locale: 'he' } });
    expect(put.statusCode).toBe(204);
    const me = await app.inject({ method: 'GET', url: '/api/auth/session', headers: { cookie: session.cookie } });
    expect(me.json().user.locale).toBe('he');
  });
});

describe('authentication and CSRF on every write', () => {
  test('no session is a 401', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/contacts' });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('unauthenticated');
  });

  test('a cookie write without the CSRF header is a 403, and with a wrong one too', async () => {
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const payload = { firstName: 'Dana' };
    const none = await app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: session.cookie }, payload });
    const wrong = await app.inject({ method: 'POST', url: '/api/contacts', headers: { cookie: session.cookie, 'x-csrf-token': 'x' }, payload });
    expect([none.statusCode, wrong.statusCode]).toEqual([403, 403]);
    expect(none.json().code).toBe('csrf_failed');
    const right = await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload });
    expect(right.statusCode).toBe(201);
  });

  test('one session’s CSRF token does not work with another session', async () => {
    const { owner } = await makeWorkspace(db);
    const first = await logIn(app, owner.email);
    const second = await logIn(app, owner.email);
    const response = await app.inject({
      method: 'POST', url: '/api/contacts', headers: { cookie: second.cookie, 'x-csrf-token': first.csrfToken }, payload: { firstName: 'Dana' },
    });
    expect(response.statusCode).toBe(403);
  });

  test('switching to a workspace the user is not in is a 404', async () => {
    const { owner } = await makeWorkspace(db);
    const other = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const response = await app.inject({ method: 'POST', url: '/api/auth/workspace', headers: session.headers, payload: { workspaceId: other.workspace.id } });
    expect(response.statusCode).toBe(404);
  });

  test('a user in two workspaces switches between them', async () => {
    const first = await makeWorkspace(db);
    const second = await makeWorkspace(db);
    const user = await makeMember(db, first.workspace.id, 'sales');
    await addMember(db, second.workspace.id, user.id, 'viewer');
    const session = await logIn(app, user.email);
    const switched = await app.inject({ method: 'POST', url: '/api/auth/workspace', headers: session.headers, payload: { workspaceId: second.workspace.id } });
    expect(switched.json()).toMatchObject({ workspace: { id: second.workspace.id, role: 'viewer' } });
    expect(switched.json().workspaces).toHaveLength(2);
  });
});

describe('API keys', () => {
  test('a key works as a Bearer token in its workspace and role, without CSRF', async () => {
    const { ctx } = await makeWorkspace(db);
    const { secret } = await createApiKey(ctx(), { name: 'zapier', role: 'sales' });
    const auth = { authorization: `Bearer ${secret}` };
    const created = await app.inject({ method: 'POST', url: '/api/contacts', headers: auth, payload: { firstName: 'Key' } });
    expect(created.statusCode).toBe(201);
    const keys = await app.inject({ method: 'GET', url: '/api/api-keys', headers: auth });
    expect(keys.statusCode).toBe(403); // a sales key may not manage keys
  });

  test('the secret is shown once and stored hashed', async () => {
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const created = await app.inject({ method: 'POST', url: '/api/api-keys', headers: session.headers, payload: { name: 'ci', role: 'viewer' } });
    expect(created.statusCode).toBe(201);
    const { secret, apiKey } = created.json();
    const listed = await app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: session.cookie } });
    expect(JSON.stringify(listed.json())).not.toContain(secret);
    const row = await db.query.apiKeys.findFirst({ where: (k, { eq }) => eq(k.id, apiKey.id) });
    expect(row!.keyHash).not.toContain(secret.split('.')[2]);
  });

  test('a viewer key cannot write, a revoked key and a made-up key are 401', async () => {
    const { ctx } = await makeWorkspace(db);
    const viewer = await createApiKey(ctx(), { name: 'reader', role: 'viewer' });
    const write = await app.inject({ method: 'POST', url: '/api/contacts', headers: { authorization: `Bearer ${viewer.secret}` }, payload: { firstName: 'X' } });
    expect(write.statusCode).toBe(403);
    await revokeApiKey(ctx(), viewer.apiKey.id);
    const revoked = await app.inject({ method: 'GET', url: '/api/contacts', headers: { authorization: `Bearer ${viewer.secret}` } });
    expect(revoked.statusCode).toBe(401);
    const madeUp = await app.inject({ method: 'GET', url: '/api/contacts', headers: { authorization: 'Bearer ksk.nothing.here' } });
    expect(madeUp.statusCode).toBe(401);
  });

  test('nobody creates a key above their own role, and an admin cannot create an owner key', async () => {
    const { workspace } = await makeWorkspace(db);
    const admin = await makeMember(db, workspace.id, 'admin');
    const session = await logIn(app, admin.email);
    const owner = await app.inject({ method: 'POST', url: '/api/api-keys', headers: session.headers, payload: { name: 'x', role: 'owner' } });
    expect(owner.statusCode).toBe(400);
    const sales = await makeMember(db, workspace.id, 'sales');
    const salesSession = await logIn(app, sales.email);
    const bySales = await app.inject({ method: 'POST', url: '/api/api-keys', headers: salesSession.headers, payload: { name: 'x', role: 'viewer' } });
    expect(bySales.statusCode).toBe(403);
  });

  test('a key edited to name another workspace is refused', async () => {
    const mine = await makeWorkspace(db);
    const theirs = await makeWorkspace(db);
    const { secret } = await createApiKey(mine.ctx(), { name: 'mine', role: 'admin' });
    const forged = secret.replace(mine.workspace.id, theirs.workspace.id);
    const response = await app.inject({ method: 'GET', url: '/api/contacts', headers: { authorization: `Bearer ${forged}` } });
    expect(response.statusCode).toBe(401);
  });

  test('another workspace’s key id cannot be revoked', async () => {
    const mine = await makeWorkspace(db);
    const theirs = await makeWorkspace(db);
    const { apiKey } = await createApiKey(theirs.ctx(), { name: 'theirs', role: 'viewer' });
    const session = await logIn(app, mine.owner.email);
    const response = await app.inject({ method: 'DELETE', url: `/api/api-keys/${apiKey.id}`, headers: session.headers });
    expect(response.statusCode).toBe(404);
  });
});

describe('behind a TLS proxy', async () => {
  const proxied = await useTestApp({ trustProxy: ['loopback'], rateLimits: { login: { perSecond: 0.01, burst: 3 } } });
  test('the session cookie is Secure when the proxy says the request came over HTTPS', async () => {
    const { owner } = await makeWorkspace(proxied.db);
    const response = await proxied.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { email: owner.email, password: testPassword },
    });
    expect(response.cookies.find((c) => c.name === 'kesher_session')).toMatchObject({ secure: true, httpOnly: true });
  });

  test('expired sessions of the user are removed at the next login', async () => {
    const { owner } = await makeWorkspace(proxied.db);
    await proxied.db.insert(sessions).values({ id: 'expired-session-hash', userId: owner.id, expiresAt: new Date(Date.now() - 1000) });
    await logIn(proxied.app, owner.email);
    const left = await proxied.db.select().from(sessions).where(eq(sessions.userId, owner.id));
    expect(left.map((s) => s.id)).not.toContain('expired-session-hash');
    expect(left).toHaveLength(1);
  });

  test('per-address limits count the address the proxy saw, not what the client wrote in X-Forwarded-For', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) {
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        headers: { 'x-forwarded-for': `10.8.0.${i}, 203.0.113.7` },
        payload: { email: `nobody-${i}@example.test`, password: 'wrong-password-xx' },
      });
      answers.push(response.statusCode);
    }
    expect(answers).toEqual([401, 401, 401, 429, 429, 429]);
  });
});

