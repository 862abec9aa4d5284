import { and, or, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { containsPattern, startsWithPattern } from '../../db/like.js';
import { teamMembers } from '../teams/table.js';
import { customSortExpr, indexedTypes, operatorsByType, type ResolvedField } from './filter-fields.js';
import type { FilterCondition, FilterNode } from './filter-schema.js';
import type { RecordType } from './registry.js';

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', 'The filter is not valid', { fields: [{ path, message }] });

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
// PostgreSQL has no year 0 (a database error, not a 400, before this check).
const validDate = (v: string) => !v.startsWith('0000') && !Number.isNaN(Date.parse(v.slice(0, 10))) && new Date(v.slice(0, 10)).toISOString().startsWith(v.slice(0, 10));

interface Scope {
  type: RecordType;
  fields: Map<string, ResolvedField>;
  archived: Set<string>;
  ctx: Ctx;
}

/**
 * Compiles a filter (already shaped by filterSchema) to a WHERE condition on the record type's table.
 * `fields` are the type's resolved fields (built-in and live custom); `archivedPaths` the custom fields
 * that exist but are archived. Every field, operator and value is checked: a 400 names the path.
 */
export function compileFilter(
  ctx: Ctx,
  type: RecordType,
  fields: readonly ResolvedField[],
  filter: FilterNode,
  options: { path?: string; archivedPaths?: readonly string[] } = {},
): SQL {
  const scope: Scope = { type, ctx, fields: new Map(fields.map((f) => [f.path, f])), archived: new Set(options.archivedPaths ?? []) };
  return compileNode(scope, filter, options.path ?? 'filter');
}

function compileNode(scope: Scope, node: FilterNode, path: string): SQL {
  if ('and' in node) return and(...node.and.map((child, i) => compileNode(scope, child, `${path}.and.${i}`)))!;
  if ('or' in node) return sql`(${or(...node.or.map((child, i) => compileNode(scope, child, `${path}.or.${i}`)))!})`;
  return compileCondition(scope, node, path);
}

function compileCondition(scope: Scope, condition: FilterCondition, path: string): SQL {
  const field = scope.fields.get(condition.field);
  if (!field) {
    const why = scope.archived.has(condition.field) ? 'is archived' : 'is not a field of this record type';
    throw invalid(`${path}.field`, `${condition.field} ${why}`);
  }
  const { op } = condition;
  if (!operatorsByType[field.type].includes(op)) {
    throw invalid(`${path}.op`, `${op} does not apply to ${field.path} (${field.type}); use one of ${operatorsByType[field.type].join(', ')}`);
  }
  const value = valueReader(field, condition, `${path}.value`);
  const e = field.expr;
  const me = scope.ctx.actorUserId;
  switch (op) {
    case 'empty':
      return emptyCondition(field);
    case 'not_empty':
      return sql`not ${emptyCondition(field)}`;
    case 'eq':
      return equals(scope, field, value.one());
    case 'neq':
      return sql`not coalesce(${equals(scope, field, value.one())}, false)`;
    case 'in':
      return sql`(${or(...value.list().map((v) => equals(scope, field, v)))!})`;
    case 'not_in':
      return sql`not coalesce((${or(...value.list().map((v) => equals(scope, field, v)))!}), false)`;
    case 'contains':
      return sql`${e} ilike ${containsPattern(value.text())}`;
    case 'starts_with':
      return sql`${e} ilike ${startsWithPattern(value.text())}`;
    case 'gt':
    case 'after':
      return range(scope, field, '>', value.one());
    case 'gte':
      return range(scope, field, '>=', value.one());
    case 'lt':
    case 'before':
      return range(scope, field, '<', value.one());
    case 'lte':
      return range(scope, field, '<=', value.one());
    case 'between': {
      const [from, to] = value.pair();
      return and(range(scope, field, '>=', from), range(scope, field, '<=', to))!;
    }
    case 'within_last_days': {
      const days = value.days();
      return field.type === 'date'
        ? and(range(scope, field, '>=', sql`current_date - ${days}::int`), range(scope, field, '<=', sql`current_date`))!
        : and(range(scope, field, '>=', sql`now() - ${days}::int * interval '1 day'`), range(scope, field, '<=', sql`now()`))!;
    }
    case 'has_tag':
      return sql`${e} @> array[${value.text()}]::text[]`;
    case 'lacks_tag':
      return sql`not (${e} @> array[${value.text()}]::text[])`;
    case 'owned_by_me':
      value.none();
      return me ? sql`${e} = ${me}` : sql`false`;
    case 'owned_by_my_team':
      value.none();
      return me
        ? sql`(${e} = ${me} or ${e} in (select mate.user_id from ${teamMembers} mine
              join ${teamMembers} mate on mate.workspace_id = mine.workspace_id and mate.team_id = mine.team_id
              where mine.workspace_id = ${scope.ctx.workspaceId} and mine.user_id = ${me}))`
        : sql`false`;
  }
}

function emptyCondition(field: ResolvedField): SQL {
  const e = field.expr;
  switch (field.type) {
    case 'tags':
      return sql`(cardinality(${e}) = 0)`;
    case 'multi_select':
      return sql`(${e} is null or ${e} = '[]'::jsonb)`;
    case 'text':
    case 'long_text':
    case 'email':
    case 'phone':
    case 'url':
      return sql`(${e} is null or ${e} = '')`;
    default:
      return sql`(${e} is null)`;
  }
}

/** Equality in the type's terms; custom selects, multi-selects, booleans and relations as JSONB containment (GIN). */
function equals(scope: Scope, field: ResolvedField, v: Scalar): SQL {
  const custom = field.custom;
  if (custom && (field.type === 'select' || field.type === 'boolean')) {
    return sql`${scope.type.table.custom} @> ${JSON.stringify({ [custom.key]: v })}::jsonb`;
  }
  if (custom && field.type === 'relation') {
    return sql`${scope.type.table.custom} @> ${JSON.stringify({ [custom.key]: { id: v } })}::jsonb`;
  }
  if (custom && field.type === 'multi_select') {
    return sql`${scope.type.table.custom} @> ${JSON.stringify({ [custom.key]: [v] })}::jsonb`;
  }
  switch (field.type) {
    case 'text':
    case 'long_text':
    case 'email':
    case 'url':
      return sql`lower(${field.expr}) = lower(${v})`;
    case 'number':
    case 'money':
    case 'rating':
      return range(scope, field, '=', v);
    case 'date':
      return range(scope, field, '=', v);
    default:
      return sql`${field.expr} = ${v}`;
  }
}

const casts: Partial<Record<string, string>> = { number: 'numeric', money: 'numeric', rating: 'numeric', date: 'date', datetime: 'timestamptz' };

/**
 * A comparison of an ordered field. An indexed custom field is compared through its indexed sort
 * expression (empty = +infinity) bounded below infinity, so the filter is one range of its index.
 */
function range(scope: Scope, field: ResolvedField, op: '>' | '>=' | '<' | '<=' | '=', v: Scalar | SQL): SQL {
  const cast = casts[field.type];
  const bound = typeof v === 'object' ? v : cast ? sql`${v}::${sql.raw(cast)}` : sql`${v}`;
  if (field.custom && indexedTypes.includes(field.type)) {
    const indexed = customSortExpr(scope.type, field.custom);
    const upper = sql`${indexed} < ${sql.raw(`'infinity'::${cast}`)}`;
    return sql`(${indexed} ${sql.raw(op)} ${bound} and ${upper})`;
  }
  return sql`(${field.expr} ${sql.raw(op)} ${bound})`;
}

type Scalar = string | number | boolean;

/** Reads a condition's value as its field and operator need it, or throws a 400 naming `path`. */
function valueReader(field: ResolvedField, condition: FilterCondition, path: string) {
  const fail = (message: string): never => {
    throw invalid(path, `${condition.op} on ${field.path}: ${message}`);
  };
  const v = condition.value;
  const check = (x: Scalar) => checkScalar(field, x, fail);
  return {
    none() {
      if (v !== undefined && v !== null) fail('takes no value');
    },
    text(): string {
      if (typeof v !== 'string' || v === '') return fail('needs a non-empty text');
      return v;
    },
    days(): number {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 36_500) return fail('needs a whole number of days (0 to 36500)');
      return v;
    },
    one(): Scalar {
      if (v === undefined || v === null || Array.isArray(v)) return fail('needs one value');
      return check(v);
    },
    list(): Scalar[] {
      const values = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
      if (values.length === 0) fail('needs a list of values');
      return values.map(check);
    },
    pair(): [Scalar, Scalar] {
      if (!Array.isArray(v) || v.length !== 2) return fail('needs [from, to]');
      return [check(v[0]!), check(v[1]!)];
    },
  };
}

/** A single value fits the field's type (and, for selects, is one of its options). */
function checkScalar(f: ResolvedField, v: Scalar, fail: (message: string) => never): Scalar {
  switch (f.type) {
    case 'number':
    case 'money':
    case 'rating':
      return typeof v === 'number' ? v : fail('needs a number');
    case 'boolean':
      return typeof v === 'boolean' ? v : fail('needs true or false');
    case 'date':
      return typeof v === 'string' && datePattern.test(v) && validDate(v) ? v : fail('needs a date YYYY-MM-DD');
    case 'datetime':
      return typeof v === 'string' && dateTimePattern.test(v) && validDate(v) && !Number.isNaN(Date.parse(v))
        ? v
        : fail('needs an ISO date or date-time');
    case 'member':
    case 'uuid':
    case 'relation':
      return typeof v === 'string' && uuidPattern.test(v) ? v : fail('needs an id (uuid)');
    case 'select':
    case 'multi_select': {
      if (typeof v !== 'string') return fail('needs an option');
      const known = f.custom ? f.custom.options.map((o) => o.id) : (f.values ?? []);
      return known.includes(v) ? v : fail(`${v} is not an option of ${f.path}`);
    }
    default:
      return typeof v === 'string' ? v : fail('needs a text');
  }
}
