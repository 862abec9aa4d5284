import { z } from 'zod';
import { text, versionSchema } from '../common/schema.js';

/** contact, company (any registered record type). */
const recordTypeName = text().min(1).max(50);
const timestamp = z.iso.datetime({ offset: true });

const idList = text()
  .max(2000)
  .transform((v) => v.split(',').map((id) => id.trim()).filter(Boolean))
  .pipe(z.array(z.uuid()).min(2, 'Name at least two records').max(10));

export const mergePreviewQuerySchema = z.strictObject({
  type: recordTypeName,
  ids: idList.meta({ description: 'Two to ten ids of one type, comma-separated; the first is the default survivor' }),
});
export type MergePreviewQuery = z.input<typeof mergePreviewQuerySchema>;

export const createMergeSchema = z.strictObject({
  type: recordTypeName,
  survivorId: z.uuid(),
  mergedIds: z.array(z.uuid()).min(1).max(9),
  versions: z.record(z.uuid(), versionSchema).meta({ description: 'The version of every record involved, as the caller read it' }),
  fields: z
    .record(text().max(120), z.uuid())
    .optional()
    .meta({ description: 'Per field key (firstName, custom.size…): the id of the record whose value survives; default: the survivor’s, else the newest non-empty' }),
});
export type CreateMergeInput = z.input<typeof createMergeSchema>;

export const listMergesQuerySchema = z.strictObject({ type: recordTypeName, recordId: z.uuid() });

export const mergeSchema = z.object({
  id: z.uuid(),
  type: z.string(),
  survivorId: z.uuid(),
  mergedIds: z.array(z.uuid()),
  /** The merged-away records' names when merged (empty once erased). */
  mergedNames: z.array(z.string()),
  createdAt: timestamp,
  undoUntil: timestamp,
  undoneAt: timestamp.nullable(),
  /** True while undo may still be asked for (within 30 days, not undone, snapshot kept). */
  undoable: z.boolean(),
});
export type Merge = z.infer<typeof mergeSchema>;

export const mergePreviewSchema = z.object({
  type: z.string(),
  records: z.array(z.object({ id: z.uuid(), name: z.string(), version: z.number().int(), updatedAt: timestamp })),
  /** One row per field that can differ: each record's value and the record whose value is the default. */
  fields: z.array(z.object({ key: z.string(), values: z.record(z.string(), z.unknown()), defaultFrom: z.uuid().nullable() })),
  /** Fields whose values are all kept (emails, phones, tags): the united list. */
  kept: z.array(z.object({ key: z.string(), values: z.array(z.string()) })),
  /** What moves to the survivor, by kind (activities, company links, relation values…). */
  moves: z.record(z.string(), z.number().int()),
});
export type MergePreview = z.infer<typeof mergePreviewSchema>;

export const mergeIdParams = z.strictObject({ id: z.uuid() });
