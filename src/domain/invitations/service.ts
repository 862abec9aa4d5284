import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../server/context.js';
import { AppError, notFound } from '../../server/errors.js';
import { lowerRole, requireGrantable, requirePermission } from '../../server/auth/permissions.js';
import { randomToken, sha256 } from '../../server/auth/tokens.js';
import { createUser, findUserByEmail } from '../users/service.js';
import type { User } from '../users/schema.js';
import { addMember, findMembershipRole, listUserWorkspaces, setLastWorkspace } from '../workspaces/service.js';
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
    .where(and(eq(invitations.workspaceId, ctx.workspaceId), eq(invitations.id, id), isNull(invitations.acceptedAt)))
    .returning({ id: invitations.id });
  if (rows.length === 0) throw notFound('Invitation');
}

/** What accepting tells the caller: where they are now and with which role; never anyone else's identity. */
export interface AcceptedInvitation {
  user: User;
  workspace: { id: string; name: string };
  role: Role;
}

/**
 * Accepts an invitation with the invited person's consent. An email that has an account is accepted
 * only in a session of that account (`caller`); for a new email the person chooses a name and a
 * password (the password policy applies) and the account is created. The role is the lower of the
 * invitation's and its inviter's current role; an inviter who is no longer a member voids it.
 */
export async function acceptInvitation(db: Db, input: unknown, caller: User | null): Promise<AcceptedInvitation> {
  const { token, name, password } = acceptInvitationSchema.parse(input);
  const workspaceId = token.split('.')[0] ?? '';
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(workspaceId)) throw notFound('Invitation');
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
  // Another account's session looks like a wrong token: it learns nothing about who owns the email.
  if (caller && caller.email.toLowerCase() !== row.email.toLowerCase()) throw notFound('Invitation');
  if (!caller) {
    if (await findUserByEmail(db, row.email)) {
      throw new AppError('unauthenticated', 'Log in as the invited account to accept');
    }
    if (!name || !password) {
      throw new AppError('validation_failed', 'Choose a name and a password for your new account', {
        fields: [
          ...(name ? [] : [{ path: 'name', message: 'Required' }]),
          ...(password ? [] : [{ path: 'password', message: 'Required' }]),
        ],
      });
    }
  }
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(invitations.workspaceId, workspaceId), eq(invitations.id, row.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw notFound('Invitation');
    const inviterRole = row.invitedBy ? await findMembershipRole(txDb, workspaceId, row.invitedBy) : undefined;
    if (!inviterRole) throw notFound('Invitation');
    const user = caller ?? (await createUser(txDb, { email: row.email, name: name!, password: password! }));
    const role = lowerRole(row.role as Role, inviterRole);
    await addMember(txDb, workspaceId, user.id, role, { addedBy: row.invitedBy });
    await setLastWorkspace(txDb, user.id, workspaceId);
    // An existing membership is kept as it was, so report the role the user really has there.
    const joined = (await listUserWorkspaces(txDb, user.id)).find((w) => w.id === workspaceId)!;
    return { user, workspace: { id: joined.id, name: joined.name }, role: joined.role };
  });
}
