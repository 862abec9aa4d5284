import { z } from 'zod';
import { catalogueFieldSchema, filterOps, type FilterOp } from '../../../../src/domain/records/filter-schema.js';
import { viewSchema, type View } from '../../../../src/domain/views/schema.js';

export { filterOps };
export type { FilterOp };

/** One entry of GET /api/fields/:recordType: a built-in or custom field, for columns and filters. */
export type FieldDef = z.infer<typeof catalogueFieldSchema>;
export type FieldOption = NonNullable<FieldDef['options']>[number];

/** A record as the grid sees it: the contract's JSON, read by field path. */
export const gridRecordSchema = z.looseObject({ id: z.string(), version: z.number() });
export type GridRecord = z.infer<typeof gridRecordSchema> & Record<string, unknown>;

export const recordPageSchema = z.object({ items: z.array(gridRecordSchema), nextCursor: z.string().nullable() });

/** The builder's node: the contract's filter JSON, with any value until the server checks it. */
export type FilterCondition = { field: string; op: FilterOp; value?: unknown };
export type FilterNode = { and: FilterNode[] } | { or: FilterNode[] } | FilterCondition;

export const savedViewSchema = viewSchema;
export type SavedView = View;

export const bulkResultSchema = z.object({ updated: z.number(), skipped: z.array(z.unknown()) });
export type BulkAction = 'set_owner' | 'add_tag' | 'remove_tag' | 'set_stage' | 'delete';

/** What one list (contacts, companies…) tells the generic grid. */
export interface RecordListConfig {
  /** Singular API name, as in /api/fields/:recordType and the query keys. */
  recordType: string;
  /** Path under /api and the web route: contacts, companies. */
  plural: string;
  /** Columns shown when neither the URL nor a view says otherwise. */
  defaultColumns: string[];
  defaultSort: string;
  /** Bulk actions this list offers. */
  bulkActions: BulkAction[];
}

/** The custom-field path of a catalogue entry ("custom.cf_x"), or the built-in key. */
export const fieldPath = (field: Pick<FieldDef, 'key' | 'custom'>) =>
  field.custom && !field.key.startsWith('custom.') ? `custom.${field.key}` : field.key;

/** A record's value at a field path ("city", "custom.cf_x"). */
export function valueAt(record: Record<string, unknown>, path: string): unknown {
  if (!path.startsWith('custom.')) return record[path];
  const custom = record.custom as Record<string, unknown> | null | undefined;
  return custom?.[path.slice('custom.'.length)];
}
