import { sql } from 'drizzle-orm';
import { integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../users/table.js';
import { workspaces } from '../workspaces/table.js';

/** One email or phone of a record, with its label; exactly one is primary. */
export interface LabelledValue {
  value: string;
  label: 'work' | 'home' | 'mobile' | 'other';
  primary: boolean;
}

/**
 * The columns every record type's table has (contacts, companies, later deals, tickets, products):
 * the tenant key, owner, tags, custom values, who/when, version and the trash. The record engine
 * (lists, filters, visibility, audit, trash, events) relies on them and on nothing else.
 */
export const recordColumns = () => ({
  workspaceId: uuid('workspace_id')
    .notNull()
    .references(() => workspaces.id, { onDelete: 'cascade' }),
  id: uuid('id').notNull().default(sql`gen_random_uuid()`),
  ownerId: uuid('owner_id').references(() => users.id, { onDelete: 'set null' }),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  /** Custom field values by field key (see custom-fields); validated on every write. */
  custom: jsonb('custom').$type<Record<string, unknown>>().notNull().default({}),
  createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
  /** The human behind the last change, for "changed by X" on a stale edit. */
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
  deletedBy: uuid('deleted_by').references(() => users.id, { onDelete: 'set null' }),
});

/** Postal address columns, shared by contacts and companies. */
export const addressColumns = () => ({
  street: text('street'),
  city: text('city'),
  postalCode: text('postal_code'),
  /** ISO 3166-1 alpha-2. */
  country: text('country'),
});
