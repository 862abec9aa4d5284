import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/table.js';

/**
 * The outbox of committed changes. A row is written in the change's transaction and announced with
 * NOTIFY kesher_events on commit; SSE streams read from here, so a listener that was away (or
 * reconnects with Last-Event-ID) misses nothing within the retention.
 */
export const events = pgTable(
  'events',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** One sequence for all workspaces: the SSE event id. */
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** created, updated, deleted, restored, purged, activity. */
    action: text('action').notNull(),
    /** The record's owner after the change, so a stream shows it only to who may see it. */
    ownerId: uuid('owner_id'),
    actorUserId: uuid('actor_user_id'),
    version: bigint('version', { mode: 'number' }),
    /** Small: changed field names, an activity id; never the values (the client refetches). */
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('events_id_idx').on(t.id), index('events_at_idx').on(t.at)],
);
