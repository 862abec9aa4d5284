import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/table.js';

/** One change to one field: what the audit and the "field changed" events carry. */
export interface FieldChange {
  field: string;
  old: unknown;
  new: unknown;
  /** A merge: the record the surviving value came from. */
  from?: string;
}

/** Who changed what, when and through what; written in the same transaction as the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The human: the user, or the creator of the acting API key. No FK: the log outlives its users. */
    actorUserId: uuid('actor_user_id'),
    apiKeyId: uuid('api_key_id'),
    /** web, api, cli, import. */
    channel: text('channel').notNull(),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** create, update, delete, restore, purge, merge, link, unlink. */
    action: text('action').notNull(),
    changes: jsonb('changes').$type<FieldChange[]>().notNull().default([]),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('audit_log_record_idx').on(t.workspaceId, t.recordType, t.recordId, t.id.desc()),
    index('audit_log_actor_idx').on(t.workspaceId, t.actorUserId, t.id.desc()),
  ],
);
