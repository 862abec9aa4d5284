import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { findRecordType, recordTypes, type RecordType } from '../records/registry.js';
import { visibilityOf, type Visibility } from '../records/visibility.js';
import { planSearch, searchType, type Hit, type SearchPlan, type Searcher } from './engine.js';
import { highlight } from './highlight.js';
import { searchQuerySchema, type SearchItem, type SearchQuery, type SearchResult } from './schema.js';

/** The searchable types a `types` parameter names (all, in registry order, when not given); 400 for an unknown one. */
function typesOf(types: string | undefined): RecordType[] {
  if (!types) return recordTypes();
  const names = [...new Set(types.split(','))];
  const unknown = names.filter((n) => !findRecordType(n));
  if (unknown.length) throw new AppError('bad_request', `Unknown record type: ${unknown.join(', ')}`, { types: unknown });
  return recordTypes().filter((t) => names.includes(t.name));
}

/** Who is searching: their visibility (no query for owners and admins). */
async function searcherOf(ctx: Ctx): Promise<Searcher> {
  return { ctx, visibility: await visibilityOf(ctx), me: ctx.actorUserId };
}

/** The hits of each type, best first, at most `need` each (the types searched in parallel). */
export async function searchHits(searcher: Searcher, types: readonly RecordType[], plan: SearchPlan, need: number) {
  return new Map(await Promise.all(types.map(async (t) => [t.name, await searchType(searcher, t, plan, need)] as const)));
}

/** A hit as the API answers it, with its highlights. */
function itemOf(type: RecordType, h: Hit): SearchItem {
  const wordStart = h.tier !== 'fragment';
  return {
    id: h.id,
    type: type.name,
    title: h.title,
    subtitle: h.subtitle,
    tier: h.tier,
    matchedField: h.matchedField,
    highlights: { title: highlight(h.title, h.needles, wordStart), subtitle: highlight(h.subtitle, h.needles, wordStart) },
  };
}

/** GET /api/search: the records of each type matching `q`, best first, grouped in registry order; empty groups left out. */
export async function search(ctx: Ctx, query: SearchQuery): Promise<SearchResult> {
  requirePermission(ctx, 'records:read');
  const { q, types, limit } = searchQuerySchema.parse(query);
  const chosen = typesOf(types);
  const plan = planSearch(q);
  const searcher = await searcherOf(ctx);
  const hits = await searchHits(searcher, chosen, plan, limit);
  const groups = chosen.map((t) => ({ type: t.name, plural: t.plural, items: (hits.get(t.name) ?? []).map((h) => itemOf(t, h)) }));
  return { q, groups: groups.filter((g) => g.items.length > 0) };
}

/** The ids of a type's records matching `q`, best first, at most `need` (the lists' `q`, which has read the caller's visibility already). */
export async function searchIds(ctx: Ctx, type: RecordType, q: string, need: number, visibility: Visibility): Promise<string[]> {
  const plan = planSearch(q);
  const searcher: Searcher = { ctx, visibility, me: ctx.actorUserId };
  const hits = await searchHits(searcher, [type], plan, need);
  return (hits.get(type.name) ?? []).map((h) => h.id);
}
