import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { queryRows, type Db } from '../../db/client.js';
import { customFields } from '../custom-fields/table.js';
import { recordChange } from '../records/changes.js';
import { findRecordType } from '../records/registry.js';

const col = (name: string) => sql.identifier(name);

/**
 * Clears every relation custom value of the workspace that points at a record being purged (live and
 * trashed records alike, so a restore brings back no dangling id), each as an audited update of the
 * referring record with a new version, in the purge's transaction.
 */
export async function clearRelationsTo(tx: Db, ctx: Ctx, target: { recordType: string; id: string }) {
  const fields = await tx
    .select({ recordType: customFields.recordType, key: customFields.key })
    .from(customFields)
    .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.type, 'relation')));
  for (const field of fields) {
    const type = findRecordType(field.recordType);
    if (!type) continue;
    const t = type.table;
    // Containment, so the jsonb_path_ops index on `custom` finds the referring records.
    const pointsAtTarget = sql`${t.custom} @> jsonb_build_object(${field.key}::text, jsonb_build_object('recordType', ${target.recordType}::text, 'id', ${target.id}::text))`;
    const changed = await queryRows<{ id: string; owner_id: string | null; version: number; old: unknown }>(
      tx,
      sql`update ${t} set ${col(t.custom.name)} = ${col(t.custom.name)} - ${field.key}::text, ${col(t.version.name)} = ${col(t.version.name)} + 1,
            ${col(t.updatedAt.name)} = now(), ${col(t.updatedBy.name)} = ${ctx.actorUserId}
          from (select ${t.id} as ref_id, ${t.custom} -> ${field.key}::text as old from ${t}
                where ${t.workspaceId} = ${ctx.workspaceId} and ${pointsAtTarget}) refs
          where ${t.workspaceId} = ${ctx.workspaceId} and ${t.id} = refs.ref_id
          returning ${t.id} as id, ${t.ownerId} as owner_id, ${t.version} as version, refs.old as old`,
    );
    for (const row of changed) {
      await recordChange(tx, ctx, {
        recordType: type.name,
        recordId: row.id,
        action: 'update',
        changes: [{ field: `custom.${field.key}`, old: row.old, new: null }],
        ownerId: row.owner_id,
        version: row.version,
      });
    }
  }
}
