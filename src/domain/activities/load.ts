import { and, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { FieldChange } from '../audit/table.js';
import { findRecordType } from '../records/registry.js';
import { canSeeOwner, type Visibility } from '../records/visibility.js';
import { users } from '../users/table.js';
import { findLiveRecords, groupByType, type LiveRecord } from './links.js';
import type { Activity } from './schema.js';
import { activities, activityLinks } from './table.js';

type Row = typeof activities.$inferSelect & { createdByName: string | null };

function toActivity(row: Row, links: Activity['links']): Activity {
  const event = row.event as { action?: string; changes?: FieldChange[] } | null;
  return {
    id: row.id,
    kind: row.kind as Activity['kind'],
    occurredAt: row.occurredAt.toISOString(),
    subject: row.subject,
    body: row.body,
    direction: row.direction as Activity['direction'],
    durationSeconds: row.durationSeconds,
    outcome: row.outcome,
    recordingUrl: row.recordingUrl,
    location: row.location,
    endsAt: row.endsAt?.toISOString() ?? null,
    event: row.kind === 'system' && event ? { action: event.action ?? '', changes: event.changes ?? [] } : null,
    links,
    createdBy: row.createdBy,
    createdByName: row.createdByName,
    version: row.version,
  };
}

/**
 * Activities by id, in the order given, each with the links the caller may see (live records, with
 * their names) and its author's name. Deleted activities are left out. Three queries plus one per
 * linked record type, whatever the page size.
 */
export async function loadActivities(ctx: Ctx, visibility: Visibility, ids: string[]): Promise<Activity[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({ ...getTableColumns(activities), createdByName: users.name })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.createdBy))
    .where(and(eq(activities.workspaceId, ctx.workspaceId), inArray(activities.id, ids)));
  const links = await ctx.db
    .select({ activityId: activityLinks.activityId, recordType: activityLinks.recordType, recordId: activityLinks.recordId })
    .from(activityLinks)
    .where(and(eq(activityLinks.workspaceId, ctx.workspaceId), inArray(activityLinks.activityId, ids)));
  const records = new Map<string, Map<string, LiveRecord>>();
  for (const [typeName, recordIds] of groupByType(links)) {
    const type = findRecordType(typeName);
    if (type) records.set(typeName, await findLiveRecords(ctx, type, recordIds));
  }
  const linksOf = new Map<string, Activity['links']>();
  for (const link of links) {
    const record = records.get(link.recordType)?.get(link.recordId);
    if (!record || !canSeeOwner(visibility, record.ownerId)) continue;
    const list = linksOf.get(link.activityId) ?? [];
    list.push({ recordType: link.recordType, recordId: link.recordId, name: record.name });
    linksOf.set(link.activityId, list);
  }
  const byId = new Map(rows.filter((r) => r.deletedAt === null).map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const sorted = (linksOf.get(id) ?? []).sort((a, b) => a.recordType.localeCompare(b.recordType) || a.name.localeCompare(b.name));
    return [toActivity(row, sorted)];
  });
}
