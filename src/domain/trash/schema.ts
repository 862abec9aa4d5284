import { z } from 'zod';
import { rawText, text } from '../common/schema.js';

export const listTrashQuerySchema = z.strictObject({
  /** contact, company (any registered record type); all of them when absent. */
  recordType: text().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: rawText().max(500).optional(),
});
export type ListTrashQuery = z.input<typeof listTrashQuerySchema>;

export const trashItemSchema = z.object({
  recordType: z.string(),
  id: z.uuid(),
  name: z.string(),
  deletedAt: z.iso.datetime({ offset: true }),
  deletedBy: z.uuid().nullable(),
  deletedByName: z.string().nullable(),
});
export const trashPageSchema = z.object({ items: z.array(trashItemSchema), nextCursor: z.string().nullable() });
export type TrashPage = z.infer<typeof trashPageSchema>;

export const trashParamsSchema = z.strictObject({ recordType: text().max(50), id: z.uuid() });

export const restoredSchema = z.object({ recordType: z.string(), id: z.uuid(), version: z.number().int() });

export const purgeResultSchema = z.object({
  workspace: z.string(),
  recordType: z.string(),
  purged: z.number().int(),
});
export type PurgeResult = z.infer<typeof purgeResultSchema>;
