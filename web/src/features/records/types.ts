import { z } from 'zod';

/** Filter operators of the contract's filter language. */
export const filterOps = [
  'eq', 'neq', 'contains', 'starts_with', 'empty', 'not_empty', 'in', 'not_in', 'gt', 'gte', 'lt', 'lte',
  'between', 'before', 'after', 'within_last_days', 'has_tag', 'lacks_tag', 'owned_by_me', 'owned_by_my_team',
] as const;
export type FilterOp = (typeof filterOps)[number];

export const fieldOptionSchema = z.object({
  id: z.string(),
  labelHe: z.string(),
  labelEn: z.string(),
  color: z.string().nullish(),
});
export type FieldOption = z.infer<typeof fieldOptionSchema>;

/** One entry of GET /api/fields/:recordType: a built-in or custom field, for columns and filters. */
export const fieldDefSchema = z.object({
  key: z.string(),
  labelHe: z.string().nullish(),
  labelEn: z.string().nullish(),
  type: z.string(),
  custom: z.boolean(),
  options: z.array(fieldOptionSchema).nullish(),
  values: z.array(z.string()).nullish(),
  sortable: z.boolean().optional(),
  operators: z.array(z.string()),
});
export type FieldDef = z.infer<typeof fieldDefSchema>;

/** A record as the grid sees it: the contract's JSON, read by field path. */
export const gridRecordSchema = z.looseObject({ id: z.string(), version: z.number() });
export type GridRecord = z.infer<typeof gridRecordSchema> & Record<string, unknown>;

export const recordPageSchema = z.object({ items: z.array(gridRecordSchema), nextCursor: z.string().nullable() });

export type FilterCondition = { field: string; op: FilterOp; value?: unknown };
export type FilterNode = { and: FilterNode[] } | { or: FilterNode[] } | FilterCondition;

export const savedViewSchema = z.object({
  id: z.string(),
  recordType: z.string(),
  name: z.string(),
  shared: z.boolean(),
  ownerId: z.string().nullish(),
  filter: z.unknown().nullish(),
  sort: z.string().nullish(),
  columns: z.array(z.string()).nullish(),
  version: z.number(),
});
export type SavedView = z.infer<typeof savedViewSchema>;

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
