import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import { memberships } from '../workspaces/table.js';
import { createTeamSchema, updateTeamSchema, type CreateTeamInput, type Team, type UpdateTeamInput } from './schema.js';
import { teamMembers, teams } from './table.js';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', 'Request is not valid', { fields: [{ path, message }] });

/** Every team of the workspace with its members, by name (everyone may read them: filters name teams). */
export async function listTeams(ctx: Ctx): Promise<Team[]> {
  requirePermission(ctx, 'records:read');
  return findTeams(ctx.db, ctx.workspaceId);
}

async function findTeams(db: Db, workspaceId: string, id?: string): Promise<Team[]> {
  const rows = await db
    .select({
      id: teams.id,
      name: teams.name,
      version: teams.version,
      memberIds: sql<string[]>`coalesce((select array_agg(tm.user_id::text order by tm.user_id) from ${teamMembers} tm
        where tm.workspace_id = ${teams.workspaceId} and tm.team_id = ${teams.id}), '{}')`,
    })
    .from(teams)
    .where(and(eq(teams.workspaceId, workspaceId), id ? eq(teams.id, id) : undefined))
    .orderBy(asc(sql`lower(${teams.name})`), asc(teams.id));
  return rows;
}

async function getTeam(db: Db, workspaceId: string, id: string): Promise<Team> {
  const [team] = await findTeams(db, workspaceId, id);
  if (!team) throw notFound('Team');
  return team;
}

/** Members must belong to the workspace: a 400 naming the first stranger. */
async function checkMembers(tx: Db, workspaceId: string, memberIds: string[]) {
  const unique = [...new Set(memberIds)];
  if (unique.length === 0) return unique;
  const found = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, unique)));
  const known = new Set(found.map((r) => r.userId));
  const index = memberIds.findIndex((id) => !known.has(id));
  if (index >= 0) throw invalid(`memberIds.${index}`, 'Not a member of this workspace');
  return unique;
}

async function setMembers(tx: Db, workspaceId: string, teamId: string, memberIds: string[]) {
  await tx.delete(teamMembers).where(and(eq(teamMembers.workspaceId, workspaceId), eq(teamMembers.teamId, teamId)));
  if (memberIds.length > 0) await tx.insert(teamMembers).values(memberIds.map((userId) => ({ workspaceId, teamId, userId })));
}

function rethrowName(error: unknown): never {
  const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === '23505') throw new AppError('conflict', 'A team with this name exists', { fields: [{ path: 'name', message: 'Taken' }] });
  throw error;
}

export async function createTeam(ctx: Ctx, input: CreateTeamInput): Promise<Team> {
  requirePermission(ctx, 'members:manage');
  const data = createTeamSchema.parse(input);
  const id = await ctx.db
    .transaction(async (tx) => {
      const memberIds = await checkMembers(tx, ctx.workspaceId, data.memberIds);
      const [row] = await tx.insert(teams).values({ workspaceId: ctx.workspaceId, name: data.name }).returning({ id: teams.id });
      await setMembers(tx, ctx.workspaceId, row!.id, memberIds);
      return row!.id;
    })
    .catch(rethrowName);
  return getTeam(ctx.db, ctx.workspaceId, id);
}

export async function updateTeam(ctx: Ctx, id: string, input: UpdateTeamInput): Promise<Team> {
  requirePermission(ctx, 'members:manage');
  const { version, name, memberIds } = updateTeamSchema.parse(input);
  if (version === undefined) throw invalid('version', 'Required');
  await ctx.db
    .transaction(async (tx) => {
      const current = await getTeam(tx, ctx.workspaceId, id);
      const [row] = await tx
        .update(teams)
        .set({ ...(name !== undefined && { name }), version: sql`${teams.version} + 1` })
        .where(and(eq(teams.workspaceId, ctx.workspaceId), eq(teams.id, id), eq(teams.version, version)))
        .returning({ id: teams.id });
      if (!row) throw new AppError('version_conflict', 'Someone else changed this team; reload and try again', { currentVersion: current.version });
      if (memberIds) await setMembers(tx, ctx.workspaceId, id, await checkMembers(tx, ctx.workspaceId, memberIds));
    })
    .catch(rethrowName);
  return getTeam(ctx.db, ctx.workspaceId, id);
}

export async function deleteTeam(ctx: Ctx, id: string, options: { version?: number } = {}): Promise<void> {
  requirePermission(ctx, 'members:manage');
  const deleted = await ctx.db
    .delete(teams)
    .where(and(eq(teams.workspaceId, ctx.workspaceId), eq(teams.id, id), options.version === undefined ? undefined : eq(teams.version, options.version)))
    .returning({ id: teams.id });
  if (deleted.length > 0) return;
  const current = await getTeam(ctx.db, ctx.workspaceId, id);
  throw new AppError('version_conflict', 'Someone else changed this team; reload and try again', { currentVersion: current.version });
}
