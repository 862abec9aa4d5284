import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { users } from '../users/table.js';
import type { MembershipNotice } from './schema.js';
import { memberships, workspaces } from './table.js';

const adder = alias(users, 'adder');

/** The user's memberships they have not been told about yet: "you were added to X by Y". */
export async function listMembershipNotices(db: Db, userId: string): Promise<MembershipNotice[]> {
  const rows = await db
    .select({ id: workspaces.id, name: workspaces.name, addedBy: adder.name, addedAt: memberships.createdAt })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .leftJoin(adder, eq(adder.id, memberships.addedBy))
    .where(and(eq(memberships.userId, userId), isNull(memberships.noticeSeenAt)))
    .orderBy(asc(memberships.createdAt));
  return rows.map((r) => ({ workspace: { id: r.id, name: r.name }, addedBy: r.addedBy, addedAt: r.addedAt.toISOString() }));
}

/** Marks the notices of the user's own memberships in these workspaces as seen; other ids change nothing. */
export async function markMembershipNoticesSeen(db: Db, userId: string, workspaceIds: string[]) {
  await db
    .update(memberships)
    .set({ noticeSeenAt: sql`now()` })
    .where(and(eq(memberships.userId, userId), inArray(memberships.workspaceId, workspaceIds), isNull(memberships.noticeSeenAt)));
}
