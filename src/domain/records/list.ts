import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { queryRows } from '../../db/client.js';
import { containsPattern } from '../../db/like.js';
import { rawText, text } from '../common/schema.js';
import { cachedCustomFieldsOf } from '../custom-fields/service.js';
import { normaliseText, queryDigits } from '../search/normalise.js';
import { searchIds } from '../search/service.js';
import { findVisibleView } from '../views/service.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { compileFilter } from './filter.js';
import { operatorsByType, resolveFields, type ResolvedField } from './filter-fields.js';
import { filterParamSchema, filterSchema, sortParamSchema, type FilterNode, type FilterOp } from './filter-schema.js';
import type { RecordItem, RecordType } from './registry.js';
import { afterPosition, orderBy, planSort } from './sort.js';
import { canSeeOwner, visibilityOf, visibleCondition, type Visibility } from './visibility.js';
import { visibleSurvivor } from '../merge/tombstones.js';

export const listRecordsQuerySchema = z.strictObject({
  q: text().max(200).optional().meta({ description: 'Search: a fragment of the name, email or phone (any format)' }),
  filter: filterParamSchema.optional(),
  sort: sortParamSchema.optional(),
  view: z.uuid().optional().meta({ description: "A saved view: its filter AND the given one; the given sort wins over the view's" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: rawText().max(2000).optional().meta({ description: 'nextCursor of the previous page (valid for the same sort)' }),
});

/** What listRecords takes: the query as sent, or as the route parsed it (filter as JSON text or as a tree). */
const listRecordsInputSchema = listRecordsQuerySchema.extend({ filter: z.union([filterSchema, filterParamSchema]).optional() });
export type ListRecordsQuery = z.input<typeof listRecordsInputSchema>;

export interface RecordPage<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** LIKE pattern of a query's fragment on a search_text (normalised, or a phone query's digits). */
export function searchPattern(q: string) {
  return containsPattern(queryDigits(q) ?? normaliseText(q));
}

/** At most this many records match a list's `q` (the engine's best; a narrower search finds the rest). */
export const listSearchCap = 1000;

/** A page position in rank order (a `q` without a sort): the offset into the ranked matches. */
const encodeRankCursor = (offset: number) => Buffer.from(JSON.stringify({ rank: offset })).toString('base64url');
function decodeRankCursor(cursor: string): number {
  try {
    const { rank } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { rank?: unknown };
    if (Number.isInteger(rank) && (rank as number) > 0 && (rank as number) < listSearchCap) return rank as number;
  } catch {
    // not JSON: the error below
  }
  throw new AppError('validation_failed', 'Invalid cursor', {
    fields: [{ path: 'cursor', message: 'Not a cursor this server gave out for this search; start from the first page' }],
  });
}

/** The custom field keys a filter or sort names (`custom.<key>`), so a cached definition list can be checked for them. */
const customKeysIn = (...parts: unknown[]) => [...JSON.stringify(parts).matchAll(/custom\.([A-Za-z0-9_]+)/g)].map((m) => m[1]!);

/** The type's fields with its custom ones, and the paths of archived custom fields (for messages). */
export async function fieldsOf(ctx: Ctx, type: RecordType, withCustom = true, needed: readonly string[] = []) {
  const custom = withCustom ? await cachedCustomFieldsOf(ctx, type.name, needed) : [];
  return {
    fields: resolveFields(type, custom),
    archivedPaths: custom.filter((f) => f.archived).map((f) => `custom.${f.key}`),
  };
}

const live = (ctx: Ctx, type: RecordType) => and(eq(type.table.workspaceId, ctx.workspaceId), isNull(type.table.deletedAt))!;

/**
 * One page of a record type's list: the caller's workspace, live records they may see, the filter
 * (and a saved view's), the search, in the sort's order then id, from a keyset cursor; no COUNT. One
 * query finds the page's ids (on the indexes), then the type's `load` builds their JSON.
 */
export async function listRecords<Item extends RecordItem>(ctx: Ctx, type: RecordType<Item>, query: ListRecordsQuery): Promise<RecordPage<Item>> {
  requirePermission(ctx, 'records:read');
  const { q, filter, sort, view, limit, cursor } = listRecordsInputSchema.parse(query);
  const saved = view ? await findVisibleView(ctx, view, type.name) : undefined;
  const filters = [saved?.filter as FilterNode | null | undefined, filter].filter((f): f is FilterNode => !!f);
  const sortKey = sort ?? saved?.sort ?? type.defaultSort;
  const needed = customKeysIn(filters, sortKey);
  const [{ fields, archivedPaths }, visibility] = await Promise.all([fieldsOf(ctx, type, needed.length > 0, needed), visibilityOf(ctx)]);
  const plan = planSort(type, fields, sortKey);
  const t = type.table;
  const id = sql`${t.id}`;
  const conditions: (SQL | undefined)[] = [live(ctx, type), visibleCondition(visibility, t.ownerId)];
  filters.forEach((f, i) => conditions.push(compileFilter(ctx, type, fields, f, { archivedPaths, path: saved && i === 0 ? 'view.filter' : 'filter' })));
  // `q` runs the search engine: without a sort, the page is in rank order (offset cursor); with one,
  // the engine's best matches (at most listSearchCap) are listed in the sort's order.
  const ranked = !!q && !sort && !saved?.sort;
  const rankOffset = ranked && cursor ? decodeRankCursor(cursor) : 0;
  const searched = q ? await searchIds(ctx, type, q, ranked && filters.length === 0 ? Math.min(listSearchCap, rankOffset + limit + 1) : listSearchCap, visibility) : null;
  if (searched) conditions.push(searched.length ? inArray(t.id, searched) : sql`false`);
  if (ranked && searched) {
    const matching = await queryRows<{ id: string }>(ctx.db, sql`select ${id} as id from ${t} where ${and(...conditions)}`);
    const keep = new Set(matching.map((r) => r.id));
    const ordered = searched.filter((s) => keep.has(s));
    const pageIds = ordered.slice(rankOffset, rankOffset + limit);
    const more = ordered.length > rankOffset + limit;
    return { items: await type.load(ctx, pageIds, visibility), nextCursor: more ? encodeRankCursor(rankOffset + limit) : null };
  }
  if (cursor) {
    const position = decodeCursor(cursor, plan);
    conditions.push(afterPosition(plan, id, position.values, position.id));
  }
  const selected = sql.join(
    plan.parts.map((p, i) => sql`(${p.expr})::text as ${sql.identifier(`s${i}`)}`),
    sql`, `,
  );
  const rows = await queryRows<Record<string, string>>(
    ctx.db,
    sql`select ${id} as id, ${selected} from ${t} where ${and(...conditions)} order by ${orderBy(plan, id)} limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const items = await type.load(ctx, page.map((r) => r.id!), visibility);
  return {
    items,
    nextCursor:
      rows.length > limit && last ? encodeCursor({ s: plan.key, v: plan.parts.map((_, i) => last[`s${i}`]!), id: last.id! }) : null,
  };
}

/**
 * One live record the caller may see, or 404 (deleted, another workspace's, or not visible to them):
 * the loader reads only live records of the caller's workspace, so one query answers.
 */
export async function getRecord<Item extends RecordItem>(ctx: Ctx, type: RecordType<Item>, id: string): Promise<Item> {
  requirePermission(ctx, 'records:read');
  const visibility = await visibilityOf(ctx);
  const [item] = await type.load(ctx, [id], visibility);
  if (item && canSeeOwner(visibility, item.ownerId)) return item;
  throw (await mergedAway(ctx, type, id, visibility)) ?? notFound(type.label);
}

/** A merged-away id answers with a pointer to its survivor (chains followed) when the caller may see it: never a bare 404. */
async function mergedAway(ctx: Ctx, type: RecordType, id: string, visibility: Visibility) {
  const survivorId = await visibleSurvivor(ctx, type.name, id, visibility);
  return survivorId ? new AppError('not_found', `${type.label} was merged into another`, { mergedInto: survivorId }) : undefined;
}

/** A field as the catalogue lists it, for the filter builder and the column picker. */
export function catalogueEntry(field: ResolvedField, operators: readonly FilterOp[]) {
  const c = field.custom;
  return {
    key: field.path,
    ...(c && { labelHe: c.labelHe, labelEn: c.labelEn, config: c.config, required: c.required }),
    type: field.type,
    custom: !!c,
    ...(c && (c.type === 'select' || c.type === 'multi_select') && {
      options: c.options.map((o) => ({ id: o.id, labelHe: o.labelHe, labelEn: o.labelEn, color: o.color, archived: o.archived })),
    }),
    ...(field.values && { values: [...field.values] }),
    sortable: field.sortable,
    operators: [...operators] as FilterOp[],
  };
}

/** Every field of a record type (built-in, then live custom fields in order) with the operators it takes. */
export async function listFieldCatalogue(ctx: Ctx, type: RecordType) {
  requirePermission(ctx, 'records:read');
  const { fields } = await fieldsOf(ctx, type);
  return fields.map((f) => catalogueEntry(f, operatorsByType[f.type]));
}
