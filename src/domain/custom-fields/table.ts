import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/table.js';

/** An option of a select or multi-select field. Its `id` is what values store, so renaming is free. */
export interface FieldOption {
  id: string;
  labelHe: string;
  labelEn: string;
  color: string | null;
  position: number;
  archived: boolean;
}

/**
 * A custom field of one record type. Values live in the record's `custom` JSONB under `key`, which
 * never changes (labels do), so a rename or a reorder touches one row here and none of the records.
 */
export const customFields = pgTable(
  'custom_fields',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    /** contact, company, later deal, ticket, product. */
    recordType: text('record_type').notNull(),
    /** Stable key in `custom` ("cf_7k2m9q"); generated, never reused. */
    key: text('key').notNull(),
    labelHe: text('label_he').notNull(),
    labelEn: text('label_en').notNull(),
    /** text, long_text, number, money, date, datetime, boolean, select, multi_select, url, email, phone, rating, relation. */
    type: text('type').notNull(),
    options: jsonb('options').$type<FieldOption[]>().notNull().default([]),
    /** Per type: { currency } for money, { max } for rating, { target: 'contact' | 'company' } for relation. */
    config: jsonb('config').$type<Record<string, unknown>>().notNull().default({}),
    required: boolean('required').notNull().default(false),
    position: integer('position').notNull().default(0),
    /** Name of the expression index that makes sorting and range filters on it fast, once built. */
    indexName: text('index_name'),
    archivedAt: timestamp('archived_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('custom_fields_key_key').on(t.workspaceId, t.recordType, t.key),
    index('custom_fields_type_idx').on(t.workspaceId, t.recordType, t.position),
  ],
);
