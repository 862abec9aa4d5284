import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { queryRows } from '../../db/client.js';
import { findRecordType, recordTypes, type RecordType } from '../records/registry.js';
import { visibilityOf } from '../records/visibility.js';
import { planSearch, recentlyTouched, searchType, type Hit, type SearchPlan, type Searcher } from './engine.js';
import { highlight } from './highlight.js';
import { searchQuerySchema, searchTiers, type SearchItem, type SearchQuery, type SearchResult } from './schema.js';

/** The searchable types a `types` parameter names (all, in registry order, when not given); 400 for an unknown one. */
function typesOf(types: string | undefined): RecordType[] {
  if (!types) return recordTypes();
  const names = [...new Set(types.split(','))];
  const unknown = names.filter((n) => !findRecordType(n));
  if (unknown.length) throw new AppError('bad_request', `Unknown record type: ${unknown.join(', ')}`, { types: unknown });
  return recordTypes().filter((t) => names.includes(t.name));
}

/** Who is searching: their visibility and recently touched records. */
async function searcherOf(ctx: Ctx, types: readonly RecordType[]): Promise<Searcher> {
  const [visibility, recent] = await Promise.all([visibilityOf(ctx), recentlyTouched(ctx, types.map((t) => t.name))]);
  return { ctx, visibility, me: ctx.actorUserId, recent };
}

const tierIndex = (hit: Hit) => searchTiers.indexOf(hit.tier);

/**
 * The hits of each type, best first, at most `need` each; a type with `search.via` also gets the
 * records linked to the other type's hits (contacts of the companies found), ranked after its own
 * hits of the same tier.
 */
export async function searchHits(searcher: Searcher, types: readonly RecordType[], plan: SearchPlan, need: number) {
  const wanted = new Map(types.map((t) => [t.name, t]));
  for (const t of types) {
    const source = t.search.via && findRecordType(t.search.via.type);
    if (source && !wanted.has(source.name)) wanted.set(source.name, source);
  }
  const entries = await Promise.all([...wanted.values()].map(async (t) => [t.name, await searchType(searcher, t, plan, need)] as const));
  const hits = new Map(entries);
  for (const t of types) {
    const via = t.search.via;
    const sources = via && hits.get(via.type);
    if (!via || !sources?.length) continue;
    const linked = await linkedHits(searcher, t, sources, need);
    const own = hits.get(t.name)!;
    const ownIds = new Set(own.map((h) => h.id));
    const merged = [...own.map((h, i) => ({ h, k: [tierIndex(h), 0, i] })), ...linked.filter((h) => !ownIds.has(h.id)).map((h, i) => ({ h, k: [tierIndex(h), 1, i] }))];
    merged.sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]! || a.k[2]! - b.k[2]!);
    hits.set(t.name, merged.slice(0, need).map((m) => m.h));
  }
  return hits;
}

/** Records of `type` linked to the source hits (in their order), live and visible, at most `need` per source. */
async function linkedHits(searcher: Searcher, type: RecordType, sources: readonly Hit[], need: number): Promise<Hit[]> {
  const via = type.search.via!;
  const { ctx, visibility } = searcher;
  const table = type.table;
  const visible = visibility.ownerIds === null ? sql`true` : visibility.ownerIds.length ? inArray(table.ownerId, visibility.ownerIds) : sql`false`;
  // One bounded lateral per source record: its links, live and visible, at most `need`.
  const found = await queryRows<{ id: string; n: string | number }>(
    ctx.db,
    sql`select x.id, s.n from unnest(array[${sql.join(sources.map((h) => sql`${h.id}`), sql`, `)}]::uuid[]) with ordinality as s(source, n)
      cross join lateral (
        select ${table.id} as id from (${via.linkedTo(ctx.workspaceId, sql`s.source`)}) l
        join ${table} on ${table.workspaceId} = ${ctx.workspaceId} and ${table.id} = l.id
        where ${table.deletedAt} is null and ${visible} limit ${need}) x
      order by s.n limit ${need * 4}`,
  );
  const out: Hit[] = [];
  const seen = new Set<string>();
  for (const r of found) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    const source = sources[Number(r.n) - 1]!;
    out.push({ id: r.id, tier: source.tier, matchedField: via.field, needles: source.needles });
  }
  return out;
}

/** Titles and subtitles of hits, with highlights. */
async function itemsOf(ctx: Ctx, type: RecordType, hits: readonly Hit[]): Promise<SearchItem[]> {
  if (hits.length === 0) return [];
  const table = type.table;
  const rows = await queryRows<{ id: string; title: string; subtitle: string | null }>(
    ctx.db,
    sql`select ${table.id} as id, ${type.search.title} as title, ${type.search.subtitle ?? sql`null`} as subtitle from ${table}
        where ${and(eq(table.workspaceId, ctx.workspaceId), inArray(table.id, hits.map((h) => h.id)))}`,
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  return hits.flatMap((h) => {
    const row = byId.get(h.id);
    if (!row) return [];
    const wordStart = h.tier === 'exact' || h.tier === 'prefix' || h.tier === 'fuzzy';
    return [
      {
        id: h.id,
        type: type.name,
        title: row.title,
        subtitle: row.subtitle,
        tier: h.tier,
        matchedField: h.matchedField,
        highlights: { title: highlight(row.title, h.needles, wordStart), subtitle: highlight(row.subtitle, h.needles, wordStart) },
      },
    ];
  });
}

/** GET /api/search: the records of each type matching `q`, best first, grouped in registry order; empty groups left out. */
export async function search(ctx: Ctx, query: SearchQuery): Promise<SearchResult> {
  requirePermission(ctx, 'records:read');
  const { q, types, limit } = searchQuerySchema.parse(query);
  const chosen = typesOf(types);
  const plan = planSearch(q);
  const searcher = await searcherOf(ctx, chosen);
  const hits = await searchHits(searcher, chosen, plan, limit);
  const groups = await Promise.all(
    chosen.map(async (t) => ({ type: t.name, plural: t.plural, items: await itemsOf(ctx, t, hits.get(t.name) ?? []) })),
  );
  return { q, groups: groups.filter((g) => g.items.length > 0) };
}

/** The ids of a type's records matching `q`, best first, at most `need` (the lists' `q`). */
export async function searchIds(ctx: Ctx, type: RecordType, q: string, need: number): Promise<string[]> {
  const plan = planSearch(q);
  const searcher = await searcherOf(ctx, [type]);
  const hits = await searchHits(searcher, [type], plan, need);
  return (hits.get(type.name) ?? []).map((h) => h.id);
}
