import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { activities, activityLinks } from '../activities/table.js';
import { auditLog, type FieldChange } from '../audit/table.js';
import { events } from '../events/table.js';

/** What happened to a record. */
export type RecordAction = 'create' | 'update' | 'delete' | 'restore' | 'purge' | 'merge' | 'link' | 'unlink';

/** The NOTIFY channel that announces new rows in `events` (payload: the event id). */
export const eventsChannel = 'kesher_events';

export interface RecordChange {
  recordType: string;
  recordId: string;
  action: RecordAction;
  /** Each changed field with its old and new value; empty for delete/restore/purge. */
  changes?: FieldChange[];
  /** The record's owner after the change: the event stream shows it only to who may see it. */
  ownerId: string | null;
  version?: number | null;
  /** Write a system event on the record's timeline too (default true; a purge has no timeline left). */
  timeline?: boolean;
}

/**
 * Records one change in the transaction that made it: the audit entry, the timeline's system event
 * and the outbox event that NOTIFY announces on commit. Every record type's writes end here, so
 * history, timelines and live updates never disagree with the data.
 */
export async function recordChange(tx: Db, ctx: Ctx, change: RecordChange): Promise<void> {
  const { recordType, recordId, action, ownerId } = change;
  const changes = change.changes ?? [];
  const ws = ctx.workspaceId;
  const audit = sql`insert into ${auditLog} (workspace_id, actor_user_id, api_key_id, channel, record_type, record_id, action, changes)
    values (${ws}, ${ctx.actorUserId}, ${ctx.apiKeyId}, ${ctx.channel}, ${recordType}, ${recordId}, ${action}, ${JSON.stringify(changes)}::jsonb)`;
  // The audit entry, the timeline's system event with its link, and the outbox event: one statement, one round trip.
  const timeline =
    change.timeline === false
      ? sql``
      : sql`, activity as (
          insert into ${activities} (workspace_id, kind, event, created_by, api_key_id)
          values (${ws}, 'system', ${JSON.stringify({ action, recordType, recordId, changes })}::jsonb, ${ctx.actorUserId}, ${ctx.apiKeyId})
          returning id, occurred_at),
        link as (
          insert into ${activityLinks} (workspace_id, activity_id, record_type, record_id, occurred_at, kind)
          select ${ws}, id, ${recordType}, ${recordId}, occurred_at, 'system' from activity)`;
  await tx.execute(sql`with audit as (${audit})${timeline}, ${outbox(ctx, {
    recordType,
    recordId,
    action: eventAction[action],
    ownerId,
    version: change.version ?? null,
    payload: { fields: changes.map((c) => c.field) },
  })}`);
}

const eventAction: Record<RecordAction, string> = {
  create: 'created',
  update: 'updated',
  delete: 'deleted',
  restore: 'restored',
  purge: 'purged',
  merge: 'merged',
  link: 'updated',
  unlink: 'updated',
};

export interface PublishedEvent {
  recordType: string;
  recordId: string;
  /** created, updated, deleted, restored, purged, merged, activity. */
  action: string;
  ownerId: string | null;
  version?: number | null;
  payload?: Record<string, unknown>;
}

/** The CTE `event` that writes an outbox event, then the SELECT that announces it on commit (NOTIFY is transactional). */
function outbox(ctx: Ctx, event: PublishedEvent) {
  return sql`event as (
      insert into ${events} (workspace_id, record_type, record_id, action, owner_id, actor_user_id, version, payload)
      values (${ctx.workspaceId}, ${event.recordType}, ${event.recordId}, ${event.action}, ${event.ownerId}, ${ctx.actorUserId},
              ${event.version ?? null}::bigint, ${JSON.stringify(event.payload ?? {})}::jsonb)
      returning id)
    select pg_notify(${eventsChannel}, id::text) from event`;
}

/** Writes an outbox event and announces it on commit, in one statement. */
export async function publishEvent(tx: Db, ctx: Ctx, event: PublishedEvent): Promise<void> {
  await tx.execute(sql`with ${outbox(ctx, event)}`);
}

/** The changed fields between two snapshots of a record (only the keys of `after` are compared). */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = before[field] ?? null;
    if (JSON.stringify(old) !== JSON.stringify(value ?? null)) changes.push({ field, old, new: value ?? null });
  }
  return changes;
}
