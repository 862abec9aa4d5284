import { z } from 'zod';
import { text, versionSchema } from '../common/schema.js';
import { filterSchema, sortParamSchema } from '../records/filter-schema.js';

/** A saved view of a list as the API answers it. */
export const viewSchema = z.object({
  id: z.uuid(),
  recordType: z.string(),
  name: z.string(),
  shared: z.boolean(),
  ownerId: z.uuid().nullable(),
  filter: z.unknown().nullable().meta({ description: 'A filter in the filter language, or null' }),
  sort: z.string().nullable(),
  columns: z.array(z.string()),
  version: z.number().int(),
});
export type View = z.infer<typeof viewSchema>;

const columns = z
  .array(text().min(1).max(100))
  .max(100)
  .meta({ description: 'Visible columns in order, by field name ("name", "stage", "custom.cf_abc")' });

export const createViewSchema = z.strictObject({
  recordType: text().max(40),
  name: text().min(1).max(100),
  shared: z.boolean().default(false),
  filter: filterSchema.nullable().optional(),
  sort: sortParamSchema.nullable().optional(),
  columns: columns.default([]),
});
export type CreateViewInput = z.input<typeof createViewSchema>;

export const updateViewSchema = z.strictObject({
  name: text().min(1).max(100).optional(),
  shared: z.boolean().optional(),
  filter: filterSchema.nullable().optional(),
  sort: sortParamSchema.nullable().optional(),
  columns: columns.optional(),
  version: versionSchema.optional(),
});
export type UpdateViewInput = z.input<typeof updateViewSchema>;

export const listViewsQuerySchema = z.strictObject({ recordType: text().max(40) });
