import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { queryRows, type Db } from '../../db/client.js';
import { lookUpRecords, recordKey } from '../records/lookup.js';
import { canSeeOwner, visibilityOf, type Visibility } from '../records/visibility.js';
import { mergeTombstones } from './table.js';

/** The survivor a merged-away id leads to, following chains (A into B, B into C → C); null when it was never merged away. */
export async function findSurvivor(db: Db, workspaceId: string, recordType: string, id: string): Promise<string | null> {
  const rows = await queryRows<{ survivor_id: string }>(
    db,
    sql`with recursive chain(id, depth) as (
          select ${id}::uuid, 0
          union all
          select t.survivor_id, chain.depth + 1 from ${mergeTombstones} t join chain on t.merged_id = chain.id
          where t.workspace_id = ${workspaceId} and t.record_type = ${recordType} and chain.depth < 50)
        select id as survivor_id from chain where depth > 0 order by depth desc limit 1`,
  );
  return rows[0]?.survivor_id ?? null;
}

/** The records merged directly into `survivorId` (merged-away rows kept for undo); chains are followed by the caller. */
export async function mergedAwayInto(db: Db, workspaceId: string, recordType: string, survivorId: string): Promise<string[]> {
  const rows = await queryRows<{ merged_id: string }>(
    db,
    sql`select merged_id from ${mergeTombstones}
        where workspace_id = ${workspaceId} and record_type = ${recordType} and survivor_id = ${survivorId}`,
  );
  return rows.map((r) => r.merged_id);
}

/**
 * The live survivor a merged-away id leads to, only when the caller may see it: a pointer to a
 * record they could not open would tell them it exists. Null otherwise (then the caller's 404 stands).
 */
export async function visibleSurvivor(ctx: Ctx, recordType: string, id: string, visibility?: Visibility): Promise<string | null> {
  const survivorId = await findSurvivor(ctx.db, ctx.workspaceId, recordType, id);
  if (!survivorId) return null;
  const survivor = (await lookUpRecords(ctx, [{ recordType, id: survivorId }], { withDeleted: false })).get(recordKey(recordType, survivorId));
  return survivor && canSeeOwner(visibility ?? (await visibilityOf(ctx)), survivor.ownerId) ? survivorId : null;
}
