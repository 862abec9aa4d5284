import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { queryRows } from '../../db/client.js';
import { findRecordType } from './registry.js';

export interface FoundRecord {
  name: string;
  ownerId: string | null;
  deleted: boolean;
}

/** The key `lookUpRecords` answers by. */
export const recordKey = (recordType: string, id: string) => `${recordType}:${id}`;

/**
 * The records of the caller's workspace that `refs` name, of any registered types, with their display
 * name, owner and whether they are in the trash: one query whatever the number of types (a UNION ALL
 * of one indexed lookup per type). Trashed ones only `withDeleted`; unknown types and ids are left out.
 */
export async function lookUpRecords(
  ctx: Ctx,
  refs: readonly { recordType: string; id: string }[],
  { withDeleted }: { withDeleted: boolean },
): Promise<Map<string, FoundRecord>> {
  const idsByType = new Map<string, Set<string>>();
  for (const { recordType, id } of refs) idsByType.set(recordType, (idsByType.get(recordType) ?? new Set()).add(id));
  const lookups = [...idsByType].flatMap(([typeName, ids]) => {
    const type = findRecordType(typeName);
    if (!type) return [];
    const t = type.table;
    return [
      sql`select ${typeName} as record_type, ${t.id} as id, (${type.displayName})::text as name, ${t.ownerId} as owner_id,
            ${t.deletedAt} is not null as deleted
          from ${t} where ${t.workspaceId} = ${ctx.workspaceId} ${withDeleted ? sql`` : sql`and ${t.deletedAt} is null`}
          and ${t.id} in (${sql.join([...ids].map((id) => sql`${id}::uuid`), sql`, `)})`,
    ];
  });
  if (lookups.length === 0) return new Map();
  const rows = await queryRows<{ record_type: string; id: string; name: string | null; owner_id: string | null; deleted: boolean }>(
    ctx.db,
    sql.join(lookups, sql` union all `),
  );
  return new Map(rows.map((r) => [recordKey(r.record_type, r.id), { name: r.name ?? '', ownerId: r.owner_id, deleted: r.deleted }]));
}
