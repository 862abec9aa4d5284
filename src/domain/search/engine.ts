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
/** A multi-word query filters at most this many rows of its driving word per branch. */
const multiWordScan = 2000;
/** Cap of typo and transliteration candidates looked up per word. */
const maxCandidates = 800;

const textArray = (xs: readonly string[]) => (xs.length ? sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]` : sql`array[]::text[]`);
const uuidArray = (xs: readonly string[]) => (xs.length ? sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::uuid[]` : sql`array[]::uuid[]`);

/** The records of a type the caller touched recently: those of their last audit entries (a bounded walk of audit_log_actor_idx). */
const recentlyTouched = (ctx: Ctx, me: string, typeName: string) =>
  sql`(select a.record_id from ${auditLog} a where a.workspace_id = ${ctx.workspaceId} and a.actor_user_id = ${me}
    and a.record_type = ${typeName} order by a.id desc limit ${recentEntries})`;

type Sub = 'recent' | 'owned' | 'rest';

/** The subtiers that apply to this caller, in rank order, with the condition on the owner / id columns. */
function subtiers(searcher: Searcher, typeName: string, owner: SQL, id: SQL): { sub: Sub; condition: SQL }[] {
  const { visibility, me } = searcher;
  const visible = visibility.ownerIds === null ? sql`true` : sql`${owner} = any(${uuidArray(visibility.ownerIds)})`;
  const out: { sub: Sub; condition: SQL }[] = [];
  if (me) out.push({ sub: 'recent', condition: sql`${id} in ${recentlyTouched(searcher.ctx, me, typeName)} and ${visible}` });
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
  title: string;
  subtitle: string | null;
}

/** The bounded walk of search_terms for one branch: per driving alternative (a lateral), LIMIT `take`. */
function termsBranch(ctx: Ctx, typeName: string, branch: TermBranch, condition: SQL, take: number) {
  const others = branch.others.map(
    (o) => sql` and exists (select 1 from ${searchTerms} o where o.workspace_id = ${ctx.workspaceId} and o.record_type = ${typeName}
      and o.record_id = t.record_id and ${wordMatches(sql`o.word`, sql`${o}`, branch.othersPrefix)})`,
  );
  const scan = branch.others.length ? multiWordScan : take;
  const order = branch.prefix ? sql`order by t.word, t.record_id` : sql``;
  const inner = sql`select t.record_id, t.field, t.word from ${searchTerms} t
    where t.workspace_id = ${ctx.workspaceId} and t.record_type = ${typeName}
      and ${wordMatches(sql`t.word`, sql`u.w`, branch.prefix)} and ${condition} ${order} limit ${scan}`;
  const filtered = branch.others.length ? sql`select * from (${inner}) t where true${sql.join(others, sql``)} limit ${take}` : inner;
  return sql`select x.record_id, x.field, x.word from unnest(${textArray(branch.drivers)}) as u(w) cross join lateral (${filtered}) x limit ${take}`;
}

/**
 * The terms tiers in one statement: per tier, subtier and driving alternative, a bounded walk of an
 * index of search_terms, ranked tier then subtier; a type with `search.via` also gets, after its own
 * subtiers of each tier, the records linked to the other type's matches (bounded per match). The
 * records' titles come with them (a primary-key join on the few rows found).
 */
async function termsQuery(searcher: Searcher, type: RecordType, tiers: { tier: number; branches: TermBranch[] }[], need: number) {
  const { ctx, visibility } = searcher;
  const table = type.table;
  const parts: SQL[] = [];
  const subs = subtiers(searcher, type.name, sql`t.owner_id`, sql`t.record_id`);
  // A record with several matching words comes once per word: fetch a few more than needed.
  const take = need * 2 + 4;
  const via = type.search.via;
  const visible = visibility.ownerIds === null ? sql`true` : sql`${table.ownerId} = any(${uuidArray(visibility.ownerIds)})`;
  for (const { tier, branches } of tiers) {
    for (const branch of branches.filter((b) => b.drivers.length > 0)) {
      subs.forEach(({ condition }, subIndex) => {
        parts.push(sql`(select record_id, field, word, ${tier * 10 + subIndex}::int as rank from (${termsBranch(ctx, type.name, branch, condition, take)}) b)`);
      });
      if (via && branch.others.length === 0) {
        parts.push(sql`(select v.id as record_id, ${via.field}::text as field, s.word, ${tier * 10 + 5}::int as rank
          from (${termsBranch(ctx, via.type, branch, sql`true`, take)}) s
          cross join lateral (select ${table.id} as id from (${via.linkedTo(ctx.workspaceId, sql`s.record_id`)}) l
            join ${table} on ${table.workspaceId} = ${ctx.workspaceId} and ${table.id} = l.id
            where ${table.deletedAt} is null and ${visible} limit ${take}) v limit ${take})`);
      }
    }
  }
  if (parts.length === 0) return [];
  return queryRows<Row>(
    ctx.db,
    sql`select r.record_id, r.field, r.word, r.rank, ${type.search.title} as title, ${type.search.subtitle ?? sql`null`} as subtitle
      from (${sql.join(parts, sql` union all `)}) r join ${table} on ${table.workspaceId} = ${ctx.workspaceId} and ${table.id} = r.record_id
      order by r.rank`,
  );
}

/** The fragment tier: the trigram index of the type's search text, per subtier, bounded. */
async function fragmentTier(searcher: Searcher, type: RecordType, fragment: string, need: number, seen: readonly string[]) {
  const { ctx } = searcher;
  const table = type.table;
  const subs = subtiers(searcher, type.name, sql`${table.ownerId}`, sql`${table.id}`);
  const pattern = `%${fragment}%`;
  const parts = subs.map(
    ({ condition }, subIndex) => sql`(select ${table.id} as record_id, ${type.search.fieldValues} as fields, ${subIndex}::int as rank,
      ${type.search.title} as title, ${type.search.subtitle ?? sql`null`} as subtitle from ${table}
      where ${table.workspaceId} = ${ctx.workspaceId} and ${table.deletedAt} is null and ${type.searchText} like ${pattern}
        and ${condition} and ${table.id} <> all(${uuidArray(seen)}) limit ${need})`,
  );
  if (parts.length === 0) return [];
  const rows = await queryRows<{ record_id: string; fields: string[] | string; rank: number; title: string; subtitle: string | null }>(
    ctx.db,
    sql`select * from (${sql.join(parts, sql` union all `)}) r order by rank`,
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
  // Exact, prefix and typo/transliteration in one statement (each bounded); the fragment tier, the
  // only one that reads the record table, runs only when they leave the page short.
  const rows = await termsQuery(
    searcher,
    type,
    [
      { tier: 0, branches: [{ drivers: variants(driver), prefix: false, others, othersPrefix: false }] },
      { tier: 1, branches: [{ drivers: variants(driver), prefix: true, others, othersPrefix: true }] },
      { tier: 3, branches: words.map((w, i) => ({ drivers: fuzzyCandidates(w, plan), prefix: false, others: words.filter((_, j) => j !== i), othersPrefix: true })) },
    ],
    need,
  );
  add(rows.filter((r) => r.rank < 10), 'exact', () => allNeedles);
  add(rows.filter((r) => r.rank >= 10 && r.rank < 20), 'prefix', () => allNeedles);
  if (hits.length < need && plan.fragment) {
    add(await fragmentTier(searcher, type, plan.fragment, need - hits.length, [...byId]), 'fragment', (w) => [w]);
  }
  add(rows.filter((r) => r.rank >= 30), 'fuzzy', (w) => [w, ...words]);
  return hits;
}
