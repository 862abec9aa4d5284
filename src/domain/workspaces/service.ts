import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Ctx, UserCtx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { outranks, requireGrantable, requirePermission } from '../../core/permissions.js';
import { users } from '../users/table.js';
import { isUniqueViolation } from '../users/service.js';
import { forgetApiKeys, revokeApiKeysOfUser } from '../api-keys/service.js';
import { createWorkspaceSchema, type CreateWorkspaceInput, type Member, type Role, type Workspace } from './schema.js';
import { memberships, workspaces } from './table.js';

/**
 * Creates a workspace with the caller as its owner, in one transaction. With `maxPerUser` the count of
 * workspaces the caller created is taken under a lock on the caller's user row, so two concurrent
 * creates at the cap cannot both pass. A user's first workspace becomes the one their login lands in;
 * creating more does not move them.
 */
export async function createWorkspace(ctx: UserCtx, input: CreateWorkspaceInput, limit: { maxPerUser?: number } = {}): Promise<Workspace> {
  const data = createWorkspaceSchema.parse(input);
  try {
    return await ctx.db.transaction(async (tx) => {
      if (limit.maxPerUser !== undefined) {
        await tx.select({ id: users.id }).from(users).where(eq(users.id, ctx.user.id)).for('update');
        const [created] = await tx.select({ n: count() }).from(workspaces).where(eq(workspaces.createdBy, ctx.user.id));
        if (created!.n >= limit.maxPerUser) {
          throw new AppError('quota_exceeded', `You can create at most ${limit.maxPerUser} workspaces`, { limit: limit.maxPerUser });
        }
      }
      const [row] = await tx.insert(workspaces).values({ ...data, createdBy: ctx.user.id }).returning();
      await tx.insert(memberships).values({ workspaceId: row!.id, userId: ctx.user.id, role: 'owner', noticeSeenAt: sql`now()` });
      await tx
        .update(users)
        .set({ lastWorkspaceId: sql`coalesce(${users.lastWorkspaceId}, ${row!.id})` })
        .where(eq(users.id, ctx.user.id));
      const { id, name, slug, defaultLocale } = row!;
      return { id, name, slug, defaultLocale: defaultLocale as Workspace['defaultLocale'], role: 'owner' as const };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'This workspace address is taken', { fields: [{ path: 'slug', message: 'taken' }] });
    }
    throw error;
  }
}

export async function listUserWorkspaces(db: Db, userId: string): Promise<Workspace[]> {
  const rows = await db
    .select({ workspace: workspaces, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(workspaces.name));
  return rows.map(({ workspace, role }) => ({
    id: workspace.id,
    name: workspace.name,
    slug: workspace.slug,
    defaultLocale: workspace.defaultLocale as Workspace['defaultLocale'],
    role: role as Role,
  }));
}

export async function findMembershipRole(db: Db, workspaceId: string, userId: string): Promise<Role | undefined> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row?.role as Role | undefined;
}

/**
 * Adds a user to a workspace (invitation accepted, CLI); keeps an existing membership as it is.
 * `addedBy` is shown to the new member in the "you were added" notice; `seen` skips that notice.
 */
export async function addMember(
  db: Db,
  workspaceId: string,
  userId: string,
  role: Role,
  { addedBy = null, seen = false }: { addedBy?: string | null; seen?: boolean } = {},
) {
  await db
    .insert(memberships)
    .values({ workspaceId, userId, role, addedBy, noticeSeenAt: seen ? sql`now()` : null })
    .onConflictDoNothing();
}

/** The workspace a login lands in: the one the user opened last, if they are still a member there. */
export async function findLandingWorkspaceId(db: Db, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ workspaceId: memberships.workspaceId })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.workspaceId, users.lastWorkspaceId), eq(memberships.userId, users.id)))
    .where(eq(users.id, userId));
  return row?.workspaceId ?? null;
}

/** Remembers the workspace the user just opened, for their next login. */
export async function setLastWorkspace(db: Db, userId: string, workspaceId: string) {
  await db.update(users).set({ lastWorkspaceId: workspaceId }).where(eq(users.id, userId));
}

export async function listMembers(ctx: Ctx): Promise<Member[]> {
  requirePermission(ctx, 'members:read');
  const rows = await ctx.db
    .select({ membership: memberships, user: users })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, ctx.workspaceId))
    .orderBy(asc(users.name));
  return rows.map(({ membership, user }) => ({
    id: membership.id,
    userId: user.id,
    email: user.email,
    name: user.name,
    role: membership.role as Role,
    createdAt: membership.createdAt.toISOString(),
  }));
}

/** The workspace's memberships, locked until the transaction ends, so two admins' changes serialise. */
const lockMembers = (tx: Db, workspaceId: string) =>
  tx
    .select({ id: memberships.id, userId: memberships.userId, role: memberships.role })
    .from(memberships)
    .where(eq(memberships.workspaceId, workspaceId))
    .for('update');

/** A 409 when `target` is the workspace's only owner and is about to stop being one. */
function keepAnOwner(members: { role: string }[], target: { role: string }) {
  if (target.role === 'owner' && members.filter((m) => m.role === 'owner').length === 1) {
    throw new AppError('conflict', 'A workspace keeps at least one owner');
  }
}

/** Changes a member's role; nobody grants more than they have, and the last owner stays an owner. */
export async function updateMemberRole(ctx: Ctx, memberId: string, role: Role): Promise<Member> {
  requirePermission(ctx, 'members:manage');
  requireGrantable(ctx, role);
  await ctx.db.transaction(async (tx) => {
    const members = await lockMembers(tx as unknown as Db, ctx.workspaceId);
    const target = members.find((m) => m.id === memberId);
    if (!target) throw notFound('Member');
    requireGrantable(ctx, target.role as Role);
    if (role !== 'owner') keepAnOwner(members, target);
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.id, memberId)));
  });
  // A key acts with at most its creator's role: the cached identities may be higher now.
  forgetApiKeys();
  const member = (await listMembers(ctx)).find((m) => m.id === memberId);
  return member!;
}

/**
 * Removes a member (members:manage; never someone ranked above you) or lets a member leave; the last
 * owner stays. Their API keys are revoked in the same transaction; their sessions lose the workspace
 * because every request checks membership.
 */
export async function removeMember(ctx: Ctx, memberId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const members = await lockMembers(tx as unknown as Db, ctx.workspaceId);
    const target = members.find((m) => m.id === memberId);
    const leaving = target !== undefined && ctx.user !== null && target.userId === ctx.user.id;
    if (!leaving) requirePermission(ctx, 'members:manage');
    if (!target) throw notFound('Member');
    if (!leaving && outranks(target.role as Role, ctx.role)) {
      throw new AppError('forbidden', `Your role (${ctx.role}) may not remove a member with role ${target.role}`);
    }
    keepAnOwner(members, target);
    await tx.delete(memberships).where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.id, memberId)));
    await revokeApiKeysOfUser(tx as unknown as Db, ctx.workspaceId, target.userId);
  });
  forgetApiKeys();
}
