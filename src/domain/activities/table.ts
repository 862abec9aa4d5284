import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/table.js';
import { workspaces } from '../workspaces/table.js';

/**
 * One thing that happened with customers: a note, a call, a meeting, a message… or a system event
 * (kind "system": created, stage changed, field changed, merged), written in the same transaction as
 * the change it describes. Linked to one or more records through activity_links.
 */
export const activities = pgTable(
  'activities',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    /** note, call, meeting, email, sms, whatsapp, letter, fax, visit, web_form, chat, social, system. */
    kind: text('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    subject: text('subject'),
    body: text('body'),
    /** in, out (calls and messages). */
    direction: text('direction'),
    durationSeconds: integer('duration_seconds'),
    /** Calls: answered, no_answer, busy, voicemail, wrong_number; meetings: held, cancelled, no_show. */
    outcome: text('outcome'),
    recordingUrl: text('recording_url'),
    location: text('location'),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** System events: { action, recordType, recordId, changes: [{ field, old, new }] }. */
    event: jsonb('event').$type<Record<string, unknown>>(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    apiKeyId: uuid('api_key_id'),
    /** Who last edited it (a 409 names them). */
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Activity ↔ record (contact, company, later deal…). `occurred_at` is copied here so a card's timeline is one index walk. */
export const activityLinks = pgTable(
  'activity_links',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    activityId: uuid('activity_id').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    kind: text('kind').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.recordType, t.recordId, t.activityId] }),
    foreignKey({ columns: [t.workspaceId, t.activityId], foreignColumns: [activities.workspaceId, activities.id] }).onDelete('cascade'),
    index('activity_links_timeline_idx').on(t.workspaceId, t.recordType, t.recordId, t.occurredAt.desc(), t.activityId.desc()),
    index('activity_links_activity_idx').on(t.workspaceId, t.activityId),
    // Without system events: a company's walk over its people, and kind filters, skip field changes
    // without reading them (a person's history can be mostly system events).
    index('activity_links_activities_idx')
      .on(t.workspaceId, t.recordType, t.recordId, t.occurredAt.desc(), t.activityId.desc())
      .where(sql`kind <> 'system'`),
  ],
);
