import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { queryRows } from '../../db/client.js';
// The record types an activity can link to register themselves on import.
import '../contacts/record.js';
import '../companies/record.js';
import { findRecordType } from '../records/registry.js';
import { canSeeOwner, type Visibility } from '../records/visibility.js';

export interface LiveRecord {
  name: string;
  ownerId: string | null;
}

export interface ResolvedLink extends LiveRecord {
  recordType: string;
  recordId: string;
}

/**
 * The live (not deleted) records among `links`, by type then id, with their display name and owner:
 * one query whatever the number of types (a UNION ALL of one indexed lookup per registered type named).
 */
export async function findLiveRecords(
  ctx: Ctx,
  links: readonly { recordType: string; recordId: string }[],
): Promise<Map<string, Map<string, LiveRecord>>> {
  const lookups = [...groupByType(links)].flatMap(([typeName, ids]) => {
    const type = findRecordType(typeName);
    if (!type) return [];
    const t = type.table;
    return [
      sql`select ${typeName} as record_type, ${t.id} as id, (${type.displayName})::text as name, ${t.ownerId} as owner_id
          from ${t} where ${t.workspaceId} = ${ctx.workspaceId} and ${t.deletedAt} is null
          and ${t.id} in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`,
    ];
  });
  const found = new Map<string, Map<string, LiveRecord>>();
  if (lookups.length === 0) return found;
  const rows = await queryRows<{ record_type: string; id: string; name: string | null; owner_id: string | null }>(
    ctx.db,
    sql.join(lookups, sql` union all `),
  );
  for (const row of rows) {
    const ofType = found.get(row.record_type) ?? new Map<string, LiveRecord>();
    ofType.set(row.id, { name: row.name ?? '', ownerId: row.owner_id });
    found.set(row.record_type, ofType);
  }
  return found;
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
  const found = await findLiveRecords(ctx, links);
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
