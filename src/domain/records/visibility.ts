import { eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import { queryRows } from '../../db/client.js';
import { teamMembers } from '../teams/table.js';
import { workspaces } from '../workspaces/table.js';

/** Which records a role sees: all of the workspace's, its team's (owners in the viewer's teams), or its own. */
export type VisibilityScope = 'all' | 'team' | 'own';

export interface Visibility {
  scope: VisibilityScope;
  /** Owners whose records the caller sees; null when the scope is all. Always includes the caller. */
  ownerIds: string[] | null;
}

/**
 * The caller's visibility, from the workspace's per-role setting and the caller's teams. An API key
 * sees as the person who made it (`actorUserId`); owners and admins always see everything.
 */
export async function visibilityOf(ctx: Ctx): Promise<Visibility> {
  if (ctx.role === 'owner' || ctx.role === 'admin') return { scope: 'all', ownerIds: null };
  const [workspace] = await ctx.db
    .select({ recordVisibility: workspaces.recordVisibility })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  const scope = workspace?.recordVisibility[ctx.role] ?? 'all';
  if (scope === 'all') return { scope, ownerIds: null };
  const me = ctx.actorUserId;
  if (!me) return { scope, ownerIds: [] };
  if (scope === 'own') return { scope, ownerIds: [me] };
  const rows = await queryRows<{ user_id: string }>(
    ctx.db,
    sql`select distinct mate.user_id from ${teamMembers} mine
        join ${teamMembers} mate on mate.workspace_id = mine.workspace_id and mate.team_id = mine.team_id
        where mine.workspace_id = ${ctx.workspaceId} and mine.user_id = ${me}`,
  );
  return { scope, ownerIds: [...new Set([me, ...rows.map((r) => r.user_id)])] };
}

/** The WHERE condition that keeps only visible records; undefined when everything is visible. */
export function visibleCondition(visibility: Visibility, ownerColumn: PgColumn): SQL | undefined {
  if (visibility.ownerIds === null) return undefined;
  if (visibility.ownerIds.length === 0) return sql`false`;
  return inArray(ownerColumn, visibility.ownerIds);
}

/** True when a record with this owner is visible (events, single-record reads). */
export const canSeeOwner = (visibility: Visibility, ownerId: string | null) =>
  visibility.ownerIds === null || (ownerId !== null && visibility.ownerIds.includes(ownerId));
