import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { requireGrantable, requirePermission } from '../../server/auth/permissions.js';
import { randomToken, sha256 } from '../../server/auth/tokens.js';
import { createUser, findUserByEmail, toUser } from '../users/service.js';
import type { User } from '../users/schema.js';
import { addMember } from '../workspaces/service.js';
import type { Role } from '../workspaces/schema.js';
import { acceptInvitationSchema, createInvitationSchema, type Invitation } from './schema.js';
import { invitations } from './table.js';

export const invitationDays = 7;

type Row = typeof invitations.$inferSelect;
const toInvitation = (row: Row): Invitation => ({
  id: row.id,
  email: row.email,
  role: row.role as Role,
  expiresAt: row.expiresAt.toISOString(),
  acceptedAt: row.acceptedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export async function createInvitation(ctx: Ctx, input: unknown) {
  requirePermission(ctx, 'members:manage');
  const data = createInvitationSchema.parse(input);
  requireGrantable(ctx, data.role);
  // The token carries its workspace so accepting it looks in one tenant only.
  const token = `${ctx.workspaceId}.${randomToken(32)}`;
  const [row] = await ctx.db
    .insert(invitations)
    .values({
      ...data,
      workspaceId: ctx.workspaceId,
      tokenHash: sha256(token),
      invitedBy: ctx.user?.id ?? null,
      expiresAt: new Date(Date.now() + invitationDays * 24 * 3600 * 1000),
    })
    .returning();
  return { invitation: toInvitation(row!), token };
}

export async function listInvitations(ctx: Ctx): Promise<Invitation[]> {
  requirePermission(ctx, 'members:manage');
  const rows = await ctx.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.workspaceId, ctx.workspaceId), isNull(invitations.revokedAt)))
    .orderBy(desc(invitations.createdAt));
  return rows.map(toInvitation);
}

export async function revokeInvitation(ctx: Ctx, id: string) {
  requirePermission(ctx, 'members:manage');
  const rows = await ctx.db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(invitations.workspaceId, ctx.workspaceId), eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (rows.length === 0) throw notFound('Invitation');
}

/**
 * Accepts an invitation: joins an existing account with the invited email, or creates the account
 * (name and password required then). Returns the user and the workspace joined.
 */
export async function acceptInvitation(db: Db, input: unknown): Promise<{ user: User; workspaceId: string }> {
  const { token, name, password } = acceptInvitationSchema.parse(input);
  const workspaceId = token.split('.')[0] ?? '';
  if (!/^[0-9a-f-]{36}$/.test(workspaceId)) throw notFound('Invitation');
  const [row] = await db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.workspaceId, workspaceId),
        eq(invitations.tokenHash, sha256(token)),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, new Date()),
      ),
    );
  if (!row) throw notFound('Invitation');
  const existing = await findUserByEmail(db, row.email);
  let user: User;
  if (existing) user = toUser(existing);
  else {
    if (!name || !password) {
      throw new AppError('validation_failed', 'Choose a name and a password for your new account', {
        fields: [
          ...(name ? [] : [{ path: 'name', message: 'Required' }]),
          ...(password ? [] : [{ path: 'password', message: 'Required' }]),
        ],
      });
    }
    user = await createUser(db, { email: row.email, name, password });
  }
  await db.transaction(async (tx) => {
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, row.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw notFound('Invitation');
    await addMember(tx as unknown as Db, workspaceId, user.id, row.role as Role);
  });
  return { user, workspaceId };
}
