import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

/** Value types of built-in and custom fields; the filter language checks operators against them. */
export const fieldTypes = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'datetime',
  'boolean',
  'select',
  'multi_select',
  'url',
  'email',
  'phone',
  'rating',
  'relation',
] as const;
export type FieldType = (typeof fieldTypes)[number] | 'tags' | 'member' | 'uuid';

/** A built-in field of a record type: what filters, sorts, columns and the audit know it by. */
export interface BuiltinField {
  /** API name ("stage", "city", "createdAt"). */
  key: string;
  type: FieldType;
  /** The SQL the filter and sort use for it. */
  expression: SQL | PgColumn;
  /** For select-like built-ins (type, stage, size): the allowed values. */
  values?: readonly string[];
  sortable?: boolean;
}

/** The columns the record engine relies on (see records/columns.ts). */
export interface RecordTable {
  workspaceId: PgColumn;
  id: PgColumn;
  ownerId: PgColumn;
  tags: PgColumn;
  custom: PgColumn;
  version: PgColumn;
  createdAt: PgColumn;
  updatedAt: PgColumn;
  deletedAt: PgColumn;
  deletedBy: PgColumn;
  updatedBy: PgColumn;
}

/**
 * One record type, declared once: lists, filters, views, custom fields, visibility, audit, trash,
 * the timeline and live events read this declaration. Deals, tickets and products add one each.
 */
export interface RecordType {
  /** Singular API name: contact, company, deal… (custom_fields.record_type, audit, events). */
  name: string;
  /** Path under /api: contacts, companies. */
  plural: string;
  table: PgTable & RecordTable;
  fields: readonly BuiltinField[];
  /** The name shown for a record (trash, relations, events): an SQL text expression on the table. */
  displayName: SQL;
  /** Default list order. */
  defaultSort: string;
}

const registry = new Map<string, RecordType>();

export function registerRecordType(type: RecordType): RecordType {
  if (registry.has(type.name)) throw new Error(`Record type ${type.name} is registered twice`);
  registry.set(type.name, type);
  return type;
}

export function findRecordType(name: string): RecordType | undefined {
  return registry.get(name);
}

export function recordTypes(): RecordType[] {
  return [...registry.values()];
}
