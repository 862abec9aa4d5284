import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/table.js';
import { workspaces } from '../workspaces/table.js';

/** A saved view of a list: filter, sort and columns; private to its owner or shared with the workspace. */
export const savedViews = pgTable(
  'saved_views',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    recordType: text('record_type').notNull(),
    name: text('name').notNull(),
    ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'cascade' }),
    shared: boolean('shared').notNull().default(false),
    filter: jsonb('filter').$type<unknown>(),
    sort: text('sort'),
    columns: jsonb('columns').$type<string[]>().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('saved_views_type_idx').on(t.workspaceId, t.recordType)],
);
