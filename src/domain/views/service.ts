import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { customFieldsOf } from '../custom-fields/service.js';
import { compileFilter } from '../records/filter.js';
import { resolveFields } from '../records/filter-fields.js';
import type { FilterNode } from '../records/filter-schema.js';
import { findRecordType } from '../records/registry.js';
import { planSort } from '../records/sort.js';
import { createViewSchema, listViewsQuerySchema, updateViewSchema, type CreateViewInput, type UpdateViewInput, type View } from './schema.js';
import { savedViews } from './table.js';

type Row = typeof savedViews.$inferSelect;

const toView = (row: Row): View => ({
  id: row.id,
  recordType: row.recordType,
  name: row.name,
  shared: row.shared,
  ownerId: row.ownerId,
  filter: row.filter ?? null,
  sort: row.sort,
  columns: row.columns,
  version: row.version,
});

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', 'Request is not valid', { fields: [{ path, message }] });

/** Views the caller sees: shared ones and their own. */
const visibleTo = (ctx: Ctx) =>
  ctx.actorUserId ? or(eq(savedViews.shared, true), eq(savedViews.ownerId, ctx.actorUserId)) : eq(savedViews.shared, true);

export async function listViews(ctx: Ctx, query: { recordType: string }): Promise<View[]> {
  requirePermission(ctx, 'records:read');
  const { recordType } = listViewsQuerySchema.parse(query);
  const rows = await ctx.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.workspaceId, ctx.workspaceId), eq(savedViews.recordType, recordType), visibleTo(ctx)))
    .orderBy(asc(sql`lower(${savedViews.name})`), asc(savedViews.id));
  return rows.map(toView);
}

/** A view the caller may see, of this record type; 404 otherwise (a private view of someone else's too). */
export async function findVisibleView(ctx: Ctx, id: string, recordType?: string): Promise<View> {
  const [row] = await ctx.db
    .select()
    .from(savedViews)
    .where(and(eq(savedViews.workspaceId, ctx.workspaceId), eq(savedViews.id, id), visibleTo(ctx)));
  if (!row || (recordType && row.recordType !== recordType)) throw notFound('View');
  return toView(row);
}

/** The filter and sort are checked with the list's own compiler, so a saved view always runs. */
async function checkQuery(ctx: Ctx, recordType: string, filter: FilterNode | null | undefined, sort: string | null | undefined) {
  const type = findRecordType(recordType);
  if (!type) throw invalid('recordType', `Unknown record type ${recordType}`);
  if (!filter && !sort) return;
  const custom = await customFieldsOf(ctx, type.name);
  const fields = resolveFields(type, custom);
  const archivedPaths = custom.filter((f) => f.archived).map((f) => `custom.${f.key}`);
  if (filter) compileFilter(ctx, type, fields, filter, { archivedPaths });
  if (sort) planSort(type, fields, sort);
}

/** Saving views is for those who may write records (viewers only read, like everywhere else). */
function checkSaver(ctx: Ctx) {
  requirePermission(ctx, 'records:write');
  if (!ctx.actorUserId) throw new AppError('forbidden', 'Views belong to a person; this credential has none');
}

export async function createView(ctx: Ctx, input: CreateViewInput): Promise<View> {
  const data = createViewSchema.parse(input);
  checkSaver(ctx);
  await checkQuery(ctx, data.recordType, data.filter, data.sort);
  const [row] = await ctx.db
    .insert(savedViews)
    .values({
      workspaceId: ctx.workspaceId,
      recordType: data.recordType,
      name: data.name,
      ownerId: ctx.actorUserId,
      shared: data.shared,
      filter: data.filter ?? null,
      sort: data.sort ?? null,
      columns: data.columns,
    })
    .returning();
  return toView(row!);
}

/** A private view: its owner. A shared one: its owner or an admin. Others get 403 (or 404 if they cannot see it). */
function checkEditor(ctx: Ctx, view: View) {
  const mine = view.ownerId !== null && view.ownerId === ctx.actorUserId;
  const admin = ctx.role === 'owner' || ctx.role === 'admin';
  if (!mine && !(view.shared && admin)) throw new AppError('forbidden', 'Only its owner or an admin may change this view');
}

export async function updateView(ctx: Ctx, id: string, input: UpdateViewInput): Promise<View> {
  checkSaver(ctx);
  const { version, ...data } = updateViewSchema.parse(input);
  if (version === undefined) throw invalid('version', 'Required');
  const view = await findVisibleView(ctx, id);
  checkEditor(ctx, view);
  await checkQuery(ctx, view.recordType, data.filter, data.sort);
  const [row] = await ctx.db
    .update(savedViews)
    .set({ ...data, version: sql`${savedViews.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(savedViews.workspaceId, ctx.workspaceId), eq(savedViews.id, id), eq(savedViews.version, version)))
    .returning();
  if (!row) throw new AppError('version_conflict', 'Someone else changed this view; reload and try again', { currentVersion: view.version });
  return toView(row);
}

export async function deleteView(ctx: Ctx, id: string, options: { version?: number } = {}): Promise<void> {
  checkSaver(ctx);
  const view = await findVisibleView(ctx, id);
  checkEditor(ctx, view);
  const deleted = await ctx.db
    .delete(savedViews)
    .where(
      and(
        eq(savedViews.workspaceId, ctx.workspaceId),
        eq(savedViews.id, id),
        options.version === undefined ? undefined : eq(savedViews.version, options.version),
      ),
    )
    .returning({ id: savedViews.id });
  if (deleted.length === 0) throw new AppError('version_conflict', 'Someone else changed this view; reload and try again', { currentVersion: view.version });
}
