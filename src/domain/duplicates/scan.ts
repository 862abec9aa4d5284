import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/permissions.js';
import { queryRows } from '../../db/client.js';
import type { RecordType } from '../records/registry.js';
import { canSeeOwner, visibilityOf } from '../records/visibility.js';
import { duplicateTypeOf } from './check.js';
import type { MatchFields } from './matcher.js';
import { groupPairs, scorePairs } from './pairs.js';
import { matchSettingsOf } from './rules.js';
import { latestScanQuerySchema, type DuplicateType, type LatestScan, type Scan } from './schema.js';
import { duplicateDismissals, duplicateScanGroups, duplicateScans } from './table.js';

const page = 5000;

const scanJson = (row: typeof duplicateScans.$inferSelect): Scan => ({
  id: row.id,
  type: row.recordType as DuplicateType,
  status: row.status as Scan['status'],
  startedAt: row.startedAt.toISOString(),
  finishedAt: row.finishedAt?.toISOString() ?? null,
  pairs: row.pairs,
  groups: row.groups,
});

/** Every live record of a type as the matcher reads it, read in keyset pages. */
async function readAll(ctx: Ctx, type: RecordType): Promise<{ ids: string[]; fields: MatchFields[] }> {
  const declaration = type.duplicates!;
  const t = type.table;
  const selected = Object.entries(declaration.columns).map(([key, column]) => sql`${column} as ${sql.identifier(key)}`);
  const ids: string[] = [];
  const fields: MatchFields[] = [];
  let after: string | null = null;
  for (;;) {
    const rows: (Record<string, unknown> & { id: string })[] = await queryRows(
      ctx.db,
      sql`select ${t.id} as id, ${sql.join(selected, sql`, `)} from ${t}
          where ${and(eq(t.workspaceId, ctx.workspaceId), isNull(t.deletedAt), after ? gt(t.id, after) : undefined)}
          order by ${t.id} limit ${page}`,
    );
    for (const row of rows) {
      ids.push(row.id);
      fields.push(declaration.fields(row));
    }
    if (rows.length < page) return { ids, fields };
    after = rows[rows.length - 1]!.id;
  }
}

/** Starts a scan row (status running); runDuplicateScan fills it. */
export async function startDuplicateScan(ctx: Ctx, name: DuplicateType): Promise<Scan> {
  requirePermission(ctx, 'records:write');
  duplicateTypeOf(name);
  const [row] = await ctx.db.insert(duplicateScans).values({ workspaceId: ctx.workspaceId, recordType: name, startedBy: ctx.actorUserId }).returning();
  return scanJson(row!);
}

/**
 * A workspace scan: every live record read once, blocking keys → candidate pairs → scores ≥ warnAt
 * (pairs marked "not a duplicate" skipped) → groups (connected components), stored strongest first.
 */
export async function runDuplicateScan(ctx: Ctx, scanId: string, name: DuplicateType): Promise<Scan> {
  const type = duplicateTypeOf(name);
  const s = duplicateScans;
  const where = and(eq(s.workspaceId, ctx.workspaceId), eq(s.id, scanId));
  try {
    const settings = await matchSettingsOf(ctx, name);
    const { ids, fields } = await readAll(ctx, type);
    const d = duplicateDismissals;
    const dismissed = new Set(
      (await ctx.db.select({ a: d.aId, b: d.bId }).from(d).where(and(eq(d.workspaceId, ctx.workspaceId), eq(d.recordType, name)))).map((r) => `${r.a}|${r.b}`),
    );
    const skip = (a: number, b: number) => dismissed.size > 0 && dismissed.has(ids[a]! < ids[b]! ? `${ids[a]}|${ids[b]}` : `${ids[b]}|${ids[a]}`);
    const { pairs } = scorePairs(fields, settings, { minScore: settings.warnAt, skip });
    const groups = groupPairs(ids.length, pairs).sort((x, y) => y.score - x.score);
    await ctx.db.delete(duplicateScanGroups).where(and(eq(duplicateScanGroups.workspaceId, ctx.workspaceId), eq(duplicateScanGroups.scanId, scanId)));
    for (let i = 0; i < groups.length; i += 2000) {
      await ctx.db.insert(duplicateScanGroups).values(
        groups.slice(i, i + 2000).map((g, j) => ({
          workspaceId: ctx.workspaceId,
          scanId,
          position: i + j,
          score: g.score,
          recordIds: g.members.map((m) => ids[m]!),
          pairs: g.pairs.map((p) => ({ a: ids[p.a]!, b: ids[p.b]!, score: p.score, reasons: p.reasons })),
        })),
      );
    }
    const [row] = await ctx.db.update(s).set({ status: 'done', finishedAt: new Date(), pairs: pairs.length, groups: groups.length }).where(where).returning();
    return scanJson(row!);
  } catch (error) {
    await ctx.db.update(s).set({ status: 'failed', finishedAt: new Date(), error: String(error) }).where(where);
    throw error;
  }
}

/** The latest scan of a type and a page of its groups (strongest first), titles as the caller may see them. */
export async function latestDuplicateScan(ctx: Ctx, input: { type?: DuplicateType; limit?: number; cursor?: string }): Promise<LatestScan> {
  requirePermission(ctx, 'records:read');
  const { type: name, limit, cursor } = latestScanQuerySchema.parse(input);
  const type = duplicateTypeOf(name);
  const s = duplicateScans;
  const [scan] = await ctx.db
    .select()
    .from(s)
    .where(and(eq(s.workspaceId, ctx.workspaceId), eq(s.recordType, name)))
    .orderBy(desc(s.startedAt))
    .limit(1);
  if (!scan) return { scan: null, groups: [], nextCursor: null };
  const g = duplicateScanGroups;
  const from = cursor && /^\d+$/.test(cursor) ? Number(cursor) : -1;
  const rows = await ctx.db
    .select()
    .from(g)
    .where(and(eq(g.workspaceId, ctx.workspaceId), eq(g.scanId, scan.id), gt(g.position, from)))
    .orderBy(asc(g.position))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  const ids = [...new Set(shown.flatMap((r) => r.recordIds))];
  const t = type.table;
  const [records, visibility] = await Promise.all([
    ids.length
      ? ctx.db
          .select({ id: t.id, ownerId: t.ownerId, title: sql<string>`${type.displayName}`, subtitle: sql<string | null>`${type.duplicates!.subtitle}` })
          .from(t)
          .where(and(eq(t.workspaceId, ctx.workspaceId), isNull(t.deletedAt), inArray(t.id, ids)))
      : [],
    visibilityOf(ctx),
  ]);
  const byId = new Map(records.map((r) => [r.id as string, r]));
  const groups = shown.map((row) => ({
    id: row.id,
    score: row.score,
    // Records deleted or merged since the scan drop out; one the caller may not see shows without its name.
    records: row.recordIds
      .filter((id) => byId.has(id))
      .map((id) => {
        const r = byId.get(id)!;
        const visible = canSeeOwner(visibility, r.ownerId as string | null);
        return { id, title: visible ? r.title : '', subtitle: visible ? r.subtitle : null, hidden: !visible };
      }),
    pairs: row.pairs,
  }));
  return {
    scan: scanJson(scan),
    groups,
    nextCursor: rows.length > limit ? String(shown[shown.length - 1]!.position) : null,
  };
}
