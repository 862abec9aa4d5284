import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError, notFound } from '../../core/errors.js';
import { lowerRole } from '../../core/permissions.js';
import { sha256 } from '../../core/tokens.js';
import { createUser, findUserByEmail } from '../users/service.js';
import type { User } from '../users/schema.js';
import { addMember, findMembershipRole, listUserWorkspaces, setLastWorkspace } from '../workspaces/service.js';
import type { Role } from '../workspaces/schema.js';
import { acceptInvitationSchema, invitationTokenSchema, type InvitationPreview } from './schema.js';
import { invitations } from './table.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The open invitation of a token, with its workspace and the role it gives now: the lower of the
 * invitation's and its inviter's current role. An inviter who is no longer a member voids it (404).
 */
async function findOpenInvitation(db: Db, token: string) {
  // The token names its workspace, so the lookup stays in one tenant.
  const workspaceId = token.split('.')[0] ?? '';
  if (!uuid.test(workspaceId)) throw notFound('Invitation');
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
  return { row, ...(await cappedByInviter(db, row)) };
}

/** The invitation's workspace and the role it gives now; 404 when its inviter is no longer a member. */
async function cappedByInviter(db: Db, row: typeof invitations.$inferSelect) {
  const inviter = row.invitedBy ? (await listUserWorkspaces(db, row.invitedBy)).find((w) => w.id === row.workspaceId) : undefined;
  if (!inviter) throw notFound('Invitation');
  return { workspace: { id: inviter.id, name: inviter.name }, role: lowerRole(row.role as Role, inviter.role) };
}

/** What the token's holder may see before accepting ("Join X as sales?"). */
export async function previewInvitation(db: Db, input: unknown): Promise<InvitationPreview> {
  const { token } = invitationTokenSchema.parse(input);
  const { row, workspace, role } = await findOpenInvitation(db, token);
  return { workspace, role, email: row.email };
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
 * password (the password policy applies) and the account is created, in the same transaction.
 * With name and password but no session, an existing account is still refused (401) while a new
 * email succeeds: inherent while the inviter, not a mailbox, receives the token.
 */
export async function acceptInvitation(db: Db, input: unknown, caller: User | null): Promise<AcceptedInvitation> {
  const { token, name, password } = acceptInvitationSchema.parse(input);
  const { row } = await findOpenInvitation(db, token);
  // Another account's session looks like a wrong token: it learns nothing about who owns the email.
  if (caller && caller.email.toLowerCase() !== row.email.toLowerCase()) throw notFound('Invitation');
  // Without a session, a bare token gets one answer whether or not the email has an account, so the
  // token's holder does not learn which it is. A 401 also tells a web page whose session just ended.
  if (!caller && (!name || !password)) {
    throw new AppError('unauthenticated', 'Log in as the invited account, or choose a name and a password, to accept');
  }
  if (!caller && (await findUserByEmail(db, row.email))) {
    throw new AppError('unauthenticated', 'Log in as the invited account to accept');
  }
  return db.transaction(async (tx) => {
    const txDb = tx as unknown as Db;
    const claimed = await tx
      .update(invitations)
      .set({ acceptedAt: sql`now()` })
      .where(and(eq(invitations.workspaceId, row.workspaceId), eq(invitations.id, row.id), isNull(invitations.acceptedAt)))
      .returning({ id: invitations.id });
    if (claimed.length === 0) throw notFound('Invitation');
    // The inviter's role again, inside the transaction: it may have changed since the lookup.
    const { workspace, role } = await cappedByInviter(txDb, row);
    const user = caller ?? (await createUser(txDb, { email: row.email, name: name!, password: password! }));
    await addMember(txDb, workspace.id, user.id, role, { addedBy: row.invitedBy });
    await setLastWorkspace(txDb, user.id, workspace.id);
    // An existing membership is kept as it was, so report the role the user really has there.
    return { user, workspace, role: (await findMembershipRole(txDb, workspace.id, user.id))! };
  });
}
