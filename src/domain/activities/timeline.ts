import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { queryRows } from '../../db/client.js';
import { contactCompanies, contacts } from '../contacts/table.js';
import { findRecordType } from '../records/registry.js';
import { canSeeOwner, visibilityOf, visibleCondition, type Visibility } from '../records/visibility.js';
import { loadActivities } from './load.js';
import { timelineQuerySchema, type ActivityKind, type TimelinePage, type TimelineQuery } from './schema.js';

/** Keyset position: the last item's occurred_at at full (microsecond) precision and its id. */
const positionSchema = z.tuple([z.iso.datetime({ precision: 6 }), z.uuid()]);
const encodeCursor = (at: string, id: string) => Buffer.from(JSON.stringify([at, id])).toString('base64url');

function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: the error below
  }
  throw new AppError('validation_failed', 'Invalid cursor', {
    fields: [{ path: 'cursor', message: 'Not a cursor this server gave out; start from the first page' }],
  });
}

interface Walk {
  kinds?: ActivityKind[];
  /** Leave system events out (a company shows its people's activities, not their field changes). */
  withoutSystem?: boolean;
  after?: [string, string];
  limit: number;
}

/**
 * One index walk down activity_links_timeline_idx for one record: newest first, from the cursor on, at
 * most `limit` rows, reading the index only (a deleted activity has no links left, see deleteActivity).
 * NULLS LAST as in the index (drizzle writes it so), or PostgreSQL sorts the whole record instead of
 * stopping after `limit`. `recordId` is SQL so it can be a lateral column.
 */
function walk(ctx: Ctx, recordType: string, recordId: SQL, w: Walk): SQL {
  const conditions: SQL[] = [sql`l.workspace_id = ${ctx.workspaceId}`, sql`l.record_type = ${recordType}`, sql`l.record_id = ${recordId}`];
  if (w.kinds?.length) conditions.push(sql`l.kind in (${sql.join(w.kinds.map((k) => sql`${k}`), sql`, `)})`);
  // Literally so, for the partial index activity_links_activities_idx.
  if (w.withoutSystem || (w.kinds?.length && !w.kinds.includes('system'))) conditions.push(sql`l.kind <> 'system'`);
  if (w.after) conditions.push(sql`(l.occurred_at, l.activity_id) < (${w.after[0]}::timestamptz, ${w.after[1]}::uuid)`);
  return sql`select l.activity_id, l.occurred_at from activity_links l
    where ${sql.join(conditions, sql` and `)}
    order by l.occurred_at desc nulls last, l.activity_id desc nulls last limit ${w.limit}`;
}

/**
 * A company's timeline also walks each of its people's (visible, live) timelines: one bounded index
 * walk per record, merged and de-duplicated by UNION (an activity linked to the company and one of its
 * people is one row, as both links carry the same occurred_at).
 */
function companyPeopleWalk(ctx: Ctx, visibility: Visibility, companyId: string, w: Walk): SQL {
  const visible = visibleCondition(visibility, contacts.ownerId);
  return sql`select p.activity_id, p.occurred_at
    from ${contactCompanies} cc
    join ${contacts} on ${contacts.workspaceId} = cc.workspace_id and ${contacts.id} = cc.contact_id and ${contacts.deletedAt} is null
      ${visible ? sql`and ${visible}` : sql``}
    cross join lateral (${walk(ctx, 'contact', sql`cc.contact_id`, { ...w, withoutSystem: true })}) p
    where cc.workspace_id = ${ctx.workspaceId} and cc.company_id = ${companyId}`;
}

/** The SQL of one timeline page (limit + 1 rows), exported for the bench and EXPLAIN. */
export function timelinePageSql(ctx: Ctx, visibility: Visibility, recordType: string, recordId: string, w: Walk): SQL {
  const own = walk(ctx, recordType, sql`${recordId}::uuid`, w);
  if (recordType !== 'company') return own;
  return sql`select activity_id, occurred_at from ((${own}) union (${companyPeopleWalk(ctx, visibility, recordId, w)})) t
    order by occurred_at desc, activity_id desc limit ${w.limit}`;
}

/** A record's timeline: its activities and system events, newest first, in keyset pages, optionally by kind. */
export async function listTimeline(ctx: Ctx, recordType: string, recordId: string, query: TimelineQuery): Promise<TimelinePage> {
  requirePermission(ctx, 'records:read');
  const { kinds, limit, cursor } = timelineQuerySchema.parse({ ...query, kinds: Array.isArray(query.kinds) ? query.kinds.join(',') : query.kinds });
  const type = findRecordType(recordType);
  if (!type) throw notFound('Record type');
  const visibility = await visibilityOf(ctx);
  const t = type.table;
  const [record] = (await ctx.db
    .select({ ownerId: t.ownerId })
    .from(t)
    .where(and(eq(t.workspaceId, ctx.workspaceId), eq(t.id, recordId), isNull(t.deletedAt)))) as { ownerId: string | null }[];
  if (!record || !canSeeOwner(visibility, record.ownerId)) throw notFound(recordType[0]!.toUpperCase() + recordType.slice(1));
  const after = cursor ? decodeCursor(cursor) : undefined;
  const rows = await queryRows<{ activity_id: string; at: string }>(
    ctx.db,
    sql`select activity_id, to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
        from (${timelinePageSql(ctx, visibility, recordType, recordId, { kinds, after, limit: limit + 1 })}) page
        order by occurred_at desc, activity_id desc`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = await loadActivities(ctx, visibility, page.map((r) => r.activity_id));
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.at, last.activity_id) : null };
}
