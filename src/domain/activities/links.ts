import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
// The record types an activity can link to register themselves on import.
import '../contacts/record.js';
import '../companies/record.js';
import { findRecordType, type RecordType } from '../records/registry.js';
import { canSeeOwner, type Visibility } from '../records/visibility.js';

export interface LiveRecord {
  name: string;
  ownerId: string | null;
}

export interface ResolvedLink extends LiveRecord {
  recordType: string;
  recordId: string;
}

/** The live (not deleted) records of one type among `ids`, by id, with their display name and owner. */
export async function findLiveRecords(ctx: Ctx, type: RecordType, ids: string[]): Promise<Map<string, LiveRecord>> {
  if (ids.length === 0) return new Map();
  const t = type.table;
  const rows = (await ctx.db
    .select({ id: t.id, name: type.displayName, ownerId: t.ownerId })
    .from(t)
    .where(and(eq(t.workspaceId, ctx.workspaceId), inArray(t.id, ids), isNull(t.deletedAt)))) as {
    id: string;
    name: string | null;
    ownerId: string | null;
  }[];
  return new Map(rows.map((r) => [r.id, { name: r.name ?? '', ownerId: r.ownerId }]));
}

/** Links grouped by record type, each type's ids once. */
export function groupByType(links: readonly { recordType: string; recordId: string }[]): Map<string, string[]> {
  const byType = new Map<string, Set<string>>();
  for (const { recordType, recordId } of links) {
    const ids = byType.get(recordType) ?? new Set<string>();
    ids.add(recordId);
    byType.set(recordType, ids);
  }
  return new Map([...byType].map(([type, ids]) => [type, [...ids]]));
}

/**
 * Checks the links a client sent: each names a registered record type and a record of this workspace
 * that is not deleted and that the caller may see; anything else is a 400 naming links.<i> (the same
 * answer for a record that does not exist and one the caller may not see, so ids leak nothing).
 */
export async function resolveLinks(
  ctx: Ctx,
  visibility: Visibility,
  links: readonly { recordType: string; recordId: string }[],
): Promise<ResolvedLink[]> {
  const errors: FieldError[] = [];
  links.forEach((link, i) => {
    if (!findRecordType(link.recordType)) errors.push({ path: `links.${i}.recordType`, message: 'Unknown record type' });
  });
  if (errors.length) throw invalidLinks(errors);
  const found = new Map<string, Map<string, LiveRecord>>();
  for (const [typeName, ids] of groupByType(links)) {
    found.set(typeName, await findLiveRecords(ctx, findRecordType(typeName)!, ids));
  }
  const resolved: ResolvedLink[] = [];
  const seen = new Set<string>();
  links.forEach((link, i) => {
    const record = found.get(link.recordType)?.get(link.recordId);
    if (!record || !canSeeOwner(visibility, record.ownerId)) {
      errors.push({ path: `links.${i}.recordId`, message: `No such ${link.recordType} in this workspace` });
      return;
    }
    const key = `${link.recordType}:${link.recordId}`;
    if (seen.has(key)) return;
    seen.add(key);
    resolved.push({ ...link, ...record });
  });
  if (errors.length) throw invalidLinks(errors);
  return resolved;
}

const invalidLinks = (fields: FieldError[]) => new AppError('validation_failed', 'Request is not valid', { fields });
