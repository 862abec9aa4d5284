import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { queryRows, type Db } from '../../db/client.js';
import { activities, activityLinks } from '../activities/table.js';
import { contacts } from '../contacts/table.js';
import { recordChange } from '../records/changes.js';
import { findRecordType, recordTypes, type RecordType } from '../records/registry.js';
import { visibilityOf, visibleCondition } from '../records/visibility.js';
import { checkVersion, lockHeads, visibleHead, type RecordHead } from '../records/write.js';
import { users } from '../users/table.js';
import '../contacts/record.js';
import '../companies/record.js';
import { decodeTrashCursor, encodeTrashCursor } from './cursor.js';
import { clearRelationsTo } from './relations.js';
import { mergeTombstones } from '../merge/table.js';
import { findSurvivor } from '../merge/tombstones.js';
import { listTrashQuerySchema, type ListTrashQuery, type TrashPage } from './schema.js';

/** A registered record type by name, or a 404 (an unknown type in a URL is a missing page). */
export function recordTypeOf(name: string): RecordType {
  const type = findRecordType(name);
  if (!type) throw notFound(`Record type ${name}`);
  return type;
}

const whatOf = (type: RecordType) => type.name.charAt(0).toUpperCase() + type.name.slice(1);
/** A column as the target of SET (unqualified). */
const col = (column: PgColumn) => sql.identifier(column.name);

/** Soft delete of any record type: into the trash with who and when; links and activities stay. */
export async function deleteRecord(ctx: Ctx, typeName: string, id: string, options: { version?: number } = {}) {
  requirePermission(ctx, 'records:write');
  const type = recordTypeOf(typeName);
  const visibility = await visibilityOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const head = visibleHead(await lockHeads(tx, ctx, type, [id], { deleted: false }), id, visibility, whatOf(type));
    await checkVersion(tx, head, options.version, whatOf(type));
    await markDeleted(tx, ctx, type, head);
  });
}

/** Moves one locked, live record into the trash and audits it (single deletes and bulk deletes alike). */
export async function markDeleted(tx: Db, ctx: Ctx, type: RecordType, head: Pick<RecordHead, 'id' | 'ownerId' | 'version'>) {
  const t = type.table;
  await tx.execute(
    sql`update ${t} set ${col(t.deletedAt)} = now(), ${col(t.deletedBy)} = ${ctx.actorUserId}, ${col(t.version)} = ${col(t.version)} + 1,
          ${col(t.updatedAt)} = now(), ${col(t.updatedBy)} = ${ctx.actorUserId}
        where ${t.workspaceId} = ${ctx.workspaceId} and ${t.id} = ${head.id}`,
  );
  await recordChange(tx, ctx, { recordType: type.name, recordId: head.id, action: 'delete', ownerId: head.ownerId, version: head.version + 1 });
}

/** Restore from the trash: the record comes back with its links and activities, which soft delete never removed. */
export async function restoreRecord(ctx: Ctx, typeName: string, id: string): Promise<{ recordType: string; id: string; version: number }> {
  requirePermission(ctx, 'records:write');
  const type = recordTypeOf(typeName);
  const t = type.table;
  const visibility = await visibilityOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const head = visibleHead(await lockHeads(tx, ctx, type, [id], { deleted: true }), id, visibility, whatOf(type));
    const survivorId = await findSurvivor(tx, ctx.workspaceId, type.name, id);
    if (survivorId) throw new AppError('conflict', `This ${type.name} was merged into another; undo the merge instead`, { mergedInto: survivorId });
    await tx.execute(
      sql`update ${t} set ${col(t.deletedAt)} = null, ${col(t.deletedBy)} = null, ${col(t.version)} = ${col(t.version)} + 1,
            ${col(t.updatedAt)} = now(), ${col(t.updatedBy)} = ${ctx.actorUserId}
          where ${t.workspaceId} = ${ctx.workspaceId} and ${t.id} = ${id}`,
    );
    const version = head.version + 1;
    await recordChange(tx, ctx, { recordType: type.name, recordId: id, action: 'restore', ownerId: head.ownerId, version });
    return { recordType: type.name, id, version };
  });
}

/** Merged-away records are soft-deleted behind a tombstone: not ordinary trash (undo the merge instead). */
const notMergedAway = (ctx: Ctx, type: RecordType) =>
  sql`not exists (select 1 from ${mergeTombstones} mt where mt.workspace_id = ${ctx.workspaceId} and mt.record_type = ${type.name} and mt.merged_id = ${type.table.id})`;

/** Deleted records of every registered type (or one), newest deletion first, as the caller may see them. */
export async function listTrash(ctx: Ctx, query: ListTrashQuery): Promise<TrashPage> {
  requirePermission(ctx, 'records:read');
  const { recordType, limit, cursor } = listTrashQuerySchema.parse(query);
  const types = recordType ? [recordTypeOf(recordType)] : recordTypes();
  const visibility = await visibilityOf(ctx);
  const after = cursor ? decodeTrashCursor(cursor) : undefined;
  const parts: SQL[] = types.map((type) => {
    const t = type.table;
    const conditions = [
      sql`${t.workspaceId} = ${ctx.workspaceId}`,
      sql`${t.deletedAt} is not null`,
      visibleCondition(visibility, t.ownerId),
      notMergedAway(ctx, type),
      after && sql`(${t.deletedAt}, ${t.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`,
    ].filter((c): c is SQL => c !== undefined);
    return sql`(select ${type.name}::text as record_type, ${t.id} as id, ${type.displayName} as name, ${t.deletedAt} as deleted_at,
                  ${t.deletedAt}::text as deleted_at_text, ${t.deletedBy} as deleted_by, ${users.name} as deleted_by_name
                from ${t} left join ${users} on ${users.id} = ${t.deletedBy}
                where ${sql.join(conditions, sql` and `)}
                order by ${t.deletedAt} desc, ${t.id} desc limit ${limit + 1})`;
  });
  const rows = await queryRows<{ record_type: string; id: string; name: string | null; deleted_at: string | Date; deleted_at_text: string; deleted_by: string | null; deleted_by_name: string | null }>(
    ctx.db,
    sql`select * from (${sql.join(parts, sql` union all `)}) trash order by deleted_at desc, id desc limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      recordType: r.record_type,
      id: r.id,
      name: r.name ?? '',
      deletedAt: new Date(r.deleted_at).toISOString(),
      deletedBy: r.deleted_by,
      deletedByName: r.deleted_by_name,
    })),
    nextCursor: rows.length > limit && last ? encodeTrashCursor(last.deleted_at_text, last.id) : null,
  };
}

/**
 * Purge: the record is gone for good. Its links cascade; activities linked to it alone go with it
 * (a meeting with two people stays on the other's card); relation values pointing at it are cleared;
 * the audit keeps the 'purge' entry.
 */
export async function purgeRecord(ctx: Ctx, typeName: string, id: string): Promise<void> {
  if (ctx.role !== 'owner' && ctx.role !== 'admin') throw new AppError('forbidden', `Your role (${ctx.role}) may not purge records`);
  const type = recordTypeOf(typeName);
  const t = type.table;
  await ctx.db.transaction(async (tx) => {
    const head = (await lockHeads(tx, ctx, type, [id], { deleted: true })).get(id);
    if (!head) throw notFound(`${whatOf(type)} in the trash`);
    const linked = and(eq(activityLinks.workspaceId, ctx.workspaceId), eq(activityLinks.recordType, type.name), eq(activityLinks.recordId, id));
    const activityIds = (await tx.delete(activityLinks).where(linked).returning({ id: activityLinks.activityId })).map((r) => r.id);
    if (activityIds.length > 0) {
      await tx.execute(
        sql`delete from ${activities} where ${activities.workspaceId} = ${ctx.workspaceId}
              and ${activities.id} in (${sql.join(activityIds.map((a) => sql`${a}::uuid`), sql`, `)})
              and not exists (select 1 from ${activityLinks} where ${activityLinks.workspaceId} = ${activities.workspaceId} and ${activityLinks.activityId} = ${activities.id})`,
      );
    }
    if (type.name === 'company') await detachPrimaryCompany(ctx, tx, id);
    await clearRelationsTo(tx, ctx, { recordType: type.name, id });
    await tx.execute(sql`delete from ${t} where ${t.workspaceId} = ${ctx.workspaceId} and ${t.id} = ${id}`);
    await recordChange(tx, ctx, {
      recordType: type.name,
      recordId: id,
      action: 'purge',
      changes: [{ field: 'name', old: head.name, new: null }],
      ownerId: head.ownerId,
      timeline: false,
    });
  });
}

/** Contacts whose primary company is purged lose it (the link row cascades), audited as an unlink. */
async function detachPrimaryCompany(ctx: Ctx, tx: Db, companyId: string) {
  const changed = await tx
    .update(contacts)
    .set({ companyId: null, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.companyId, companyId)))
    .returning({ id: contacts.id, ownerId: contacts.ownerId, version: contacts.version });
  for (const contact of changed) {
    await recordChange(tx, ctx, {
      recordType: 'contact',
      recordId: contact.id,
      action: 'unlink',
      changes: [{ field: 'companyId', old: companyId, new: null }],
      ownerId: contact.ownerId,
      version: contact.version,
    });
  }
}
