import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/table.js';
import { workspaces } from '../workspaces/table.js';
import type { MergeSnapshot } from './snapshot.js';

/** One merge of records of one type into a survivor, with what undo needs to put back (null once undone or forgotten). */
export const merges = pgTable(
  'merges',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().defaultRandom(),
    recordType: text('record_type').notNull(),
    survivorId: uuid('survivor_id').notNull(),
    mergedIds: uuid('merged_ids').array().notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The survivor's previous values and every row the merge moved; personal data, scrubbed by erasure. */
    snapshot: jsonb('snapshot').$type<MergeSnapshot>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoUntil: timestamp('undo_until', { withTimezone: true }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: uuid('undone_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('merges_survivor_idx').on(t.workspaceId, t.recordType, t.survivorId, t.createdAt),
    index('merges_merged_idx').using('gin', t.mergedIds),
  ],
);

/** A merged-away id and where it went; outlives purge and erasure (no personal data), so the id never answers a bare 404. */
export const mergeTombstones = pgTable(
  'merge_tombstones',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    mergedId: uuid('merged_id').notNull(),
    survivorId: uuid('survivor_id').notNull(),
    mergeId: uuid('merge_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.recordType, t.mergedId] }),
    index('merge_tombstones_survivor_idx').on(t.workspaceId, t.recordType, t.survivorId),
  ],
);
