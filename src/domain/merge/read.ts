import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import type { RecordType } from '../records/registry.js';
import type { Row } from './fields.js';
import type { Merge } from './schema.js';
import type { merges } from './table.js';

/** How long a merge can be undone. */
export const undoDays = 30;

export const jsonEqual = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Rows of one type by id (live or not), as drizzle reads them. */
export async function readRows(tx: Db, ctx: Ctx, type: RecordType, ids: string[]): Promise<Row[]> {
  const t = type.table;
  return (await tx.select().from(t).where(and(eq(t.workspaceId, ctx.workspaceId), inArray(t.id, ids)))) as unknown as Row[];
}

/** A merge row as the API answers it. */
export const toMerge = (row: typeof merges.$inferSelect): Merge => ({
  id: row.id,
  type: row.recordType,
  survivorId: row.survivorId,
  mergedIds: row.mergedIds,
  mergedNames: row.mergedIds.map((id) => row.snapshot?.names[id] ?? ''),
  createdAt: row.createdAt.toISOString(),
  undoUntil: row.undoUntil.toISOString(),
  undoneAt: row.undoneAt?.toISOString() ?? null,
  undoable: !row.undoneAt && !!row.snapshot && row.undoUntil.getTime() > Date.now(),
});
