import { z } from 'zod';
import { customFieldTypeSchema, type CustomFieldType } from '../../../../src/domain/custom-fields/schema.js';
import { request } from '../../app/api.js';

export const settingsRecordTypes = ['contact', 'company'] as const;
export type SettingsRecordType = (typeof settingsRecordTypes)[number];

// The server's list, so a type added there appears here without a second copy.
export const customFieldTypes = customFieldTypeSchema.options;
export type { CustomFieldType };

const optionSchema = z.looseObject({
  id: z.string(),
  labelHe: z.string(),
  labelEn: z.string(),
  color: z.string().nullish(),
  position: z.number().nullish(),
  archived: z.boolean().nullish(),
});

export const customFieldSchema = z.looseObject({
  id: z.string(),
  recordType: z.string(),
  key: z.string(),
  labelHe: z.string(),
  labelEn: z.string(),
  type: z.string(),
  options: z.array(optionSchema).nullish(),
  config: z.record(z.string(), z.unknown()).nullish(),
  required: z.boolean().nullish(),
  position: z.number().nullish(),
  archived: z.boolean().nullish(),
  version: z.number(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

const listOf = <T extends z.ZodType>(item: T) =>
  z.union([z.array(item), z.object({ items: z.array(item) }).transform((p) => p.items)]);

export interface OptionInput {
  id?: string;
  labelHe: string;
  labelEn: string;
  color: string | null;
  archived?: boolean;
}

export interface NewCustomField {
  recordType: SettingsRecordType;
  labelHe: string;
  labelEn: string;
  type: CustomFieldType;
  options?: OptionInput[];
  config?: Record<string, unknown>;
  required?: boolean;
}

export interface CustomFieldPatch {
  labelHe?: string;
  labelEn?: string;
  options?: OptionInput[];
  config?: Record<string, unknown>;
  required?: boolean;
  archived?: boolean;
  version: number;
}

export const settingsKeys = {
  customFields: (recordType: string) => ['custom-fields', recordType] as const,
  teams: ['teams'] as const,
  recordSettings: ['workspace', 'record-settings'] as const,
  audit: (filters: object) => ['audit', filters] as const,
  trash: (recordType: string) => ['trash', recordType] as const,
};

export const fetchCustomFields = (recordType: string, signal?: AbortSignal) =>
  // Archived ones too: the settings screen brings them back.
  request('/api/custom-fields', { query: { recordType, archived: 'true' }, schema: listOf(customFieldSchema), signal });
export const createCustomField = (input: NewCustomField) =>
  request('/api/custom-fields', { method: 'POST', body: input, schema: customFieldSchema });
export const updateCustomField = (id: string, patch: CustomFieldPatch) =>
  request(`/api/custom-fields/${id}`, { method: 'PATCH', body: patch, schema: customFieldSchema });
export const reorderCustomFields = (recordType: string, ids: string[]) =>
  request('/api/custom-fields/reorder', { method: 'POST', body: { recordType, ids } });

const teamSchema = z.looseObject({
  id: z.string(),
  name: z.string(),
  memberIds: z.array(z.string()).nullish(),
  members: z.array(z.looseObject({ userId: z.string().nullish(), id: z.string().nullish() })).nullish(),
  version: z.number().nullish(),
});
export type Team = z.infer<typeof teamSchema>;
export const teamMemberIds = (team: Team) => team.memberIds ?? (team.members ?? []).map((m) => m.userId ?? m.id ?? '').filter(Boolean);

export const fetchTeams = (signal?: AbortSignal) => request('/api/teams', { schema: listOf(teamSchema), signal });
export const createTeam = (input: { name: string; memberIds: string[] }) => request('/api/teams', { method: 'POST', body: input, schema: teamSchema });
export const updateTeam = (id: string, input: { name?: string; memberIds?: string[]; version?: number }) =>
  request(`/api/teams/${id}`, { method: 'PATCH', body: input, schema: teamSchema });
export const deleteTeam = (id: string) => request(`/api/teams/${id}`, { method: 'DELETE' });

export const visibilityScopes = ['all', 'team', 'own'] as const;
export type VisibilityScope = (typeof visibilityScopes)[number];
const recordSettingsSchema = z.looseObject({
  recordVisibility: z.record(z.string(), z.enum(visibilityScopes)),
  trashRetentionDays: z.number(),
});
export type RecordSettings = z.infer<typeof recordSettingsSchema>;

export const fetchRecordSettings = (signal?: AbortSignal) => request('/api/workspace/record-settings', { schema: recordSettingsSchema, signal });
export const saveRecordSettings = (input: RecordSettings) =>
  request('/api/workspace/record-settings', { method: 'PUT', body: input, schema: recordSettingsSchema });

const trashItemSchema = z.looseObject({
  recordType: z.string(),
  id: z.string(),
  name: z.string().nullish(),
  deletedAt: z.string(),
  deletedBy: z.string().nullish(),
  deletedByName: z.string().nullish(),
});
export type TrashItem = z.infer<typeof trashItemSchema>;

export const fetchTrash = (recordType: string | undefined, cursor: string | undefined, signal?: AbortSignal) =>
  request('/api/trash', {
    query: { recordType, cursor },
    schema: z.object({ items: z.array(trashItemSchema), nextCursor: z.string().nullish() }),
    signal,
  });
export const restoreFromTrash = (item: TrashItem) => request(`/api/trash/${item.recordType}/${item.id}/restore`, { method: 'POST' });
export const purgeFromTrash = (item: TrashItem) => request(`/api/trash/${item.recordType}/${item.id}`, { method: 'DELETE' });
