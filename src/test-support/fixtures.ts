import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import { createUser } from '../domain/users/service.js';
import { addMember, createWorkspace, setLastWorkspace } from '../domain/workspaces/service.js';
import type { Role } from '../domain/workspaces/schema.js';
import type { App } from '../server/app.js';
import type { Ctx } from '../core/context.js';

export const testPassword = 'correct-horse-battery';
export const testSecret = 'test-secret-not-for-production';

const unique = () => randomUUID().slice(0, 8);

export async function makeUser(db: Db, name = 'Test User') {
  return createUser(db, { email: `user-${unique()}@example.test`, name, password: testPassword, locale: 'en' });
}

/** A workspace with its owner; `ctx(role)` gives a service context in it with any role. */
export async function makeWorkspace(db: Db) {
  const owner = await makeUser(db, 'Owner');
  const workspace = await createWorkspace({ db, user: owner }, { name: `Workspace ${unique()}`, slug: `ws-${unique()}` });
  const ctx = (role: Role = 'owner'): Ctx => ({ db, workspaceId: workspace.id, role, user: owner, apiKeyId: null, actorUserId: owner.id, channel: 'api' });
  return { workspace, owner, ctx };
}

/** A new user with `role` in the workspace, who has opened it already (their login lands there). */
export async function makeMember(db: Db, workspaceId: string, role: Role) {
  const user = await makeUser(db, `Member ${role}`);
  await addMember(db, workspaceId, user.id, role, { seen: true });
  await setLastWorkspace(db, user.id, workspaceId);
  return user;
}

export interface Session {
  cookie: string;
  csrfToken: string;
  /** Headers for a cookie-authenticated write. */
  headers: { cookie: string; 'x-csrf-token': string };
}

export async function logIn(app: App, email: string, password = testPassword): Promise<Session> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const { csrfToken } = response.json() as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
