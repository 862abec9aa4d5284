import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { guardDuplicates } from '../duplicates/check.js';
import { diffFields, recordChange } from './changes.js';
import type { RecordItem, RecordType } from './registry.js';
import { customChanges } from './write.js';

/** What the engine writes of any record's row. */
export interface SavedRow {
  id: string;
  ownerId: string | null;
  version: number;
  custom: Record<string, unknown>;
}

/** A record type's write side: its declaration and the fields its audit compares, in API form. */
export interface RecordWriter<Row extends SavedRow, Item extends RecordItem> {
  type: RecordType<Item>;
  audited: (row: Row) => Record<string, unknown>;
}

/** The record's JSON as every read answers it, read inside the writer's transaction. */
async function reload<Item extends RecordItem>(tx: Db, ctx: Ctx, type: RecordType<Item>, id: string): Promise<Item> {
  const [item] = await type.load({ ...ctx, db: tx }, [id]);
  if (!item) throw notFound(type.label);
  return item;
}

/** Locks a live record's row for the rest of the transaction (a second writer waits, then sees the new version). */
export async function lockRecord<Row extends SavedRow>(tx: Db, ctx: Ctx, type: RecordType, id: string): Promise<Row | undefined> {
  const t = type.table;
  const [row] = await tx.select().from(t).where(and(eq(t.workspaceId, ctx.workspaceId), isNull(t.deletedAt), eq(t.id, id))).for('update');
  return row as Row | undefined;
}

/**
 * Inserts a record with its audit entry (every field given), timeline event and outbox event, in the
 * caller's transaction; `afterInsert` writes what hangs off the row (a contact's company links) first.
 * With ctx.duplicates = 'check' a likely duplicate is refused (409) and the transaction rolls back.
 */
export async function insertRecord<Row extends SavedRow, Item extends RecordItem>(
  tx: Db,
  ctx: Ctx,
  writer: RecordWriter<Row, Item>,
  values: Record<string, unknown>,
  afterInsert?: (row: Row) => Promise<void>,
): Promise<Item> {
  const { type } = writer;
  const [row] = (await tx.insert(type.table).values(values).returning()) as unknown as Row[];
  await afterInsert?.(row!);
  const given = diffFields({}, writer.audited(row!)).filter((c) => c.new !== null && !(Array.isArray(c.new) && c.new.length === 0));
  const changes = [...given, ...customChanges({}, row!.custom)];
  await recordChange(tx, ctx, { recordType: type.name, recordId: row!.id, action: 'create', changes, ownerId: row!.ownerId, version: row!.version });
  const item = await reload(tx, ctx, type, row!.id);
  await guardDuplicates(tx, ctx, type, item);
  return item;
}

/**
 * Writes a patch to a locked record with its audit entry and events; a patch that changes nothing
 * leaves the version alone. Updates and bulk actions share it, so each changed record is audited alike.
 */
export async function applyRecordPatch<Row extends SavedRow, Item extends RecordItem>(
  tx: Db,
  ctx: Ctx,
  writer: RecordWriter<Row, Item>,
  before: Row,
  patch: Partial<Row>,
): Promise<Item> {
  const { type } = writer;
  const after = { ...before, ...patch };
  const changes = [...diffFields(writer.audited(before), writer.audited(after)), ...customChanges(before.custom, after.custom)];
  if (changes.length === 0) return reload(tx, ctx, type, before.id);
  const version = before.version + 1;
  const t = type.table;
  await tx
    .update(t)
    .set({ ...patch, version, updatedAt: sql`now()`, updatedBy: ctx.actorUserId } as never)
    .where(and(eq(t.workspaceId, ctx.workspaceId), eq(t.id, before.id)));
  await recordChange(tx, ctx, { recordType: type.name, recordId: before.id, action: 'update', changes, ownerId: after.ownerId, version });
  const item = await reload(tx, ctx, type, before.id);
  await guardDuplicates(tx, ctx, type, item, before as unknown as Record<string, unknown>);
  return item;
}
