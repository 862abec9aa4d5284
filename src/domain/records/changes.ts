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
  await tx.insert(auditLog).values({
    workspaceId: ctx.workspaceId,
    actorUserId: ctx.actorUserId,
    apiKeyId: ctx.apiKeyId,
    channel: ctx.channel,
    recordType,
    recordId,
    action,
    changes,
  });
  if (change.timeline !== false) {
    const [activity] = await tx
      .insert(activities)
      .values({
        workspaceId: ctx.workspaceId,
        kind: 'system',
        event: { action, recordType, recordId, changes },
        createdBy: ctx.actorUserId,
        apiKeyId: ctx.apiKeyId,
      })
      .returning({ id: activities.id, occurredAt: activities.occurredAt });
    await tx.insert(activityLinks).values({
      workspaceId: ctx.workspaceId,
      activityId: activity!.id,
      recordType,
      recordId,
      occurredAt: activity!.occurredAt,
      kind: 'system',
    });
  }
  await publishEvent(tx, ctx, {
    recordType,
    recordId,
    action: eventAction[action],
    ownerId,
    version: change.version ?? null,
    payload: { fields: changes.map((c) => c.field) },
  });
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

/** Writes an outbox event and announces it on commit (NOTIFY is transactional). */
export async function publishEvent(tx: Db, ctx: Ctx, event: PublishedEvent): Promise<void> {
  const [row] = await tx
    .insert(events)
    .values({
      workspaceId: ctx.workspaceId,
      recordType: event.recordType,
      recordId: event.recordId,
      action: event.action,
      ownerId: event.ownerId,
      actorUserId: ctx.actorUserId,
      version: event.version ?? null,
      payload: event.payload ?? {},
    })
    .returning({ id: events.id });
  await tx.execute(sql`select pg_notify(${eventsChannel}, ${String(row!.id)})`);
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
