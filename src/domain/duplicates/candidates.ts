import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { queryRows, type Db } from '../../db/client.js';
import type { RecordType } from '../records/registry.js';
import { canSeeOwner, type Visibility } from '../records/visibility.js';
import { checkKeys } from './blocking.js';
import { prepare, scorePair, type MatchFields, type MatchSettings } from './matcher.js';
import type { Candidate, DuplicateType } from './schema.js';
import { duplicateDismissals } from './table.js';

/** At most this many records are scored per check (blocks on a very common name are cut). */
const lookupLimit = 500;

/** Ids of the records a person said are not `id`'s duplicates. */
async function dismissedWith(db: Db, ctx: Ctx, type: string, id: string): Promise<Set<string>> {
  const t = duplicateDismissals;
  const rows = await db
    .select({ a: t.aId, b: t.bId })
    .from(t)
    .where(and(eq(t.workspaceId, ctx.workspaceId), eq(t.recordType, type), sql`(${t.aId} = ${id} or ${t.bId} = ${id})`));
  return new Set(rows.map((r) => (r.a === id ? r.b : r.a)));
}

/**
 * The records of a type that likely are the one described by `fields` (score ≥ warnAt), strongest
 * first: found by the type's indexed blocking lookups, scored by the matcher. A record the caller may
 * not see is still a candidate (so a duplicate cannot be made by not seeing the original) but is
 * answered hidden: no title, subtitle or reasons' values.
 */
export async function findCandidates(
  db: Db,
  ctx: Ctx,
  type: RecordType,
  fields: MatchFields,
  options: { excludeId?: string; settings: MatchSettings & { blockAt: number; warnAt: number }; visibility: Visibility },
): Promise<Candidate[]> {
  const declaration = type.duplicates;
  if (!declaration) return [];
  const me = prepare(fields);
  const condition = declaration.blocking(checkKeys(me));
  if (!condition) return [];
  const t = type.table;
  const selected = Object.entries(declaration.columns).map(([key, column]) => sql`${column} as ${sql.identifier(key)}`);
  const rows = await queryRows<Record<string, unknown> & { id: string; owner_id: string | null; title: string; subtitle: string | null }>(
    db,
    sql`select ${t.id} as id, ${t.ownerId} as owner_id, ${type.displayName} as title, ${declaration.subtitle} as subtitle, ${sql.join(selected, sql`, `)}
        from ${t}
        where ${and(eq(t.workspaceId, ctx.workspaceId), isNull(t.deletedAt), options.excludeId ? ne(t.id, options.excludeId) : undefined, condition)}
        limit ${lookupLimit}`,
  );
  if (rows.length === 0) return [];
  const dismissed = options.excludeId ? await dismissedWith(db, ctx, type.name, options.excludeId) : new Set<string>();
  const { blockAt, warnAt } = options.settings;
  const candidates: Candidate[] = [];
  for (const row of rows) {
    if (dismissed.has(row.id)) continue;
    const { score, reasons } = scorePair(me, prepare(declaration.fields(row)), options.settings);
    if (score < warnAt) continue;
    const visible = canSeeOwner(options.visibility, row.owner_id);
    candidates.push({
      id: row.id,
      type: type.name as DuplicateType,
      title: visible ? row.title : '',
      subtitle: visible ? row.subtitle : null,
      score,
      level: score >= blockAt ? 'block' : 'warn',
      hidden: !visible,
      reasons: visible ? reasons : reasons.map((r) => ({ ...r, detail: null })),
    });
  }
  return candidates.sort((a, b) => b.score - a.score).slice(0, 20);
}
