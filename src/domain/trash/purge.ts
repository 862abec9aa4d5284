import { and, eq, lt, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { recordTypes } from '../records/registry.js';
import { workspaces } from '../workspaces/table.js';
import { mergeTombstones, merges } from '../merge/table.js';
import type { PurgeResult } from './schema.js';
import { purgeRecord } from './service.js';

export interface PurgeExpiredOptions {
  /** One workspace by slug; every workspace when absent. */
  workspace?: string;
  /** Count what would go, delete nothing. */
  dryRun?: boolean;
}

/**
 * Purges what has been in the trash longer than each workspace's trash_retention_days, one record per
 * transaction (each audited as a purge through the CLI), so a long run holds no long locks.
 */
export async function purgeExpired(db: Db, options: PurgeExpiredOptions = {}): Promise<PurgeResult[]> {
  const chosen = await db
    .select({ id: workspaces.id, slug: workspaces.slug, days: workspaces.trashRetentionDays })
    .from(workspaces)
    .where(options.workspace ? eq(workspaces.slug, options.workspace) : undefined);
  if (options.workspace && chosen.length === 0) throw notFound(`Workspace ${options.workspace}`);
  const results: PurgeResult[] = [];
  for (const workspace of chosen) {
    const ctx: Ctx = { db, workspaceId: workspace.id, role: 'owner', user: null, apiKeyId: null, actorUserId: null, channel: 'cli' };
    for (const type of recordTypes()) {
      const t = type.table;
      const expired = await db
        .select({ id: t.id })
        .from(t)
        .where(
          and(
            eq(t.workspaceId, workspace.id),
            lt(t.deletedAt, sql`now() - make_interval(days => ${workspace.days}::int)`),
            // A merged-away record stays while its merge can be undone.
            sql`not exists (select 1 from ${mergeTombstones} mt join ${merges} m on m.workspace_id = mt.workspace_id and m.id = mt.merge_id
                            where mt.workspace_id = ${workspace.id} and mt.record_type = ${type.name} and mt.merged_id = ${t.id}
                              and m.undone_at is null and m.undo_until > now())`,
          ),
        );
      if (!options.dryRun) {
        for (const { id } of expired) await purgeRecord(ctx, type.name, id as string);
      }
      results.push({ workspace: workspace.slug, recordType: type.name, purged: expired.length });
    }
  }
  return results;
}
