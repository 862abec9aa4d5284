import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requireGrantable, requirePermission } from '../../core/permissions.js';
import { randomToken, sha256 } from '../../core/tokens.js';
import type { Role } from '../workspaces/schema.js';
import { createInvitationSchema, type Invitation } from './schema.js';
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
      // The human behind the request (also when an API key invites): their role caps the invitation.
      invitedBy: ctx.actorUserId,
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
    .where(and(eq(invitations.workspaceId, ctx.workspaceId), eq(invitations.id, id), isNull(invitations.acceptedAt), isNull(invitations.revokedAt)))
    .returning({ id: invitations.id });
  if (rows.length === 0) throw notFound('Invitation');
}
