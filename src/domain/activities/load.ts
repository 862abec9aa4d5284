import { and, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { preparedPerHandle } from '../../db/prepared.js';
import type { FieldChange } from '../audit/table.js';
import { canSeeOwner, type Visibility } from '../records/visibility.js';
import { users } from '../users/table.js';
import { findLiveRecords } from './links.js';
import type { Activity } from './schema.js';
import { activities, activityLinks } from './table.js';

type Row = typeof activities.$inferSelect & { createdByName: string | null };
type Link = { recordType: string; recordId: string };

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

const l = activityLinks;
const loadPrepared = preparedPerHandle('kesher_load_activities', (db) =>
  db
    .select({
      ...getTableColumns(activities),
      createdByName: users.name,
      links: sql<Link[]>`(select coalesce(json_agg(json_build_object('recordType', ${l.recordType}, 'recordId', ${l.recordId})), '[]')
        from ${l} where ${l.workspaceId} = ${activities.workspaceId} and ${l.activityId} = ${activities.id})`,
    })
    .from(activities)
    .leftJoin(users, eq(users.id, activities.createdBy))
    .where(and(eq(activities.workspaceId, sql.placeholder('workspaceId')), sql`${activities.id} = any(${sql.placeholder('ids')}::uuid[])`)),
);

/**
 * Activities by id, in the order given, each with the links the caller may see (live records, with
 * their names) and its author's name. Deleted activities are left out. Two queries whatever the page
 * size: the activities with their links, then the linked records.
 */
export async function loadActivities(ctx: Ctx, visibility: Visibility, ids: string[]): Promise<Activity[]> {
  if (ids.length === 0) return [];
  const rows = await loadPrepared(ctx.db).execute({ workspaceId: ctx.workspaceId, ids });
  const live = rows.filter((r) => r.deletedAt === null);
  const records = await findLiveRecords(ctx, live.flatMap((r) => r.links));
  const byId = new Map(live.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const links = row.links.flatMap((link) => {
      const record = records.get(link.recordType)?.get(link.recordId);
      return record && canSeeOwner(visibility, record.ownerId) ? [{ ...link, name: record.name }] : [];
    });
    links.sort((a, b) => a.recordType.localeCompare(b.recordType) || a.name.localeCompare(b.name));
    return [toActivity(row, links)];
  });
}
