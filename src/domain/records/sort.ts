import { sql, type SQL } from 'drizzle-orm';
import { AppError } from '../../core/errors.js';
import { customSortExpr, indexedTypes, type ResolvedField } from './filter-fields.js';
import type { RecordType } from './registry.js';

/** The SQL type a sort part's cursor value is cast back to. */
export type PartCast = 'text' | 'numeric' | 'int' | 'boolean' | 'date' | 'timestamptz';

/**
 * A list order: one field, then the id. Each part is NOT NULL (empty values are mapped to a sentinel
 * or to an "is empty" flag first), so `(parts…, id) > (cursor…)` is exact and, on an indexed field, one
 * index range. Empty values sort last ascending and first descending, as PostgreSQL does.
 */
export interface SortPlan {
  /** Canonical sort string ("name", "-custom.cf_abc"); a cursor is valid only for the same one. */
  key: string;
  desc: boolean;
  parts: { expr: SQL; cast: PartCast }[];
}

const invalid = (message: string) => new AppError('validation_failed', 'The sort is not valid', { fields: [{ path: 'sort', message }] });

export function planSort(type: RecordType, fields: readonly ResolvedField[], sort: string): SortPlan {
  const desc = sort.startsWith('-');
  const path = desc ? sort.slice(1) : sort;
  const field = fields.find((f) => f.path === path);
  if (!field) throw invalid(`${path} is not a field of ${type.plural}`);
  if (!field.sortable) throw invalid(`${path} (${field.type}) cannot be sorted`);
  return { key: sort, desc, parts: sortParts(type, field) };
}

const orderOf = (values: readonly string[], e: SQL) =>
  sql`coalesce(array_position(array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[], ${e}), 2147483647)`;

function sortParts(type: RecordType, field: ResolvedField): SortPlan['parts'] {
  const e = field.expr;
  if (field.custom && indexedTypes.includes(field.type)) {
    const cast: PartCast = field.type === 'date' ? 'date' : field.type === 'datetime' ? 'timestamptz' : 'numeric';
    return [{ expr: customSortExpr(type, field.custom), cast }];
  }
  switch (field.type) {
    case 'select': {
      // In the options' order (the stage funnel, the admin's order), not alphabetically.
      const values = field.custom ? [...field.custom.options].sort((a, b) => a.position - b.position).map((o) => o.id) : (field.values ?? []);
      return [{ expr: orderOf(values, e), cast: 'int' }];
    }
    case 'boolean':
      return [{ expr: sql`coalesce((${e})::int, 2)`, cast: 'int' }];
    case 'date':
      return [{ expr: field.nullable ? sql`coalesce(${e}, 'infinity'::date)` : e, cast: 'date' }];
    case 'datetime':
      return [{ expr: field.nullable ? sql`coalesce(${e}, 'infinity'::timestamptz)` : e, cast: 'timestamptz' }];
    case 'number':
    case 'money':
    case 'rating':
      return [{ expr: sql`coalesce(${e}, 'Infinity'::numeric)`, cast: 'numeric' }];
    default:
      return field.nullable
        ? [
            { expr: sql`(${e} is null)`, cast: 'boolean' },
            { expr: sql`coalesce(${e}, '')`, cast: 'text' },
          ]
        : [{ expr: e, cast: 'text' }];
  }
}

/** ORDER BY of a plan: every part, then the id, in the plan's direction. */
export function orderBy(plan: SortPlan, id: SQL): SQL {
  const dir = sql.raw(plan.desc ? 'desc' : 'asc');
  return sql.join([...plan.parts.map((p) => sql`${p.expr} ${dir}`), sql`${id} ${dir}`], sql`, `);
}

/** The keyset condition: rows strictly after the cursor's position in the plan's order. */
export function afterPosition(plan: SortPlan, id: SQL, values: readonly string[], lastId: string): SQL {
  const left = sql.join([...plan.parts.map((p) => p.expr), id], sql`, `);
  const right = sql.join([...plan.parts.map((p, i) => sql`${values[i]}::${sql.raw(p.cast)}`), sql`${lastId}::uuid`], sql`, `);
  return sql`(${left}) ${sql.raw(plan.desc ? '<' : '>')} (${right})`;
}
