import { and, asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Ctx, UserCtx } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { requireGrantable, requirePermission } from '../../server/auth/permissions.js';
import { users } from '../users/table.js';
import { isUniqueViolation } from '../users/service.js';
import { createWorkspaceSchema, type CreateWorkspaceInput, type Member, type Role, type Workspace } from './schema.js';
import { memberships, workspaces } from './table.js';

/**
 * Creates a workspace with the caller as its owner, in one transaction. With `maxPerUser` the count of
 * workspaces the caller created is taken under a lock on the caller's user row, so two concurrent
 * creates at the cap cannot both pass.
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
      await tx.insert(memberships).values({ workspaceId: row!.id, userId: ctx.user.id, role: 'owner' });
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

/** Adds a user to a workspace (invitation accepted, CLI); keeps an existing membership as it is. */
export async function addMember(db: Db, workspaceId: string, userId: string, role: Role) {
  await db.insert(memberships).values({ workspaceId, userId, role }).onConflictDoNothing();
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

/** Changes a member's role; nobody grants more than they have, and the last owner stays an owner. */
export async function updateMemberRole(ctx: Ctx, memberId: string, role: Role): Promise<Member> {
  requirePermission(ctx, 'members:manage');
  requireGrantable(ctx, role);
  await ctx.db.transaction(async (tx) => {
    const owners = await tx
      .select({ id: memberships.id, role: memberships.role })
      .from(memberships)
      .where(eq(memberships.workspaceId, ctx.workspaceId))
      .for('update');
    const target = owners.find((m) => m.id === memberId);
    if (!target) throw notFound('Member');
    requireGrantable(ctx, target.role as Role);
    if (target.role === 'owner' && role !== 'owner' && owners.filter((m) => m.role === 'owner').length === 1) {
      throw new AppError('conflict', 'A workspace keeps at least one owner');
    }
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.workspaceId, ctx.workspaceId), eq(memberships.id, memberId)));
  });
  const member = (await listMembers(ctx)).find((m) => m.id === memberId);
  return member!;
}
