import { z } from 'zod';
import { request } from '../../app/api.js';
import { createMergeSchema, mergePreviewSchema, mergeSchema, type CreateMergeInput } from '../../../../src/domain/merge/schema.js';
import type { CardRecordType } from '../card/api.js';

export type { Merge, MergePreview } from '../../../../src/domain/merge/schema.js';

export const mergeKeys = {
  preview: (type: CardRecordType, ids: readonly string[]) => ['merges', 'preview', type, ...ids] as const,
  ofRecord: (type: CardRecordType, id: string) => ['merges', type, id] as const,
};

/** Each record's value per field and the default choices; the first id is the survivor. */
export const fetchMergePreview = (type: CardRecordType, ids: readonly string[], signal?: AbortSignal) =>
  request('/api/merges/preview', { query: { type, ids: ids.join(',') }, schema: mergePreviewSchema, signal });

export const createMerge = (input: CreateMergeInput) =>
  request('/api/merges', { method: 'POST', body: input, bodySchema: createMergeSchema, schema: z.object({ merge: mergeSchema, item: z.unknown() }) });

export const fetchMerges = (type: CardRecordType, recordId: string, signal?: AbortSignal) =>
  request('/api/merges', { query: { type, recordId }, schema: z.object({ items: z.array(mergeSchema) }), signal }).then((page) => page.items);

export const undoMerge = (id: string) =>
  request(`/api/merges/${id}/undo`, { method: 'POST', schema: z.object({ merge: mergeSchema, keptFields: z.array(z.string()) }) });
