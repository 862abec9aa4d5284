import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
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
