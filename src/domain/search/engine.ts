/**
 * The search engine (issue 8): one for the header search (GET /api/search) and the lists' `q`, over
 * every registered record type (registry.ts `search`). A query is answered tier by tier — exact word,
 * word prefix, fragment, typo/transliteration — and within a tier records the caller touched recently
 * (their audit entries), then records they own, then the rest they may see. Every tier is a bounded
 * query (LIMIT) over an index whose walk order is acceptable, and the engine stops when the page is
 * full: nothing ranks or sorts the whole match set, so no plan depends on a selectivity guess.
 */
import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { queryRows } from '../../db/client.js';
import { auditLog } from '../audit/table.js';
import type { RecordType } from '../records/registry.js';
import { visibleCondition, type Visibility } from '../records/visibility.js';
import { hebrewPrefixVariants, normaliseText, queryDigits } from './normalise.js';
import type { SearchTier } from './schema.js';
import { tableTransliterations, transliterations } from './transliterate.js';
import { searchTerms } from './table.js';
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
  title: string;
  subtitle: string | null;
}

/** Who is searching: their visibility and their own id (what they own and touched ranks first). */
export interface Searcher {
  ctx: Ctx;
  visibility: Visibility;
  me: string | null;
}

/** How many recent audit entries of the caller make their "recently touched" set (per search). */
const recentEntries = 60;
/** Cap of typo and transliteration candidates looked up per word. */
const maxCandidates = 800;

const textArray = (xs: readonly string[]) => (xs.length ? sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]` : sql`array[]::text[]`);
const uuidArray = (xs: readonly string[]) => (xs.length ? sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::uuid[]` : sql`array[]::uuid[]`);

/** The records of a type the caller touched recently: those of their last audit entries (a bounded walk of audit_log_actor_idx). */
const recentlyTouched = (ctx: Ctx, me: string, typeName: string) =>
  sql`(select a.record_id from ${auditLog} a where a.workspace_id = ${ctx.workspaceId} and a.actor_user_id = ${me}
    and a.record_type = ${typeName} order by a.id desc limit ${recentEntries})`;

/** How many trigram matches the fragment tier reads at most before ranking them (owned first). */
const fragmentScan = 2000;

interface Row {
  record_id: string;
  field: string;
  word: string;
  rank: number;
  title: string;
  subtitle: string | null;
}

/** The words each terms tier looks up (migration 0008, kesher_search_terms). */
interface TermTiers {
  exact: string[];
  prefixes: string[];
  /** Typo and transliteration candidates: only those that are some record's word are walked. */
  fuzzy: string[];
  /** The query's other words: each must start a word of the record (`a|b`: in one of these spellings). */
  others: string[];
}

/**
 * The terms tiers of one type in one statement: kesher_search_terms walks search_terms' indexes in
 * PL/pgSQL (plans kept per session), bounded per tier, subtier and word; a type with `search.via` also
 * gets, after its own subtiers of each tier, the records linked to the other type's matches (bounded
 * per match). The records' titles come with them (a primary-key join on the few rows found).
 */
async function termsQuery(searcher: Searcher, type: RecordType, words: TermTiers, need: number) {
  const { ctx, visibility, me } = searcher;
  const table = type.table;
  // A record with several matching words comes once per word: fetch a few more than needed.
  const take = need * 2 + 4;
  const owners = visibility.ownerIds === null ? sql`null::uuid[]` : uuidArray(visibility.ownerIds);
  // The fuzzy candidates (~300 spellings one edit away) are narrowed to the words that exist, in the
  // same statement (one round trip), once for both the type and the type it is also found through.
  const types = [type.name, ...(type.search.via ? [type.search.via.type] : [])];
  const existing = words.fuzzy.length
    ? sql`with fuzzy as materialized (select array(select w from unnest(${textArray(words.fuzzy)}) as u(w) where ${sql.join(
        types.map((t) => sql`exists (select 1 from ${searchTerms} t where t.workspace_id = ${ctx.workspaceId} and t.record_type = ${t} and t.word = u.w)`),
        sql` or `,
      )}) as words) `
    : sql``;
  const fuzzy = words.fuzzy.length ? sql`(select words from fuzzy)` : textArray([]);
  const lists = sql`${textArray(words.exact)}, ${textArray(words.prefixes)}, ${fuzzy}`;
  const parts = [
    sql`select * from kesher_search_terms(${ctx.workspaceId}::uuid, ${type.name}, ${me}::uuid, ${owners}, ${lists}, ${textArray(words.others)}, ${take}::int)`,
  ];
  const via = type.search.via;
  if (via && words.others.length === 0) {
    const visible = visibleCondition(visibility, table.ownerId) ?? sql`true`;
    parts.push(sql`select v.id as record_id, ${via.field}::text as field, s.word, s.rank + 3 as rank
      from kesher_search_terms(${ctx.workspaceId}::uuid, ${via.type}, null::uuid, null::uuid[], ${lists}, array[]::text[], ${take}::int) s
      cross join lateral (select ${table.id} as id from (${via.linkedTo(ctx.workspaceId, sql`s.record_id`)}) l
        join ${table} on ${table.workspaceId} = ${ctx.workspaceId} and ${table.id} = l.id
        where ${table.deletedAt} is null and ${visible} limit ${take}) v`);
  }
  return queryRows<Row>(
    ctx.db,
    sql`${existing}select r.record_id, r.field, r.word, r.rank, ${type.search.title} as title, ${type.search.subtitle ?? sql`null`} as subtitle
      from (${sql.join(parts, sql` union all `)}) r join ${table} on ${table.workspaceId} = ${ctx.workspaceId} and ${table.id} = r.record_id
      order by r.rank`,
  );
}

/**
 * The fragment tier: the trigram index of the type's search text, read once. The records the caller
 * touched recently come first (a walk of their audit entries, not of the index); then the first
 * `fragmentScan` matches they may see, owned first. One bitmap pass: each pass rechecks every heap
 * row the trigrams point at, which is the cost of a fragment ("cohn" → 3,000 rows holding coh and ohn).
 */
async function fragmentTier(searcher: Searcher, type: RecordType, fragment: string, need: number, seen: readonly string[]) {
  const { ctx, visibility, me } = searcher;
  const table = type.table;
  const visible = visibleCondition(visibility, table.ownerId) ?? sql`true`;
  const pattern = `%${fragment}%`;
  const matching = sql`${table.workspaceId} = ${ctx.workspaceId} and ${table.deletedAt} is null and ${type.searchText} like ${pattern}
    and ${visible} and ${table.id} <> all(${uuidArray(seen)})`;
  const recent = me ? recentlyTouched(ctx, me, type.name) : null;
  // Ranked on ids and owners alone; the fields and titles are computed for the page only.
  const parts = [
    sql`(select record_id, rank from (select ${table.id} as record_id, case when ${table.ownerId} = ${me}::uuid then 1 else 2 end as rank
      from ${table} where ${matching} ${recent ? sql`and ${table.id} not in ${recent}` : sql``} limit ${fragmentScan}) m
      order by rank limit ${need})`,
  ];
  if (recent) parts.unshift(sql`(select ${table.id} as record_id, 0 as rank from ${table} where ${matching} and ${table.id} in ${recent} limit ${need})`);
  const rows = await queryRows<{ record_id: string; fields: string[] | string; rank: number; title: string; subtitle: string | null }>(
    ctx.db,
    sql`select r.record_id, ${type.search.fieldValues} as fields, r.rank, ${type.search.title} as title, ${type.search.subtitle ?? sql`null`} as subtitle
      from (${sql.join(parts, sql` union all `)}) r join ${table} on ${table.workspaceId} = ${ctx.workspaceId} and ${table.id} = r.record_id
      order by r.rank`,
  );
  return rows.map((r) => {
    const values = typeof r.fields === 'string' ? parsePgArray(r.fields) : r.fields;
    const at = values.findIndex((v) => v.includes(fragment));
    const field = type.search.fields[at] ?? type.search.fields[0] ?? 'name';
    return { record_id: r.record_id, field, word: fragment, rank: r.rank, title: r.title, subtitle: r.subtitle };
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

/** How many words of a query take a turn as the fuzzy tier's driver. */
const maxFuzzyDrivers = 3;

/** A word as the other words of a fuzzy match may appear on the record: as typed, without a prefix letter, transliterated. */
function spellings(word: string, plan: SearchPlan): string[] {
  if (plan.phone) return [word];
  return [...new Set([word, ...hebrewPrefixVariants(word), ...transliterations(word)])].slice(0, 12);
}

/** The records of one type matching a query, best first, at most `need`, excluding `exclude`. */
export async function searchType(searcher: Searcher, type: RecordType, plan: SearchPlan, need: number): Promise<Hit[]> {
  const hits: Hit[] = [];
  const byId = new Set<string>();
  const add = (rows: Row[], tier: SearchTier, needles: (word: string) => string[]) => {
    for (const r of rows) {
      if (hits.length >= need) return;
      if (byId.has(r.record_id)) continue;
      byId.add(r.record_id);
      hits.push({ id: r.record_id, tier, matchedField: r.field, needles: needles(r.word), title: r.title, subtitle: r.subtitle });
    }
  };
  const { words } = plan;
  if (words.length === 0) return hits;
  const variants = (w: string) => [w, ...(plan.phone ? [] : hebrewPrefixVariants(w))];
  const allNeedles = words.flatMap(variants);
  // The longest word drives (its index range); the others are checked on the record's terms.
  const driver = words.reduce((a, b) => (b.length > a.length ? b : a));
  const others = words.filter((_, i) => i !== words.indexOf(driver));
  // Exact and prefix in one statement (each bounded); the fragment and typo/transliteration tiers
  // run only when they leave the page short (a common input fills it at once).
  const rows = await termsQuery(searcher, type, { exact: variants(driver), prefixes: variants(driver), fuzzy: [], others }, need);
  add(rows.filter((r) => r.rank < 10), 'exact', () => allNeedles);
  add(rows.filter((r) => r.rank >= 10), 'prefix', () => allNeedles);
  if (hits.length >= need) return hits;
  // Short: the fragment tier, then, if still short, typo/transliteration. One after the other, as
  // the ranking reads them: a fragment that fills the page spares the fuzzy tier's hundreds of probes
  // (PGlite runs one statement at a time, and PostgreSQL has its cores for other requests).
  if (plan.fragment) add(await fragmentTier(searcher, type, plan.fragment, need - hits.length, [...byId]), 'fragment', (w) => [w]);
  if (hits.length >= need) return hits;
  // Each word in turn (longest first) may carry the query's typo or be in the other script; the
  // other words must then start a word of the record as typed or in another spelling ("Moshe Levi"
  // finds משה לוי, "Yossi Cohne" finds Yossi Cohen).
  const drivers = [...words].sort((a, b) => b.length - a.length).slice(0, maxFuzzyDrivers);
  for (const fuzzyDriver of drivers) {
    const fuzzy = fuzzyCandidates(fuzzyDriver, plan);
    if (fuzzy.length === 0) continue;
    const rest = words.filter((_, i) => i !== words.indexOf(fuzzyDriver)).map((w) => spellings(w, plan));
    const rows = await termsQuery(searcher, type, { exact: [], prefixes: [], fuzzy, others: rest.map((alternatives) => alternatives.join('|')) }, need);
    add(rows, 'fuzzy', (w) => [w, ...words, ...rest.flat()]);
    if (hits.length >= need) break;
  }
  return hits;
}
