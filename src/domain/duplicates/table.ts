import { sql } from 'drizzle-orm';
import { check, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/table.js';
import type { DuplicateRule, Reason } from './schema.js';

// The expression indexes the check finds candidates by live in migration 0009 (contacts_dup_*,
// companies_dup_*): they index SQL functions (dup_email_keys, kesher_norm) drizzle does not declare.

/** A workspace's matching rules for one record type; no row = the defaults (defaults.ts). */
export const duplicateRules = pgTable(
  'duplicate_rules',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    rules: jsonb('rules').$type<{ rule: DuplicateRule; enabled: boolean; weight: number }[]>().notNull(),
    blockAt: doublePrecision('block_at').notNull(),
    warnAt: doublePrecision('warn_at').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.recordType] })],
);

/** Pairs a person said are not one record (a < b): checks and scans skip them. */
export const duplicateDismissals = pgTable(
  'duplicate_dismissals',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    aId: uuid('a_id').notNull(),
    bId: uuid('b_id').notNull(),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.recordType, t.aId, t.bId] }), check('duplicate_dismissals_order', sql`${t.aId} < ${t.bId}`)],
);

export const duplicateScans = pgTable(
  'duplicate_scans',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    recordType: text('record_type').notNull(),
    /** running, done, failed. */
    status: text('status').notNull().default('running'),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    pairs: integer('pairs').notNull().default(0),
    groups: integer('groups').notNull().default(0),
    startedBy: uuid('started_by'),
    error: text('error'),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] }), index('duplicate_scans_latest_idx').on(t.workspaceId, t.recordType, t.startedAt)],
);

/** One group of likely duplicates of a scan, strongest first (`position`), with its scored pairs. */
export const duplicateScanGroups = pgTable(
  'duplicate_scan_groups',
  {
    workspaceId: uuid('workspace_id').notNull(),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    scanId: uuid('scan_id').notNull(),
    position: integer('position').notNull(),
    score: doublePrecision('score').notNull(),
    recordIds: uuid('record_ids').array().notNull(),
    pairs: jsonb('pairs').$type<{ a: string; b: string; score: number; reasons: Reason[] }[]>().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ name: 'duplicate_scan_groups_scan_fk', columns: [t.workspaceId, t.scanId], foreignColumns: [duplicateScans.workspaceId, duplicateScans.id] }).onDelete('cascade'),
    index('duplicate_scan_groups_scan_idx').on(t.workspaceId, t.scanId, t.position),
  ],
);
