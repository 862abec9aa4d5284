import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { defaultRules, defaultThresholds, rulesOf, settingsOf } from './defaults.js';
import type { MatchSettings } from './matcher.js';
import { putDuplicateRulesSchema, type DuplicateRules, type DuplicateType, type PutDuplicateRulesInput } from './schema.js';
import { duplicateRules } from './table.js';

/** The rules in force for a type: the workspace's row, or the defaults (version 0) when it has none. */
export async function getDuplicateRules(ctx: Ctx, type: DuplicateType): Promise<DuplicateRules> {
  requirePermission(ctx, 'records:read');
  const [row] = await ctx.db
    .select()
    .from(duplicateRules)
    .where(and(eq(duplicateRules.workspaceId, ctx.workspaceId), eq(duplicateRules.recordType, type)));
  if (!row) return { type, rules: defaultRules(type), ...defaultThresholds, version: 0 };
  // A rule added to the type after the row was written joins with its default weight.
  const known = new Map(row.rules.map((r) => [r.rule, r]));
  const rules = defaultRules(type).map((d) => known.get(d.rule) ?? d);
  return { type, rules, blockAt: row.blockAt, warnAt: row.warnAt, version: row.version };
}

export async function matchSettingsOf(ctx: Ctx, type: DuplicateType): Promise<MatchSettings & { blockAt: number; warnAt: number }> {
  const rules = await getDuplicateRules(ctx, type);
  return { ...settingsOf(rules.rules), blockAt: rules.blockAt, warnAt: rules.warnAt };
}

/** Replaces a type's rules (admins); `version` is the one read (0 for the defaults), a stale one is a 409. */
export async function putDuplicateRules(ctx: Ctx, type: DuplicateType, input: PutDuplicateRulesInput): Promise<DuplicateRules> {
  requirePermission(ctx, 'fields:manage');
  const body = putDuplicateRulesSchema.parse(input);
  const allowed = new Set(rulesOf[type]);
  const wrong = body.rules.findIndex((r) => !allowed.has(r.rule));
  if (wrong >= 0) {
    throw new AppError('validation_failed', 'Request is not valid', { fields: [{ path: `rules.${wrong}.rule`, message: `Not a rule of ${type}` }] });
  }
  const given = new Map(body.rules.map((r) => [r.rule, r]));
  const rules = defaultRules(type).map((d) => given.get(d.rule) ?? d);
  const values = { rules, blockAt: body.blockAt, warnAt: body.warnAt, updatedBy: ctx.actorUserId, updatedAt: new Date() };
  const t = duplicateRules;
  const saved =
    body.version === 0
      ? await ctx.db.insert(t).values({ workspaceId: ctx.workspaceId, recordType: type, ...values, version: 1 }).onConflictDoNothing().returning()
      : await ctx.db
          .update(t)
          .set({ ...values, version: sql`${t.version} + 1` })
          .where(and(eq(t.workspaceId, ctx.workspaceId), eq(t.recordType, type), eq(t.version, body.version)))
          .returning();
  if (saved.length === 0) {
    const current = await getDuplicateRules(ctx, type);
    throw new AppError('version_conflict', 'Someone else changed these rules; reload and try again', { currentVersion: current.version });
  }
  return getDuplicateRules(ctx, type);
}
