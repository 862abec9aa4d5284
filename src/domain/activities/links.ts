import type { Ctx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
// The record types an activity can link to register themselves on import.
import '../contacts/record.js';
import '../companies/record.js';
import { recordKey, lookUpRecords } from '../records/lookup.js';
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

/** The live (not deleted) records among `links`, by type then id, with their display name and owner (one query). */
export async function findLiveRecords(
  ctx: Ctx,
  links: readonly { recordType: string; recordId: string }[],
): Promise<Map<string, Map<string, LiveRecord>>> {
  const found = await lookUpRecords(ctx, links.map((l) => ({ recordType: l.recordType, id: l.recordId })), { withDeleted: false });
  const byType = new Map<string, Map<string, LiveRecord>>();
  for (const { recordType, recordId } of links) {
    const record = found.get(recordKey(recordType, recordId));
    if (record) byType.set(recordType, (byType.get(recordType) ?? new Map<string, LiveRecord>()).set(recordId, { name: record.name, ownerId: record.ownerId }));
  }
  return byType;
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
