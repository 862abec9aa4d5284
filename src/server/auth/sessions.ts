import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { sessions, users } from '../../db/tables.js';
import { randomToken, sha256 } from '../../core/tokens.js';

export const sessionCookie = 'kesher_session';
export const sessionDays = 14;

/** Creates a session and returns the cookie token; only its hash is stored. The user's expired sessions go. */
export async function createSession(db: Db, userId: string, workspaceId: string | null) {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + sessionDays * 24 * 3600 * 1000);
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date())));
  await db.insert(sessions).values({ id: sha256(token), userId, workspaceId, expiresAt });
  return { token, expiresAt };
}

export async function findSession(db: Db, token: string) {
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sha256(token)), gt(sessions.expiresAt, new Date())));
  return row;
}

export async function setSessionWorkspace(db: Db, token: string, workspaceId: string) {
  await db.update(sessions).set({ workspaceId }).where(eq(sessions.id, sha256(token)));
}

export async function deleteSession(db: Db, token: string) {
  await db.delete(sessions).where(eq(sessions.id, sha256(token)));
}
