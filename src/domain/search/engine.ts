/**
 * The search engine (issue 8): one for the header search (GET /api/search) and the lists' `q`, over
 * every registered record type (registry.ts `search`). A query is answered tier by tier — exact word,
 * word prefix, fragment, typo/transliteration — and within a tier records the caller touched recently
 * (their audit entries), then records they own, then the rest they may see. Every tier is a bounded
 * query (LIMIT) over an index whose walk order is acceptable, and the engine stops when the page is
 * full: nothing ranks or sorts the whole match set, so no plan depends on a selectivity guess.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { queryRows } from '../../db/client.js';
import { auditLog } from '../audit/table.js';
import type { RecordType } from '../records/registry.js';
import type { Visibility } from '../records/visibility.js';
import { hebrewPrefixVariants, normaliseText, queryDigits } from './normalise.js';
import type { SearchTier } from './schema.js';
import { searchTerms } from './table.js';
import { tableTransliterations, transliterations } from './transliterate.js';
import { oneEditAway } from './typos.js';

/** A query as the tiers use it. */
export interface SearchPlan {
  /** Normalised words (a phone query: its digits, one word). */
  words: string[];
  /** The whole normalised query, for the fragment tier (at least 3 characters, else null). */
  fragment: string | null;
  phone: boolean;
}

export function planSearch(q: string): SearchPlan {
  const digits = queryDigits(q);
  if (digits) return { words: [digits], fragment: digits.length >= 3 ? digits : null, phone: true };
  const normalised = normaliseText(q);
  const words = normalised ? normalised.split(' ') : [];
  return { words, fragment: normalised.length >= 3 ? normalised : null, phone: false };
}

/** One record found: its best tier, the field that matched and the normalised needles to highlight. */
export interface Hit {
  id: string;
  tier: SearchTier;
  matchedField: string;
  needles: string[];
}

/** Who is searching: visibility, their own id and the records they touched recently, per type. */
export interface Searcher {
  ctx: Ctx;
  visibility: Visibility;
  me: string | null;
  recent: Map<string, string[]>;
}

/** How many recent audit entries of the caller make their "recently touched" set (per search). */
const recentEntries = 60;
/** A multi-word query filters at most this many rows of its driving word per branch. */
const multiWordScan = 2000;
/** Cap of typo and transliteration candidates looked up per word. */
const maxCandidates = 800;

const textArray = (xs: readonly string[]) => (xs.length ? sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]` : sql`array[]::text[]`);
const uuidArray = (xs: readonly string[]) => (xs.length ? sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::uuid[]` : sql`array[]::uuid[]`);

/** The records of each type the caller touched recently (their last audit entries), one query. */
export async function recentlyTouched(ctx: Ctx, typeNames: readonly string[]): Promise<Map<string, string[]>> {
  const recent = new Map<string, string[]>(typeNames.map((t) => [t, []]));
  if (!ctx.actorUserId || typeNames.length === 0) return recent;
  const rows = await queryRows<{ record_type: string; record_id: string }>(
    ctx.db,
    sql`select ${auditLog.recordType} as record_type, ${auditLog.recordId} as record_id from ${auditLog}
        where ${auditLog.workspaceId} = ${ctx.workspaceId} and ${auditLog.actorUserId} = ${ctx.actorUserId}
        order by ${auditLog.id} desc limit ${recentEntries}`,
  );
  for (const r of rows) {
    const ids = recent.get(r.record_type);
    if (ids && !ids.includes(r.record_id)) ids.push(r.record_id);
  }
  return recent;
}

type Sub = 'recent' | 'owned' | 'rest';

/** The subtiers that apply to this caller, in rank order, with the condition on the owner / id columns. */
function subtiers(searcher: Searcher, typeName: string, owner: SQL, id: SQL): { sub: Sub; condition: SQL }[] {
  const { visibility, me } = searcher;
  const visible = visibility.ownerIds === null ? sql`true` : sql`${owner} = any(${uuidArray(visibility.ownerIds)})`;
  const out: { sub: Sub; condition: SQL }[] = [];
  const recent = searcher.recent.get(typeName) ?? [];
  if (recent.length) out.push({ sub: 'recent', condition: sql`${id} = any(${uuidArray(recent)}) and ${visible}` });
  if (me) out.push({ sub: 'owned', condition: sql`${owner} = ${me}` });
  if (visibility.ownerIds === null) out.push({ sub: 'rest', condition: sql`true` });
  else if (!(visibility.ownerIds.length === 1 && visibility.ownerIds[0] === me)) out.push({ sub: 'rest', condition: visible });
  return out;
}

/** A word condition on a search_terms alias: equal, or starting with (a range, so the index is walked in order). */
const wordMatches = (column: SQL, word: SQL, prefix: boolean) =>
  prefix ? sql`${column} >= ${word} and ${column} < ${word} || chr(1114111)` : sql`${column} = ${word}`;

interface TermBranch {
  /** Alternatives of the driving word (any of them matches). */
  drivers: string[];
  prefix: boolean;
  /** The other words of the query: each must be a word of the record (or start one, with othersPrefix). */
  others: string[];
  othersPrefix: boolean;
}

interface Row {
  record_id: string;
  field: string;
  word: string;
  rank: number;
}

/** A terms tier: per subtier and per driving alternative, a bounded walk of an index of search_terms. */
async function termsTier(searcher: Searcher, type: RecordType, branches: TermBranch[], need: number, seen: readonly string[]) {
  const { ctx } = searcher;
  const parts: SQL[] = [];
  const subs = subtiers(searcher, type.name, sql`t.owner_id`, sql`t.record_id`);
  // A record with several matching words comes once per word: fetch a few more than needed.
  const take = need * 2 + 4;
  subs.forEach(({ condition }, subIndex) => {
    for (const branch of branches) {
      if (branch.drivers.length === 0) continue;
      const others = branch.others.map(
        (o) => sql` and exists (select 1 from ${searchTerms} o where o.workspace_id = ${ctx.workspaceId} and o.record_type = ${type.name}
          and o.record_id = t.record_id and ${wordMatches(sql`o.word`, sql`${o}`, branch.othersPrefix)})`,
      );
      const scan = branch.others.length ? multiWordScan : take;
      const order = branch.prefix ? sql`order by t.word, t.record_id` : sql``;
      const inner = sql`select t.record_id, t.field, t.word from ${searchTerms} t
        where t.workspace_id = ${ctx.workspaceId} and t.record_type = ${type.name}
          and ${wordMatches(sql`t.word`, sql`u.w`, branch.prefix)} and ${condition}
          and t.record_id <> all(${uuidArray(seen)}) ${order} limit ${scan}`;
      const filtered = branch.others.length ? sql`select * from (${inner}) t where true${sql.join(others, sql``)} limit ${take}` : inner;
      parts.push(sql`select x.record_id, x.field, x.word, ${subIndex}::int as rank
        from unnest(${textArray(branch.drivers)}) with ordinality as u(w, n) cross join lateral (${filtered}) x`);
    }
  });
  if (parts.length === 0) return [];
  return queryRows<Row>(ctx.db, sql`select * from (${sql.join(parts, sql` union all `)}) r order by rank limit ${take * 2}`);
}

/** The fragment tier: the trigram index of the type's search text, per subtier, bounded. */
async function fragmentTier(searcher: Searcher, type: RecordType, fragment: string, need: number, seen: readonly string[]) {
  const { ctx } = searcher;
  const table = type.table;
  const subs = subtiers(searcher, type.name, sql`${table.ownerId}`, sql`${table.id}`);
  const pattern = `%${fragment}%`;
  const parts = subs.map(
    ({ condition }, subIndex) => sql`(select ${table.id} as record_id, ${type.search.fieldValues} as fields, ${subIndex}::int as rank from ${table}
      where ${table.workspaceId} = ${ctx.workspaceId} and ${table.deletedAt} is null and ${type.searchText} like ${pattern}
        and ${condition} and ${table.id} <> all(${uuidArray(seen)}) limit ${need})`,
  );
  if (parts.length === 0) return [];
  const rows = await queryRows<{ record_id: string; fields: string[] | string; rank: number }>(
    ctx.db,
    sql`select * from (${sql.join(parts, sql` union all `)}) r order by rank`,
  );
  return rows.map((r) => {
    const values = typeof r.fields === 'string' ? parsePgArray(r.fields) : r.fields;
    const at = values.findIndex((v) => v.includes(fragment));
    return { record_id: r.record_id, field: type.search.fields[at] ?? type.search.fields[0] ?? 'name', word: fragment, rank: r.rank };
  });
}

/** A text[] as PostgreSQL writes it ({a,"b c"}), for a driver that does not parse arrays. */
function parsePgArray(text: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|([^,{}]+)/g;
  for (const m of text.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, '$1') : m[2] === 'NULL' ? '' : m[2]!);
  return out;
}

/** The typo and transliteration candidates of a word (not the word itself or its prefix variants). */
function fuzzyCandidates(word: string, plan: SearchPlan): string[] {
  if (plan.phone) return [];
  const own = new Set([word, ...hebrewPrefixVariants(word)]);
  // Through the table both ways too: Isaac → יצחק → Itzhak, יוסף → Joseph → יוסי is not (one step only).
  const pivot = (w: string) => tableTransliterations(w).flatMap((t) => tableTransliterations(t));
  const candidates = [...own].flatMap((w) => [...transliterations(w), ...pivot(w), ...oneEditAway(w)]);
  return [...new Set(candidates)].filter((c) => !own.has(c)).slice(0, maxCandidates);
}

/** The records of one type matching a query, best first, at most `need`, excluding `exclude`. */
export async function searchType(searcher: Searcher, type: RecordType, plan: SearchPlan, need: number): Promise<Hit[]> {
  const hits: Hit[] = [];
  const byId = new Set<string>();
  const add = (rows: { record_id: string; field: string; word: string }[], tier: SearchTier, needles: (word: string) => string[]) => {
    for (const r of rows) {
      if (hits.length >= need) return;
      if (byId.has(r.record_id)) continue;
      byId.add(r.record_id);
      hits.push({ id: r.record_id, tier, matchedField: r.field, needles: needles(r.word) });
    }
  };
  const { words } = plan;
  if (words.length === 0) return hits;
  const variants = (w: string) => [w, ...(plan.phone ? [] : hebrewPrefixVariants(w))];
  const allNeedles = words.flatMap(variants);
  // The longest word drives (its index range); the others are checked on the record's terms.
  const driver = words.reduce((a, b) => (b.length > a.length ? b : a));
  const others = words.filter((_, i) => i !== words.indexOf(driver));
  add(await termsTier(searcher, type, [{ drivers: variants(driver), prefix: false, others, othersPrefix: false }], need, []), 'exact', () => allNeedles);
  if (hits.length < need) {
    const rows = await termsTier(searcher, type, [{ drivers: variants(driver), prefix: true, others, othersPrefix: true }], need, [...byId]);
    add(rows, 'prefix', () => allNeedles);
  }
  if (hits.length < need && plan.fragment) {
    add(await fragmentTier(searcher, type, plan.fragment, need - hits.length, [...byId]), 'fragment', (w) => [w]);
  }
  if (hits.length < need) {
    const branches = words.map((w, i) => ({ drivers: fuzzyCandidates(w, plan), prefix: false, others: words.filter((_, j) => j !== i), othersPrefix: true }));
    add(await termsTier(searcher, type, branches, need - hits.length, [...byId]), 'fuzzy', (w) => [w, ...words]);
  }
  return hits;
}
