import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { canSeeOwner, visibilityOf } from '../records/visibility.js';
import { duplicateTypeOf } from './check.js';
import { notDuplicateSchema, type NotDuplicateInput } from './schema.js';
import { duplicateDismissals } from './table.js';

/**
 * Remembers that these records are not one another's duplicates (every pair among them): later checks
 * and scans skip those pairs. Each id must be a live record the caller sees (else 404).
 */
export async function markNotDuplicates(ctx: Ctx, input: NotDuplicateInput): Promise<{ pairs: number }> {
  requirePermission(ctx, 'records:write');
  const { type: name, ids: given } = notDuplicateSchema.parse(input);
  const type = duplicateTypeOf(name);
  const ids = [...new Set(given)].sort();
  const t = type.table;
  const [rows, visibility] = await Promise.all([
    ctx.db
      .select({ id: t.id, ownerId: t.ownerId })
      .from(t)
      .where(and(eq(t.workspaceId, ctx.workspaceId), isNull(t.deletedAt), inArray(t.id, ids))),
    visibilityOf(ctx),
  ]);
  const found = new Map(rows.map((r) => [r.id as string, r.ownerId as string | null]));
  if (ids.some((id) => !found.has(id) || !canSeeOwner(visibility, found.get(id)!))) throw notFound(type.label);
  const pairs = ids.flatMap((a, i) => ids.slice(i + 1).map((b) => ({ workspaceId: ctx.workspaceId, recordType: name, aId: a, bId: b, createdBy: ctx.actorUserId })));
  if (pairs.length > 0) await ctx.db.insert(duplicateDismissals).values(pairs).onConflictDoNothing();
  return { pairs: pairs.length };
}
