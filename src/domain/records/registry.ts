import type { SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import type { Visibility } from './visibility.js';
import type { BlockingKeys } from '../duplicates/blocking.js';
import type { MatchFields } from '../duplicates/fields.js';

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
  /** The column may be NULL (sorting puts empty values last, keyset pages stay exact). */
  nullable?: boolean;
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

/** What the engine reads of every record's JSON (each type's item has these from recordColumns()). */
export interface RecordItem {
  id: string;
  ownerId: string | null;
  version: number;
}

/**
 * One record type, declared once: lists, filters, views, custom fields, visibility, audit, trash,
 * the timeline and live events read this declaration. Deals, tickets and products add one each.
 */
export interface RecordType<Item extends RecordItem = RecordItem> {
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
  /** The English word for messages: "Contact not found". */
  label: string;
  /** The record's JSON, as lists and the card answer it. */
  itemSchema: z.ZodType<Item>;
  /**
   * The full JSON of these live records of the caller's workspace, in the order of `ids` (missing ones
   * left out); what they link to is shown as `visibility` allows (the caller's, read when not given).
   */
  load: (ctx: Ctx, ids: readonly string[], visibility?: Visibility) => Promise<Item[]>;
  /** The trigram-indexed text the search matches by fragment: normalised words and phone digit forms (migration 0008). */
  searchText: PgColumn;
  /** How the search engine (search/engine.ts) finds and shows records of this type. */
  search: RecordSearch;
  /** How the duplicate matcher reads this type; a type without it is never checked or scanned. */
  duplicates?: DuplicateDeclaration;
}

/**
 * A type's part in the search: its words are in search_terms (a trigger on its table, record_type =
 * the type's name, one `field` per entry of `fields`), its fragments in `searchText`.
 */
export interface RecordSearch {
  /** A result's title and subtitle: SQL text on the table (the subtitle may be NULL). */
  title: SQL;
  subtitle?: SQL;
  /** The names of the fields the trigger writes, in the order of `fieldValues`' array ("name", "email", "phone"). */
  fields: readonly string[];
  /** SQL text[] of the normalised text of each field (which field a fragment was found in). */
  fieldValues: SQL;
  /**
   * Records also found through another type's matches (contacts through their companies):
   * `linkedTo` is SQL selecting (as `id`) the ids of this type's records linked to the record `source`
   * of `type` (an SQL uuid expression); they are reported with `field` as the matched field.
   */
  via?: { type: string; field: string; linkedTo: (workspaceId: string, source: SQL) => SQL };
}

/** A record type's part in duplicate matching (src/domain/duplicates). */
export interface DuplicateDeclaration {
  /** The columns the matcher reads, by the API names `fields` takes (the scan selects them). */
  columns: Record<string, SQL | PgColumn>;
  /** The matcher's fields of a record: its JSON, a row of `columns`, or a create/patch body over its JSON. */
  fields: (record: Record<string, unknown>) => MatchFields;
  /** A line under the title of a candidate (email, domain, city): an SQL text expression. */
  subtitle: SQL;
  /** The indexed condition that finds the records sharing a key (an OR of index lookups); undefined = none. */
  blocking: (keys: BlockingKeys) => SQL | undefined;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyRecordType = RecordType<any>;
const registry = new Map<string, AnyRecordType>();

export function registerRecordType<Item extends RecordItem>(type: RecordType<Item>): RecordType<Item> {
  if (registry.has(type.name)) throw new Error(`Record type ${type.name} is registered twice`);
  registry.set(type.name, type);
  return type;
}

export function findRecordType(name: string): AnyRecordType | undefined {
  return registry.get(name);
}

export function recordTypes(): AnyRecordType[] {
  return [...registry.values()];
}
