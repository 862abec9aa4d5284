import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';
import type { LiveChange } from './schema.js';

/** How long the outbox keeps events (reconnects replay from it; `kesher purge` and the hub prune it). */
export const eventRetentionDays = 7;

/** An event as streams send it (SSE `data:`), with the owner and workspace they filter on. */
export interface StreamEvent {
  id: number;
  workspaceId: string;
  ownerId: string | null;
  at: Date;
  data: LiveChange;
}

interface Row {
  id: string | number;
  workspace_id: string;
  owner_id: string | null;
  at: string | Date;
  record_type: string;
  record_id: string;
  action: string;
  version: string | number | null;
  actor_user_id: string | null;
  actor_name: string | null;
  payload: { fields?: string[]; activityId?: string } | null;
}

const toEvent = (row: Row): StreamEvent => ({
  id: Number(row.id),
  workspaceId: row.workspace_id,
  ownerId: row.owner_id,
  at: new Date(row.at),
  data: {
    id: Number(row.id),
    recordType: row.record_type,
    recordId: row.record_id,
    action: row.action,
    version: row.version === null ? null : Number(row.version),
    actorUserId: row.actor_user_id,
    actorName: row.actor_name,
    fields: row.payload?.fields ?? [],
    ...(row.payload?.activityId && { activityId: row.payload.activityId }),
  },
});

const columns = sql`e.id, e.workspace_id, e.owner_id, e.at, e.record_type, e.record_id, e.action, e.version, e.actor_user_id, u.name as actor_name, e.payload`;

/** The newest event id (0 when there is none): where a process starts reading. */
export async function latestEventId(db: Db): Promise<number> {
  const [row] = await queryRows<{ id: string | number | null }>(db, sql`select max(id) as id from events`);
  return Number(row?.id ?? 0);
}

/**
 * Events of every workspace after `afterId`, plus the listed ids below it that were not committed when
 * last read (a sequence hands out ids before commit, so a later id can commit first): one query for
 * every stream of the process, in id order, at most `limit`.
 */
export async function readEventsAfter(db: Db, afterId: number, pending: readonly number[], limit: number): Promise<StreamEvent[]> {
  const pendingCondition = pending.length ? sql` or e.id in (${sql.join(pending.map((id) => sql`${id}`), sql`, `)})` : sql``;
  const rows = await queryRows<Row>(
    db,
    sql`select ${columns} from events e left join users u on u.id = e.actor_user_id
        where e.id > ${afterId}${pendingCondition} order by e.id limit ${limit}`,
  );
  return rows.map(toEvent);
}

/** When the event with this id happened, or undefined when it is gone (pruned) or never was. */
export async function eventTime(db: Db, id: number): Promise<Date | undefined> {
  const [row] = await queryRows<{ at: string | Date }>(db, sql`select at from events where id = ${id}`);
  return row ? new Date(row.at) : undefined;
}

/** One workspace's events after `afterId`, in id order, at most `limit` (a reconnect's replay). */
export async function readWorkspaceEventsAfter(db: Db, workspaceId: string, afterId: number, limit: number): Promise<StreamEvent[]> {
  const rows = await queryRows<Row>(
    db,
    sql`select ${columns} from events e left join users u on u.id = e.actor_user_id
        where e.workspace_id = ${workspaceId} and e.id > ${afterId} order by e.id limit ${limit}`,
  );
  return rows.map(toEvent);
}

/** Deletes events older than the retention; returns how many went. */
export async function pruneEvents(db: Db, olderThanDays = eventRetentionDays): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`with gone as (delete from events where at < now() - make_interval(days => ${olderThanDays}) returning 1)
        select count(*)::int as n from gone`,
  );
  return row?.n ?? 0;
}
