import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import type { FieldChange } from '../audit/table.js';
import { recordChange } from '../records/changes.js';
import { lookUpRecords, recordKey } from '../records/lookup.js';
import { findRecordType, recordTypes, type RecordType } from '../records/registry.js';
import { canSeeOwner, visibilityOf } from '../records/visibility.js';
import { checkVersion, invalid, lockHeads, visibleHead, type RecordHead } from '../records/write.js';
import '../contacts/record.js';
import '../companies/record.js';
import { choosableKeys, defaultSource, mergeFieldsOf, unitedList, unitedTags, valueOf, type Row } from './fields.js';
import { countReferences, moveReferences } from './references.js';
import { createMergeSchema, mergePreviewQuerySchema, type CreateMergeInput, type Merge, type MergePreview, type MergePreviewQuery } from './schema.js';
import type { MergeSnapshot } from './snapshot.js';
import { jsonEqual, readRows, toMerge, undoDays } from './read.js';
import { mergeTombstones, merges } from './table.js';
import { findSurvivor } from './tombstones.js';

export { findSurvivor };
export { undoMerge } from './undo.js';

/** A registered type by name, or a 400 naming `type` (the name came in a body or query). */
function typeNamed(name: string): RecordType {
  const type = findRecordType(name);
  if (!type) throw invalid([{ path: 'type', message: 'Not a record type' }]);
  return type;
}

/** Live rows of the named records, locked in id order (two merges of overlapping sets never deadlock), each visible and at the version read. */
async function lockForMerge(tx: Db, ctx: Ctx, type: RecordType, ids: string[], versions: Record<string, number>) {
  const visibility = await visibilityOf({ ...ctx, db: tx });
  const heads = await lockHeads(tx, ctx, type, [...ids].sort(), { deleted: false });
  const checked = new Map<string, RecordHead>();
  for (const id of ids) {
    if (!heads.has(id)) {
      const survivor = await findSurvivor(tx, ctx.workspaceId, type.name, id);
      if (survivor) throw new AppError('conflict', `This ${type.label.toLowerCase()} was merged into another meanwhile; reload`, { mergedInto: survivor, id });
      if (await isOtherType(tx, ctx, type, id)) throw invalid([{ path: 'mergedIds', message: `Not a ${type.name}: merge records of one type` }]);
    }
    checked.set(id, visibleHead(heads, id, visibility, type.label));
  }
  for (const id of ids) await checkVersion(tx, checked.get(id)!, versions[id], type.label);
  return checked;
}

/** True when the id names a live record of another type (a mixed merge is a bad request, not a missing record). */
async function isOtherType(tx: Db, ctx: Ctx, type: RecordType, id: string) {
  const refs = recordTypes().filter((other) => other.name !== type.name).map((other) => ({ recordType: other.name, id }));
  return (await lookUpRecords({ ...ctx, db: tx }, refs, { withDeleted: false })).size > 0;
}

/** Checks a merge request beyond its shape: distinct ids, a version for each, choices among them. */
function checkRequest(type: RecordType, body: ReturnType<typeof createMergeSchema.parse>) {
  const ids = [body.survivorId, ...body.mergedIds];
  const errors = [];
  if (body.mergedIds.includes(body.survivorId)) errors.push({ path: 'mergedIds', message: 'The survivor cannot also be merged away' });
  if (new Set(body.mergedIds).size !== body.mergedIds.length) errors.push({ path: 'mergedIds', message: 'An id is listed twice' });
  for (const id of ids) if (body.versions[id] === undefined) errors.push({ path: `versions.${id}`, message: 'Send the version you read' });
  const known = new Set(mergeFieldsOf(type).chosen.map((f) => f.key));
  for (const [key, from] of Object.entries(body.fields ?? {})) {
    if (!ids.includes(from)) errors.push({ path: `fields.${key}`, message: 'Not one of the merged records' });
    if (!known.has(key) && !/^custom\.[A-Za-z0-9_]+$/.test(key)) errors.push({ path: `fields.${key}`, message: 'Not a field that can be chosen' });
  }
  if (errors.length > 0) throw invalid(errors);
  return ids;
}

/** The survivor's new values: per field the chosen record's, every email and phone, all tags; with where each came from. */
function mergedValues(type: RecordType, rows: Row[], survivorId: string, choices: Record<string, string>) {
  const fields = mergeFieldsOf(type);
  const survivor = rows.find((r) => r.id === survivorId)!;
  const patch: Record<string, unknown> = {};
  const changes: FieldChange[] = [];
  const custom = { ...survivor.custom };
  for (const key of choosableKeys(fields, rows)) {
    const from = choices[key] ?? defaultSource(rows, survivorId, key);
    const value = valueOf(rows.find((r) => r.id === from)!, key);
    const old = valueOf(survivor, key);
    if (jsonEqual(old, value)) continue;
    changes.push({ field: key, old, new: value, from });
    if (key.startsWith('custom.')) {
      if (value === null) delete custom[key.slice(7)];
      else custom[key.slice(7)] = value;
    } else patch[key] = value;
  }
  if (!jsonEqual(custom, survivor.custom)) patch.custom = custom;
  for (const list of fields.lists) {
    const united = unitedList(rows, survivorId, list.key);
    if (jsonEqual(united, survivor[list.key])) continue;
    patch[list.key] = united;
    patch[list.primaryKey] = united.find((i) => i.primary)?.value ?? null;
    changes.push({ field: list.key, old: survivor[list.key], new: united });
  }
  const tags = unitedTags(rows, survivorId);
  if (!jsonEqual(tags, survivor.tags)) {
    patch.tags = tags;
    changes.push({ field: 'tags', old: survivor.tags, new: tags });
  }
  const before = Object.fromEntries(Object.keys(patch).map((key) => [key, survivor[key] ?? null]));
  return { patch, changes, before };
}

/**
 * Merges records of one type into the survivor, in one transaction: the chosen values, every email,
 * phone and tag, everything that points at the merged records; the merged ones go to a tombstone
 * (soft-deleted, not in the trash) that leads to the survivor. Versions are checked; a stale one is a 409.
 */
export async function createMerge(ctx: Ctx, input: CreateMergeInput) {
  requirePermission(ctx, 'records:write');
  const body = createMergeSchema.parse(input);
  const type = typeNamed(body.type);
  const ids = checkRequest(type, body);
  const { survivorId, mergedIds } = body;
  return ctx.db.transaction(async (tx) => {
    const heads = await lockForMerge(tx, ctx, type, ids, body.versions);
    const rows = await readRows(tx, ctx, type, ids);
    const { patch, changes, before } = mergedValues(type, rows, survivorId, body.fields ?? {});
    const t = type.table;
    const moved = await moveReferences(tx, ctx, type, survivorId, mergedIds);
    // Counted in SQL: moving links may have given the survivor a version already (its primary company).
    const [updated] = (await tx
      .update(t)
      .set({ ...patch, version: sql`${t.version} + 1`, updatedAt: sql`now()`, updatedBy: ctx.actorUserId } as never)
      .where(and(eq(t.workspaceId, ctx.workspaceId), eq(t.id, survivorId)))
      .returning({ version: t.version })) as { version: number }[];
    const survivorVersion = updated!.version;
    for (const id of mergedIds) {
      const head = heads.get(id)!;
      await tx
        .update(t)
        .set({ deletedAt: sql`now()`, deletedBy: ctx.actorUserId, version: head.version + 1, updatedAt: sql`now()`, updatedBy: ctx.actorUserId } as never)
        .where(and(eq(t.workspaceId, ctx.workspaceId), eq(t.id, id)));
      await recordChange(tx, ctx, {
        recordType: type.name,
        recordId: id,
        action: 'merge',
        changes: [{ field: 'mergedInto', old: null, new: survivorId }],
        ownerId: head.ownerId,
        version: head.version + 1,
      });
    }
    const [row] = await tx
      .insert(merges)
      .values({
        workspaceId: ctx.workspaceId,
        recordType: type.name,
        survivorId,
        mergedIds,
        actorUserId: ctx.actorUserId,
        undoUntil: sql`now() + make_interval(days => ${undoDays})`,
        snapshot: {
          names: Object.fromEntries(mergedIds.map((id) => [id, heads.get(id)!.name])),
          survivor: { before, after: patch },
          ...moved,
        } satisfies MergeSnapshot,
      } as never)
      .returning();
    await tx.insert(mergeTombstones).values(mergedIds.map((mergedId) => ({ workspaceId: ctx.workspaceId, recordType: type.name, mergedId, survivorId, mergeId: row!.id })));
    await recordChange(tx, ctx, {
      recordType: type.name,
      recordId: survivorId,
      action: 'merge',
      changes: [{ field: 'mergedFrom', old: null, new: mergedIds }, ...changes],
      ownerId: (patch.ownerId as string | null | undefined) ?? heads.get(survivorId)!.ownerId,
      version: survivorVersion,
    });
    const [item] = await type.load({ ...ctx, db: tx }, [survivorId]);
    return { merge: toMerge(row!), item };
  });
}

/** What the merge page shows: each record's value per field, the default choice, the united lists and what would move. */
export async function previewMerge(ctx: Ctx, query: MergePreviewQuery | { type: string; ids: string[] }): Promise<MergePreview> {
  requirePermission(ctx, 'records:write');
  const { type: typeName, ids } = mergePreviewQuerySchema.parse({ ...query, ids: Array.isArray(query.ids) ? query.ids.join(',') : query.ids });
  const type = typeNamed(typeName);
  if (new Set(ids).size !== ids.length) throw invalid([{ path: 'ids', message: 'An id is listed twice' }]);
  const visibility = await visibilityOf(ctx);
  const rows = (await readRows(ctx.db, ctx, type, ids)).filter((r) => r.deletedAt === null);
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const id of ids) {
    const row = byId.get(id);
    if (!row || !canSeeOwner(visibility, (row.ownerId as string | null) ?? null)) throw notFound(type.label);
  }
  const ordered = ids.map((id) => byId.get(id)!);
  const names = await lookUpRecords(ctx, ids.map((id) => ({ recordType: type.name, id })), { withDeleted: false });
  const fields = mergeFieldsOf(type);
  const [survivorId, ...mergedIds] = ids as [string, ...string[]];
  return {
    type: type.name,
    records: ordered.map((r) => ({ id: r.id, name: names.get(recordKey(type.name, r.id))?.name ?? '', version: r.version, updatedAt: r.updatedAt.toISOString() })),
    fields: choosableKeys(fields, ordered).map((key) => ({
      key,
      values: Object.fromEntries(ordered.map((r) => [r.id, valueOf(r, key)])),
      defaultFrom: defaultSource(ordered, survivorId, key),
    })),
    kept: [
      ...fields.lists.map((l) => ({ key: l.key, values: unitedList(ordered, survivorId, l.key).map((i) => i.value) })),
      { key: 'tags', values: unitedTags(ordered, survivorId) },
    ],
    moves: await countReferences(ctx, type, mergedIds),
  };
}

/** Recent merges of a record, as survivor or merged away, newest first (the card's banner). */
export async function listMerges(ctx: Ctx, query: { type: string; recordId: string }): Promise<Merge[]> {
  requirePermission(ctx, 'records:read');
  const type = typeNamed(query.type);
  const found = (await lookUpRecords(ctx, [{ recordType: type.name, id: query.recordId }], { withDeleted: true })).get(recordKey(type.name, query.recordId));
  if (!found || !canSeeOwner(await visibilityOf(ctx), found.ownerId)) throw notFound(type.label);
  const rows = await ctx.db
    .select()
    .from(merges)
    .where(
      and(
        eq(merges.workspaceId, ctx.workspaceId),
        eq(merges.recordType, type.name),
        or(eq(merges.survivorId, query.recordId), sql`${merges.mergedIds} @> array[${query.recordId}::uuid]`),
      ),
    )
    .orderBy(desc(merges.createdAt))
    .limit(20);
  return rows.map(toMerge);
}

/**
 * Erasure: merges involving this record lose their snapshot (the personal data undo would need), so they
 * can no longer be undone; the tombstones stay, without personal data, so the merged-away ids still lead on.
 */
export async function forgetMergesOf(db: Db, workspaceId: string, recordType: string, recordId: string): Promise<number> {
  const rows = await db
    .update(merges)
    .set({ snapshot: null })
    .where(
      and(
        eq(merges.workspaceId, workspaceId),
        eq(merges.recordType, recordType),
        or(eq(merges.survivorId, recordId), sql`${merges.mergedIds} @> array[${recordId}::uuid]`),
      ),
    )
    .returning({ id: merges.id });
  return rows.length;
}
