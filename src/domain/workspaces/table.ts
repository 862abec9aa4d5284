import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/table.js';

/** Global (reference) table: one row per tenant. */
export const workspaces = pgTable(
  'workspaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    slug: text('slug').notNull(),
    defaultLocale: text('default_locale').notNull().default('he'),
    /** Who created it, for the per-user cap; null for the CLI's and for a deleted user's. */
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    /** Which records each role sees: { "sales": "own", "manager": "team" }; a role not named sees all. */
    recordVisibility: jsonb('record_visibility').$type<Record<string, 'all' | 'team' | 'own'>>().notNull().default({}),
    /** Days a deleted record stays in the trash before `kesher purge` removes it. */
    trashRetentionDays: integer('trash_retention_days').notNull().default(30),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('workspaces_slug_key').on(t.slug), index('workspaces_created_by_idx').on(t.createdBy)],
);

export const memberships = pgTable(
  'memberships',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    userId: uuid('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    /** Who added the member (the inviter); null for the creator and for the CLI. */
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    /** When the member saw "you were added to X by Y"; null while that notice is pending. */
    noticeSeenAt: timestamp('notice_seen_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('memberships_workspace_user_key').on(t.workspaceId, t.userId),
    index('memberships_user_idx').on(t.userId),
  ],
);
