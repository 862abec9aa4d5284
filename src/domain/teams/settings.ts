import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/permissions.js';
import { workspaces } from '../workspaces/table.js';
import { updateRecordSettingsSchema, type RecordSettings, type UpdateRecordSettingsInput } from './schema.js';

/** The workspace's record settings: visibility per role and the trash's retention. Everyone may read them. */
export async function getRecordSettings(ctx: Ctx): Promise<RecordSettings> {
  requirePermission(ctx, 'records:read');
  const [row] = await ctx.db
    .select({ recordVisibility: workspaces.recordVisibility, trashRetentionDays: workspaces.trashRetentionDays })
    .from(workspaces)
    .where(eq(workspaces.id, ctx.workspaceId));
  return row!;
}

/** Owners and admins change them; the visibility given is merged role by role into the current one. */
export async function updateRecordSettings(ctx: Ctx, input: UpdateRecordSettingsInput): Promise<RecordSettings> {
  requirePermission(ctx, 'members:manage');
  const data = updateRecordSettingsSchema.parse(input);
  if (!data.recordVisibility && data.trashRetentionDays === undefined) return getRecordSettings(ctx);
  await ctx.db
    .update(workspaces)
    .set({
      ...(data.recordVisibility && { recordVisibility: sql`${workspaces.recordVisibility} || ${JSON.stringify(data.recordVisibility)}::jsonb` }),
      ...(data.trashRetentionDays !== undefined && { trashRetentionDays: data.trashRetentionDays }),
    })
    .where(eq(workspaces.id, ctx.workspaceId));
  return getRecordSettings(ctx);
}
