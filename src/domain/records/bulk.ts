import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import type { BulkResult } from './input.js';
import type { RecordType } from './registry.js';
import { canSeeOwner, visibilityOf } from './visibility.js';
import { requireMember } from './write.js';

export interface BulkRow {
  id: string;
  ownerId: string | null;
  version: number;
}

/** How one record type takes part in bulk actions: lock its rows, and write one row's patch (audited). */
export interface BulkTarget<Row extends BulkRow, Patch> {
  type: RecordType;
  lock(tx: Db, ids: string[]): PromiseLike<Row[]>;
  /** The patch of an action for one row; null when the action would change nothing. */
  patchOf(row: Row, action: string, value: string | null | undefined): Patch | null;
  /** Writes the patch with its audit entry and events; returns the new version. */
  apply(tx: Db, row: Row, patch: Patch): Promise<number>;
  markDeleted(tx: Db, row: Row): Promise<void>;
}

/**
 * One bulk action in one transaction: records that are missing, deleted or not visible to the caller
 * are skipped with a reason and never touched; each changed record gets its own audit entry and event.
 */
export async function runBulk<Row extends BulkRow, Patch>(
  ctx: Ctx,
  target: BulkTarget<Row, Patch>,
  input: { ids: string[]; action: string; value?: string | null },
): Promise<BulkResult> {
  requirePermission(ctx, 'records:write');
  const visibility = await visibilityOf(ctx);
  return ctx.db.transaction(async (tx) => {
    if (input.action === 'set_owner') await requireMember(tx, ctx, input.value, 'value');
    const rows = new Map((await target.lock(tx, input.ids)).map((row) => [row.id, row]));
    const result: BulkResult = { updated: 0, skipped: [] };
    for (const id of input.ids) {
      const row = rows.get(id);
      if (!row || !canSeeOwner(visibility, row.ownerId)) {
        result.skipped.push({ id, reason: 'not_found' });
        continue;
      }
      if (input.action === 'delete') {
        await target.markDeleted(tx, row);
        result.updated++;
        continue;
      }
      const patch = target.patchOf(row, input.action, input.value);
      const version = patch === null ? row.version : await target.apply(tx, row, patch);
      if (version === row.version) result.skipped.push({ id, reason: 'unchanged' });
      else result.updated++;
    }
    return result;
  });
}
