import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { requirePrivacyOfficer } from './contact.js';
import { updatePrivacySettingsSchema, type PrivacySettings, type UpdatePrivacySettingsInput } from './schema.js';
import { privacySettings } from './table.js';

const defaults: PrivacySettings = { retentionYears: null, retentionAction: 'anonymise', version: 1 };

/** A workspace's retention settings (defaults when never saved: retention off). */
export async function readPrivacySettings(db: Db, workspaceId: string): Promise<PrivacySettings> {
  const [row] = await db.select().from(privacySettings).where(eq(privacySettings.workspaceId, workspaceId));
  return row ? { retentionYears: row.retentionYears, retentionAction: row.retentionAction as PrivacySettings['retentionAction'], version: row.version } : defaults;
}

/** GET /api/workspace/privacy-settings (owners and admins). */
export async function getPrivacySettings(ctx: Ctx): Promise<PrivacySettings> {
  requirePrivacyOfficer(ctx, 'admins');
  return readPrivacySettings(ctx.db, ctx.workspaceId);
}

/** PUT /api/workspace/privacy-settings: what is sent changes; a stale `version` is a 409. */
export async function updatePrivacySettings(ctx: Ctx, input: UpdatePrivacySettingsInput): Promise<PrivacySettings> {
  requirePrivacyOfficer(ctx, 'admins');
  const { version, ...patch } = updatePrivacySettingsSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    await tx.insert(privacySettings).values({ workspaceId: ctx.workspaceId }).onConflictDoNothing();
    const [row] = await tx.select().from(privacySettings).where(eq(privacySettings.workspaceId, ctx.workspaceId)).for('update');
    if (version !== undefined && row!.version !== version) {
      throw new AppError('version_conflict', 'The privacy settings were changed meanwhile', { currentVersion: row!.version });
    }
    await tx
      .update(privacySettings)
      .set({ ...patch, version: sql`${privacySettings.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(privacySettings.workspaceId, ctx.workspaceId)));
    return readPrivacySettings(tx, ctx.workspaceId);
  });
}
