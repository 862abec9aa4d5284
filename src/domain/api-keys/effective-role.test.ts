import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { listMembers } from '../workspaces/service.js';
import { createApiKey } from './service.js';
import { apiKeys } from './table.js';

const { db, app } = await useTestApp();

/** A workspace with an admin (not the owner) who holds an admin key, and the owner's session to demote or remove them. */
async function adminWithKey() {
  const { workspace, owner, ctx } = await makeWorkspace(db);
  const admin = await makeMember(db, workspace.id, 'admin');
  const adminSession = await logIn(app, admin.email);
  const created = await app.inject({ method: 'POST', url: '/api/api-keys', headers: adminSession.headers, payload: { name: 'admin key', role: 'admin' } });
  expect(created.statusCode).toBe(201);
  const ownerSession = await logIn(app, owner.email);
  const adminMember = (await listMembers(ctx())).find((m) => m.userId === admin.id)!;
  const setAdminRole = (role: string) =>
    app.inject({ method: 'PATCH', url: `/api/members/${adminMember.id}`, headers: ownerSession.headers, payload: { role } });
  const removeAdmin = () => app.inject({ method: 'DELETE', url: `/api/members/${adminMember.id}`, headers: ownerSession.headers });
  return { workspace, admin, ownerSession, secret: created.json().secret as string, keyId: created.json().apiKey.id as string, setAdminRole, removeAdmin };
}

const as = (secret: string) => ({ authorization: `Bearer ${secret}` });
const post = (secret: string, url: string, payload: object) => app.inject({ method: 'POST', url, headers: as(secret), payload });

describe('an API key never holds more than its creator', () => {
  test('after its creator is demoted to viewer, an admin key can no longer create keys, invite or write', async () => {
    const { secret, setAdminRole } = await adminWithKey();
    expect((await post(secret, '/api/contacts', { firstName: 'Before' })).statusCode).toBe(201);
    expect((await setAdminRole('viewer')).statusCode).toBe(200);
    expect((await post(secret, '/api/api-keys', { name: 'escalate', role: 'admin' })).statusCode).toBe(403);
    expect((await post(secret, '/api/invitations', { email: 'x@example.test', role: 'admin' })).statusCode).toBe(403);
    expect((await post(secret, '/api/contacts', { firstName: 'After' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/contacts', headers: as(secret) })).statusCode).toBe(200);
  });

  test('removing its creator revokes the key: 401, and listed as revoked', async () => {
    const { secret, keyId, ownerSession, removeAdmin } = await adminWithKey();
    expect((await removeAdmin()).statusCode).toBe(204);
    const response = await app.inject({ method: 'GET', url: '/api/contacts', headers: as(secret) });
    expect(response.statusCode).toBe(401);
    const listed = (await app.inject({ method: 'GET', url: '/api/api-keys', headers: { cookie: ownerSession.cookie } })).json().items;
    expect(listed.find((k: { id: string }) => k.id === keyId).revokedAt).toEqual(expect.any(String));
  });

  test('a key created by a key records the human behind it, so the whole chain is capped by that person', async () => {
    const { admin, secret, setAdminRole, removeAdmin } = await adminWithKey();
    const child = await post(secret, '/api/api-keys', { name: 'child', role: 'admin' });
    expect(child.statusCode).toBe(201);
    const [row] = await db.select().from(apiKeys).where(eq(apiKeys.id, child.json().apiKey.id));
    expect(row!.createdBy).toBe(admin.id);
    const childSecret = child.json().secret as string;
    await setAdminRole('sales');
    expect((await post(childSecret, '/api/api-keys', { name: 'grandchild', role: 'viewer' })).statusCode).toBe(403);
    expect((await post(childSecret, '/api/contacts', { firstName: 'Capped' })).statusCode).toBe(201);
    await removeAdmin();
    expect((await app.inject({ method: 'GET', url: '/api/contacts', headers: as(childSecret) })).statusCode).toBe(401);
  });

  test('a key whose creator is unknown does not authenticate', async () => {
    const { ctx } = await makeWorkspace(db);
    const { secret, apiKey } = await createApiKey(ctx(), { name: 'orphan', role: 'viewer' });
    await db.update(apiKeys).set({ createdBy: null }).where(eq(apiKeys.id, apiKey.id));
    expect((await app.inject({ method: 'GET', url: '/api/contacts', headers: as(secret) })).statusCode).toBe(401);
  });
});
