import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import { getRecord } from '../records/list.js';
import { findRecordType, type RecordItem, type RecordType } from '../records/registry.js';
import { visibilityOf } from '../records/visibility.js';
import { findCandidates } from './candidates.js';
import { matchSettingsOf } from './rules.js';
import { checkDuplicatesSchema, type Candidate, type CheckDuplicatesInput, type DuplicateType } from './schema.js';

/** The registered type `name` names, when it declares duplicate matching; any other name is a 400, as the routes' enum answers. */
export function duplicateTypeOf(name: DuplicateType): RecordType {
  const type = findRecordType(name);
  if (!type?.duplicates) throw new AppError('validation_failed', 'Request is not valid', { fields: [{ path: 'type', message: `Not a record type duplicates are matched for: ${name}` }] });
  return type;
}

/**
 * The likely duplicates of a record about to be saved (POST /api/duplicates/check): `record` is the
 * create body, or with `id` the patch body over the record as it is. Warn and block levels both.
 */
export async function checkDuplicates(ctx: Ctx, input: CheckDuplicatesInput): Promise<{ candidates: Candidate[] }> {
  // A step of saving, so it is the writers' (a viewer has nothing to check).
  requirePermission(ctx, 'records:write');
  const { type: name, record, id } = checkDuplicatesSchema.parse(input);
  const type = duplicateTypeOf(name);
  const current = id ? ((await getRecord(ctx, type, id)) as RecordItem & Record<string, unknown>) : {};
  const fields = type.duplicates!.fields({ ...current, ...record });
  const [settings, visibility] = await Promise.all([matchSettingsOf(ctx, name), visibilityOf(ctx)]);
  return { candidates: await findCandidates(ctx.db, ctx, type, fields, { excludeId: id, settings, visibility }) };
}

const sameFields = (type: RecordType, a: Record<string, unknown>, b: Record<string, unknown>) =>
  JSON.stringify(type.duplicates!.fields(a)) === JSON.stringify(type.duplicates!.fields(b));

/**
 * The write path's check (records/save.ts), in the writer's transaction after the write: when the
 * caller asked for it (ctx.duplicates = 'check') and a candidate scores at least blockAt, the write is
 * refused with 409 possible_duplicate listing the candidates. An edit is checked only when it changed
 * what the matcher reads, so retagging a known duplicate is never refused.
 */
export async function guardDuplicates(tx: Db, ctx: Ctx, type: RecordType, item: RecordItem, before?: Record<string, unknown>): Promise<void> {
  if (ctx.duplicates !== 'check' || !type.duplicates) return;
  const after = item as RecordItem & Record<string, unknown>;
  if (before && sameFields(type, before, after)) return;
  const txCtx = { ...ctx, db: tx };
  const [settings, visibility] = await Promise.all([matchSettingsOf(txCtx, type.name as DuplicateType), visibilityOf(txCtx)]);
  const candidates = await findCandidates(tx, ctx, type, type.duplicates.fields(after), { excludeId: item.id, settings, visibility });
  if (candidates.some((c) => c.level === 'block')) {
    throw new AppError('possible_duplicate', `This ${type.label.toLowerCase()} looks like one that exists; save anyway with duplicates=allow`, { candidates });
  }
}
