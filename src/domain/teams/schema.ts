import { z } from 'zod';
import { INT4_MAX, text, versionSchema } from '../common/schema.js';

export const teamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  memberIds: z.array(z.uuid()).meta({ description: 'User ids of its members' }),
  version: z.number().int(),
});
export type Team = z.infer<typeof teamSchema>;

const memberIds = z.array(z.uuid()).max(1000).meta({ description: 'User ids; each must be a member of the workspace' });

export const createTeamSchema = z.strictObject({ name: text().min(1).max(100), memberIds: memberIds.default([]) });
export type CreateTeamInput = z.input<typeof createTeamSchema>;

export const updateTeamSchema = z.strictObject({
  name: text().min(1).max(100).optional(),
  memberIds: memberIds.optional(),
  version: versionSchema.optional(),
});
export type UpdateTeamInput = z.input<typeof updateTeamSchema>;

export const visibilityScopeSchema = z.enum(['all', 'team', 'own']);

/** Who sees which records, per role; owners and admins always see all. */
export const recordSettingsSchema = z.object({
  recordVisibility: z
    .partialRecord(z.enum(['manager', 'sales', 'service', 'marketing', 'viewer']), visibilityScopeSchema)
    .meta({ description: 'Per role: all (every record), team (records owned by their teams), own (their own); a role not named sees all' }),
  trashRetentionDays: z.number().int(),
});
export type RecordSettings = z.infer<typeof recordSettingsSchema>;

export const updateRecordSettingsSchema = z.strictObject({
  recordVisibility: z.partialRecord(z.enum(['manager', 'sales', 'service', 'marketing', 'viewer']), visibilityScopeSchema).optional(),
  trashRetentionDays: z.number().int().min(1).max(Math.min(3650, INT4_MAX)).optional(),
});
export type UpdateRecordSettingsInput = z.input<typeof updateRecordSettingsSchema>;
