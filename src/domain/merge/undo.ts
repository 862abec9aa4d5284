import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../records/changes.js';
import { findRecordType, type RecordType } from '../records/registry.js';
import { visibilityOf } from '../records/visibility.js';
import { lockHeads, visibleHead, type RecordHead } from '../records/write.js';
import { jsonEqual, readRows, toMerge, undoDays } from './read.js';
import { restoreReferences } from './references.js';
import type { MergeSnapshot } from './snapshot.js';
import { mergeTombstones, merges } from './table.js';

/** A later merge involving the survivor, not undone: undo that one first. */
async function laterMerge(tx: Db, ctx: Ctx, merge: typeof merges.$inferSelect) {
  const involved = sql`array[${sql.join([merge.survivorId, ...merge.mergedIds].map((id) => sql`${id}::uuid`), sql`, `)}]`;
  const [row] = await tx
    .select({ id: merges.id })
    .from(merges)
    .where(
      and(
        eq(merges.workspaceId, ctx.workspaceId),
        eq(merges.recordType, merge.recordType),
        isNull(merges.undoneAt),
        sql`${merges.id} <> ${merge.id}`,
        // Compared in SQL: a JS Date would drop the microseconds.
        sql`${merges.createdAt} >= (select m.created_at from ${merges} m where m.workspace_id = ${ctx.workspaceId} and m.id = ${merge.id})`,
        or(sql`${merges.survivorId} = any(${involved})`, sql`${merges.mergedIds} && ${involved}`),
      ),
    )
    .limit(1);
  return row?.id;
}

/**
 * Undoes a merge within 30 days: the merged records come back as they were (versions bumped), what moved
 * moves back, the survivor gets its previous values where nobody changed them since. Refused (409) while a
 * later merge involves these records, or when a merged record was purged; after 30 days (or once the
 * snapshot was erased) a 410.
 */
export async function undoMerge(ctx: Ctx, mergeId: string) {
  requirePermission(ctx, 'records:write');
  return ctx.db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(merges)
      .where(and(eq(merges.workspaceId, ctx.workspaceId), eq(merges.id, mergeId)))
      .for('update');
    if (!merge) throw notFound('Merge');
    const type = findRecordType(merge.recordType);
    if (!type) throw notFound('Merge');
    if (merge.undoneAt) throw new AppError('conflict', 'This merge was undone already', { reason: 'merge_undone' });
    if (!merge.snapshot || merge.undoUntil.getTime() <= Date.now()) {
      throw new AppError('gone', `A merge can be undone for ${undoDays} days only`, { reason: 'undo_expired', undoUntil: merge.undoUntil.toISOString() });
    }
    const later = await laterMerge(tx, ctx, merge);
    if (later) throw new AppError('conflict', 'A later merge involves these records; undo that one first', { reason: 'later_merge', mergeId: later });
    const visibility = await visibilityOf({ ...ctx, db: tx });
    const all = [merge.survivorId, ...merge.mergedIds].sort();
    const survivorHead = (await lockHeads(tx, ctx, type, all, { deleted: false })).get(merge.survivorId);
    if (!survivorHead) throw new AppError('conflict', `The surviving ${type.label.toLowerCase()} is in the trash or gone; restore it first`, { reason: 'survivor_deleted' });
    visibleHead(new Map([[survivorHead.id, survivorHead]]), survivorHead.id, visibility, type.label);
    const mergedHeads = await lockHeads(tx, ctx, type, [...merge.mergedIds].sort(), { deleted: true });
    for (const id of merge.mergedIds) {
      if (!mergedHeads.has(id)) throw new AppError('conflict', `A merged ${type.label.toLowerCase()} was purged; the merge cannot be undone`, { reason: 'purged', id });
      visibleHead(mergedHeads, id, visibility, type.label);
    }
    const snapshot = merge.snapshot;
    await restoreReferences(tx, ctx, snapshot);
    const kept = await restoreSurvivor(tx, ctx, type, survivorHead, snapshot);
    const t = type.table;
    for (const id of merge.mergedIds) {
      const head = mergedHeads.get(id)!;
      await tx
        .update(t)
        .set({ deletedAt: null, deletedBy: null, version: head.version + 1, updatedAt: sql`now()`, updatedBy: ctx.actorUserId } as never)
        .where(and(eq(t.workspaceId, ctx.workspaceId), eq(t.id, id)));
      await recordChange(tx, ctx, { recordType: type.name, recordId: id, action: 'restore', changes: [{ field: 'mergedInto', old: merge.survivorId, new: null }], ownerId: head.ownerId, version: head.version + 1 });
    }
    await tx.delete(mergeTombstones).where(and(eq(mergeTombstones.workspaceId, ctx.workspaceId), eq(mergeTombstones.mergeId, merge.id)));
    const [row] = await tx
      .update(merges)
      .set({ undoneAt: sql`now()`, undoneBy: ctx.actorUserId, snapshot: { ...snapshot, survivor: { before: {}, after: {} }, rows: [], values: [], views: [] } })
      .where(and(eq(merges.workspaceId, ctx.workspaceId), eq(merges.id, merge.id)))
      .returning();
    return { merge: toMerge(row!), keptFields: kept };
  });
}

/** The survivor's values before the merge, for each field still holding what the merge wrote; the others (changed since) stay. */
async function restoreSurvivor(tx: Db, ctx: Ctx, type: RecordType, head: RecordHead, snapshot: MergeSnapshot) {
  const [current] = await readRows(tx, ctx, type, [head.id]);
  const patch: Record<string, unknown> = {};
  const kept: string[] = [];
  for (const [key, value] of Object.entries(snapshot.survivor.before)) {
    if (jsonEqual(current![key], snapshot.survivor.after[key])) patch[key] = value;
    else kept.push(key);
  }
  const changes = Object.entries(patch).map(([field, value]) => ({ field, old: current![field] ?? null, new: value }));
  const t = type.table;
  // Counted in SQL: moving values back may have given the survivor a version already.
  const [row] = (await tx
    .update(t)
    .set({ ...patch, version: sql`${t.version} + 1`, updatedAt: sql`now()`, updatedBy: ctx.actorUserId } as never)
    .where(and(eq(t.workspaceId, ctx.workspaceId), eq(t.id, head.id)))
    .returning({ version: t.version })) as { version: number }[];
  const version = row!.version;
  await recordChange(tx, ctx, { recordType: type.name, recordId: head.id, action: 'update', changes: [{ field: 'mergeUndone', old: null, new: true }, ...changes], ownerId: head.ownerId, version });
  return kept;
}
