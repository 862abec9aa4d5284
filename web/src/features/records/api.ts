import { z } from 'zod';
import { catalogueFieldSchema } from '../../../../src/domain/records/filter-schema.js';
import { memberSchema } from '../../../../src/domain/workspaces/schema.js';
import { createCompanySchema, updateCompanySchema } from '../../../../src/domain/companies/schema.js';
import { createContactSchema, updateContactSchema } from '../../../../src/domain/contacts/schema.js';
import { request, type RequestOptions } from '../../app/api.js';
import {
  bulkResultSchema,
  gridRecordSchema,
  recordPageSchema,
  savedViewSchema,
  type BulkAction,
  type FilterNode,
  type SavedView,
} from './types.js';

/** The list parameters the API takes; `filter` travels as JSON text. */
export interface RecordListParams {
  q?: string;
  filter?: FilterNode | null;
  sort?: string;
  cursor?: string;
  limit: number;
}

/** Query keys of the common brief: the live-updates hook invalidates by these prefixes. */
export const recordKeys = {
  all: (recordType: string) => ['records', recordType] as const,
  list: (recordType: string, params: RecordListParams) => ['records', recordType, 'list', params] as const,
  one: (recordType: string, id: string) => ['records', recordType, id] as const,
  fields: (recordType: string) => ['fields', recordType] as const,
  views: (recordType: string) => ['views', recordType] as const,
  members: ['members'] as const,
};

export const fetchRecords = (plural: string, { filter, ...params }: RecordListParams, signal?: AbortSignal) =>
  request(`/api/${plural}`, {
    query: { ...params, filter: filter ? JSON.stringify(filter) : undefined },
    schema: recordPageSchema,
    signal,
  });

export const fetchFields = (recordType: string, signal?: AbortSignal) =>
  request(`/api/fields/${recordType}`, { schema: z.array(catalogueFieldSchema), signal });

/** The server's request schemas of each record type's writes, so the web checks a body as the server will. */
const writeSchemas: Record<string, { create: z.ZodType; update: z.ZodType }> = {
  contacts: { create: createContactSchema, update: updateContactSchema },
  companies: { create: createCompanySchema, update: updateCompanySchema },
};
export const writeSchemaOf = (plural: string, write: 'create' | 'update') => writeSchemas[plural]?.[write];

export const patchRecord = (plural: string, id: string, body: Record<string, unknown> & { version: number }, query?: RequestOptions<unknown>['query']) =>
  request(`/api/${plural}/${id}`, { method: 'PATCH', body, query, schema: gridRecordSchema, bodySchema: writeSchemaOf(plural, 'update') });

export const fetchRecord = (plural: string, id: string) => request(`/api/${plural}/${id}`, { schema: gridRecordSchema });

export const createRecord = (plural: string, body: Record<string, unknown>, query?: RequestOptions<unknown>['query']) =>
  request(`/api/${plural}`, { method: 'POST', body, query, schema: gridRecordSchema, bodySchema: writeSchemaOf(plural, 'create') });

export const bulkRecords = (plural: string, body: { ids: string[]; action: BulkAction; value?: unknown }) =>
  request(`/api/${plural}/bulk`, { method: 'POST', body, schema: bulkResultSchema });

const viewListSchema = z.object({ items: z.array(savedViewSchema) }).transform((p) => p.items);

export const fetchViews = (recordType: string, signal?: AbortSignal) =>
  request('/api/views', { query: { recordType }, schema: viewListSchema, signal });

export type ViewInput = Pick<SavedView, 'name' | 'shared' | 'filter' | 'sort' | 'columns'>;

export const createView = (recordType: string, input: ViewInput) =>
  request('/api/views', { method: 'POST', body: { recordType, ...input }, schema: savedViewSchema });

export const updateView = (id: string, input: Partial<ViewInput> & { version: number }) =>
  request(`/api/views/${id}`, { method: 'PATCH', body: input, schema: savedViewSchema });

export const deleteView = (id: string, version: number) => request(`/api/views/${id}`, { method: 'DELETE', body: { version } });

export const fetchMembers = (signal?: AbortSignal) =>
  request('/api/members', { schema: z.object({ items: z.array(memberSchema) }), signal });
