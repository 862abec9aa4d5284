import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { queryRows } from '../../db/client.js';
import { findRecordType } from '../records/registry.js';
import { canSeeOwner, visibilityOf, type Visibility } from '../records/visibility.js';
import { recordTypeOf } from '../trash/service.js';
import { users } from '../users/table.js';
import { namesOfChanges } from './names.js';
import { auditQuerySchema, historyQuerySchema, type AuditEntry, type AuditPage, type AuditQuery, type HistoryQuery } from './schema.js';
import { auditLog } from './table.js';

/** Names of records by type and id (deleted ones too), from each type's registered display name. */
async function recordNames(ctx: Ctx, refs: { recordType: string; recordId: string }[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const byType = new Map<string, string[]>();
  for (const ref of refs) byType.set(ref.recordType, [...(byType.get(ref.recordType) ?? []), ref.recordId]);
  for (const [typeName, recordIds] of byType) {
    const type = findRecordType(typeName);
    if (!type) continue;
    const t = type.table;
    const ids = [...new Set(recordIds)];
    const rows = await queryRows<{ id: string; name: string | null }>(
      ctx.db,
      sql`select ${t.id} as id, ${type.displayName} as name from ${t} where ${t.workspaceId} = ${ctx.workspaceId} and ${inArray(t.id, ids)}`,
    );
    for (const row of rows) names.set(`${typeName}:${row.id}`, row.name ?? '');
  }
  return names;
}

async function auditPage(ctx: Ctx, visibility: Visibility, conditions: (SQL | undefined)[], limit: number, cursor: string | undefined): Promise<AuditPage> {
  const rows = await ctx.db
    .select({ entry: auditLog, actorName: users.name })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(eq(auditLog.workspaceId, ctx.workspaceId), cursor ? lt(auditLog.id, Number(cursor)) : undefined, ...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const recordNamesNow = await recordNames(ctx, page.map((r) => r.entry));
  const items: AuditEntry[] = page.map(({ entry, actorName }) => ({
    id: entry.id,
    at: entry.at.toISOString(),
    actorUserId: entry.actorUserId,
    actorName,
    apiKeyId: entry.apiKeyId,
    channel: entry.channel,
    recordType: entry.recordType,
    recordId: entry.recordId,
    recordName: recordNamesNow.get(`${entry.recordType}:${entry.recordId}`) ?? null,
    action: entry.action,
    changes: entry.changes,
  }));
  const names = await namesOfChanges(ctx, visibility, items);
  return { items, names, nextCursor: rows.length > limit ? String(page.at(-1)!.entry.id) : null };
}

/** A record's history, newest first: anyone who may see the record (in the trash too) may read it. */
export async function listHistory(ctx: Ctx, recordType: string, id: string, query: HistoryQuery): Promise<AuditPage> {
  requirePermission(ctx, 'records:read');
  const { limit, cursor } = historyQuerySchema.parse(query);
  const type = recordTypeOf(recordType);
  const t = type.table;
  const [record] = await queryRows<{ owner_id: string | null }>(
    ctx.db,
    sql`select ${t.ownerId} as owner_id from ${t} where ${t.workspaceId} = ${ctx.workspaceId} and ${t.id} = ${id}`,
  );
  const visibility = await visibilityOf(ctx);
  if (!record || !canSeeOwner(visibility, record.owner_id)) throw notFound(recordType.charAt(0).toUpperCase() + recordType.slice(1));
  return auditPage(ctx, visibility, [eq(auditLog.recordType, type.name), eq(auditLog.recordId, id)], limit, cursor);
}

/** The workspace's audit log for owners and admins, newest first, with filters. */
export async function listAudit(ctx: Ctx, query: AuditQuery): Promise<AuditPage> {
  if (ctx.role !== 'owner' && ctx.role !== 'admin') throw new AppError('forbidden', `Your role (${ctx.role}) may not read the audit log`);
  const q = auditQuerySchema.parse(query);
  return auditPage(
    ctx,
    await visibilityOf(ctx),
    [
      q.recordType ? eq(auditLog.recordType, q.recordType) : undefined,
      q.recordId ? eq(auditLog.recordId, q.recordId) : undefined,
      q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
      q.action ? eq(auditLog.action, q.action) : undefined,
      q.channel ? eq(auditLog.channel, q.channel) : undefined,
      q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
      q.to ? lt(auditLog.at, new Date(q.to)) : undefined,
    ],
    q.limit,
    q.cursor,
  );
}
