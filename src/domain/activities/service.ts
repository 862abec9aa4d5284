import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound, type FieldError } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import { versionSchema } from '../common/schema.js';
import { publishEvent } from '../records/changes.js';
import { visibilityOf, type Visibility } from '../records/visibility.js';
import { findLiveRecords, resolveLinks, type ResolvedLink } from './links.js';
import { loadActivities } from './load.js';
import {
  callOutcomes,
  createActivitySchema,
  kindFields,
  meetingOutcomes,
  updateActivitySchema,
  type Activity,
  type ActivityKind,
  type CreateActivityInput,
  type UpdateActivityInput,
} from './schema.js';
import { activities, activityLinks } from './table.js';

interface KindFieldValues {
  occurredAt?: string | Date;
  direction?: string | null;
  durationSeconds?: number | null;
  outcome?: string | null;
  recordingUrl?: string | null;
  location?: string | null;
  endsAt?: string | Date | null;
}

/** Kind-specific fields only on their kinds, outcomes from the kind's list, a meeting ending after it starts. */
function checkKindFields(kind: ActivityKind, values: KindFieldValues, sent: object) {
  const fields: FieldError[] = [];
  for (const [field, kinds] of Object.entries(kindFields)) {
    const value = values[field as keyof KindFieldValues];
    if (value !== undefined && value !== null && field in sent && !(kinds as readonly string[]).includes(kind)) {
      fields.push({ path: field, message: `A ${kind} has no ${field}` });
    }
  }
  const outcomes: readonly string[] = kind === 'call' ? callOutcomes : meetingOutcomes;
  if (values.outcome && 'outcome' in sent && !outcomes.includes(values.outcome)) {
    fields.push({ path: 'outcome', message: `A ${kind}'s outcome is one of ${outcomes.join(', ')}` });
  }
  if (values.endsAt && values.occurredAt && new Date(values.endsAt) <= new Date(values.occurredAt)) {
    fields.push({ path: 'endsAt', message: 'Must be after occurredAt' });
  }
  if (fields.length) throw new AppError('validation_failed', 'Request is not valid', { fields });
}

/** One outbox event per linked record, so every card, list and timeline showing one of them refreshes. */
async function announce(tx: Db, ctx: Ctx, activityId: string, kind: string, links: readonly ResolvedLink[]) {
  for (const link of links) {
    await publishEvent(tx, { ...ctx, db: tx }, {
      recordType: link.recordType,
      recordId: link.recordId,
      action: 'activity',
      ownerId: link.ownerId,
      payload: { activityId, kind },
    });
  }
}

/** An activity the caller may see: not deleted, and linked to at least one live record they see. */
async function findVisible(ctx: Ctx, visibility: Visibility, id: string): Promise<Activity> {
  const [activity] = await loadActivities(ctx, visibility, [id]);
  if (!activity || activity.links.length === 0) throw notFound('Activity');
  return activity;
}

export async function getActivity(ctx: Ctx, id: string): Promise<Activity> {
  requirePermission(ctx, 'records:read');
  return findVisible(ctx, await visibilityOf(ctx), id);
}

export async function createActivity(ctx: Ctx, input: CreateActivityInput): Promise<Activity> {
  requirePermission(ctx, 'records:write');
  const data = createActivitySchema.parse(input);
  const occurredAt = data.occurredAt ? new Date(data.occurredAt) : new Date();
  checkKindFields(data.kind, { ...data, occurredAt }, data);
  const visibility = await visibilityOf(ctx);
  const id = await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const links = await resolveLinks(txCtx, visibility, data.links);
    const { links: _links, ...fields } = data;
    const [row] = await tx
      .insert(activities)
      .values({
        ...fields,
        occurredAt,
        endsAt: data.endsAt ? new Date(data.endsAt) : null,
        workspaceId: ctx.workspaceId,
        createdBy: ctx.actorUserId,
        apiKeyId: ctx.apiKeyId,
      })
      .returning({ id: activities.id });
    await tx.insert(activityLinks).values(
      links.map((l) => ({ workspaceId: ctx.workspaceId, activityId: row!.id, recordType: l.recordType, recordId: l.recordId, occurredAt, kind: data.kind })),
    );
    await announce(tx, txCtx, row!.id, data.kind, links);
    return row!.id;
  });
  return findVisible(ctx, visibility, id);
}

/** Every record an activity is linked to (visible or not), live ones with their owner. */
async function currentLinks(ctx: Ctx, id: string): Promise<ResolvedLink[]> {
  const rows = await ctx.db
    .select({ recordType: activityLinks.recordType, recordId: activityLinks.recordId })
    .from(activityLinks)
    .where(and(eq(activityLinks.workspaceId, ctx.workspaceId), eq(activityLinks.activityId, id)));
  const live = await findLiveRecords(ctx, rows);
  return rows.map((r) => ({ ...r, name: '', ownerId: live.get(r.recordType)?.get(r.recordId)?.ownerId ?? null }));
}

const refuseSystem = (activity: Activity) => {
  if (activity.kind === 'system') throw new AppError('forbidden', 'System events record a change; they cannot be edited or deleted');
};

const requireVersion = (version: number | undefined): number => {
  if (version !== undefined) return version;
  throw new AppError('validation_failed', 'Send the version you edited (body.version or If-Match)', {
    fields: [{ path: 'version', message: 'Required' }],
  });
};

async function versionConflict(ctx: Ctx, visibility: Visibility, id: string): Promise<never> {
  const current = await findVisible(ctx, visibility, id);
  throw new AppError('version_conflict', 'Someone else changed this activity; reload and try again', {
    currentVersion: current.version,
  });
}

/**
 * Updates an activity if `version` is current. `links`, when sent, replaces the links the caller can
 * see; links to records they may not see stay, so an edit never drops what its author could not know of.
 */
export async function updateActivity(ctx: Ctx, id: string, input: UpdateActivityInput): Promise<Activity> {
  requirePermission(ctx, 'records:write');
  const { version: sentVersion, links: sentLinks, ...data } = updateActivitySchema.parse(input);
  const version = requireVersion(sentVersion);
  const visibility = await visibilityOf(ctx);
  const before = await findVisible(ctx, visibility, id);
  refuseSystem(before);
  const occurredAt = data.occurredAt ? new Date(data.occurredAt) : new Date(before.occurredAt);
  const endsAt = data.endsAt === undefined ? before.endsAt : data.endsAt;
  checkKindFields(before.kind, { ...before, ...data, occurredAt, endsAt }, data);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const updated = await tx
      .update(activities)
      .set({
        ...data,
        occurredAt,
        endsAt: endsAt === null ? null : new Date(endsAt),
        version: sql`${activities.version} + 1`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(activities.workspaceId, ctx.workspaceId), eq(activities.id, id), eq(activities.version, version), isNull(activities.deletedAt)))
      .returning({ id: activities.id });
    if (updated.length === 0) await versionConflict(txCtx, visibility, id);
    const old = await currentLinks(txCtx, id);
    let links = old;
    if (sentLinks) {
      const wanted = await resolveLinks(txCtx, visibility, sentLinks);
      const seen = new Set(before.links.map((l) => `${l.recordType}:${l.recordId}`));
      const hidden = old.filter((l) => !seen.has(`${l.recordType}:${l.recordId}`));
      links = [...hidden, ...wanted.filter((w) => !hidden.some((h) => h.recordType === w.recordType && h.recordId === w.recordId))];
      await tx.delete(activityLinks).where(and(eq(activityLinks.workspaceId, ctx.workspaceId), eq(activityLinks.activityId, id)));
      await tx.insert(activityLinks).values(
        links.map((l) => ({ workspaceId: ctx.workspaceId, activityId: id, recordType: l.recordType, recordId: l.recordId, occurredAt, kind: before.kind })),
      );
    } else if (data.occurredAt) {
      await tx
        .update(activityLinks)
        .set({ occurredAt })
        .where(and(eq(activityLinks.workspaceId, ctx.workspaceId), eq(activityLinks.activityId, id)));
    }
    // The records it left refresh too.
    const removed = old.filter((o) => !links.some((l) => l.recordType === o.recordType && l.recordId === o.recordId));
    await announce(tx, txCtx, id, before.kind, [...links, ...removed]);
  });
  return findVisible(ctx, visibility, id);
}

/** Soft delete: the activity leaves every timeline (its links are removed); with a version, only that version. */
export async function deleteActivity(ctx: Ctx, id: string, options: { version?: number } = {}): Promise<void> {
  requirePermission(ctx, 'records:write');
  const version = versionSchema.optional().parse(options.version);
  const visibility = await visibilityOf(ctx);
  const before = await findVisible(ctx, visibility, id);
  refuseSystem(before);
  await ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    const deleted = await tx
      .update(activities)
      .set({ deletedAt: sql`now()`, version: sql`${activities.version} + 1`, updatedAt: sql`now()` })
      .where(
        and(
          eq(activities.workspaceId, ctx.workspaceId),
          eq(activities.id, id),
          isNull(activities.deletedAt),
          version === undefined ? undefined : eq(activities.version, version),
        ),
      )
      .returning({ id: activities.id });
    if (deleted.length === 0) {
      if (version === undefined) throw notFound('Activity');
      await versionConflict(txCtx, visibility, id);
    }
    const links = await currentLinks(txCtx, id);
    // The row stays (who wrote what, when); its links go, so timelines stay pure index walks.
    await tx.delete(activityLinks).where(and(eq(activityLinks.workspaceId, ctx.workspaceId), eq(activityLinks.activityId, id)));
    await announce(tx, txCtx, id, before.kind, links);
  });
}
