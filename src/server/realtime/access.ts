import { and, eq, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { lowerRole } from '../../core/permissions.js';
import type { Role } from '../../core/roles.js';
import type { Db } from '../../db/client.js';
import { apiKeys } from '../../domain/api-keys/table.js';
import { memberships } from '../../domain/workspaces/table.js';
import type { Identity } from '../auth/plugin.js';
import { findSession } from '../auth/sessions.js';

/**
 * The role a stream's credential has now in its workspace, or undefined when the stream must end: the
 * session ended or moved to another workspace, the key was revoked, or the person is no longer a member.
 */
export async function currentRole(db: Db, identity: Identity, workspaceId: string): Promise<Role | undefined> {
  if (identity.kind === 'session') {
    const found = await findSession(db, identity.token);
    if (!found || found.session.workspaceId !== workspaceId) return undefined;
    const [row] = await db
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, found.user.id)));
    return row?.role as Role | undefined;
  }
  const [row] = await db
    .select({ role: apiKeys.role, creatorRole: memberships.role })
    .from(apiKeys)
    .innerJoin(memberships, and(eq(memberships.workspaceId, apiKeys.workspaceId), eq(memberships.userId, apiKeys.createdBy)))
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, identity.apiKeyId), isNull(apiKeys.revokedAt)));
  return row ? lowerRole(row.role as Role, row.creatorRole as Role) : undefined;
}

/** The stream's context with a fresh role. */
export const withRole = (ctx: Ctx, role: Role): Ctx => ({ ...ctx, role });
