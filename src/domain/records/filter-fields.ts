import { sql, type SQL } from 'drizzle-orm';
import type { CustomField } from '../custom-fields/schema.js';
import type { FilterOp } from './filter-schema.js';
import type { FieldType, RecordType } from './registry.js';

/** A field as filters, sorts and the catalogue see it: built-in or custom, with its SQL. */
export interface ResolvedField {
  /** "stage" or "custom.cf_abc". */
  path: string;
  type: FieldType;
  /** The value as SQL (NULL when empty); typed: numeric, date, timestamptz, text, boolean. */
  expr: SQL;
  /** A built-in select's allowed values. */
  values?: readonly string[];
  custom?: CustomField;
  sortable: boolean;
  nullable: boolean;
}

/** Custom keys are generated (`cf_` + base36); checked again here because they are written into SQL. */
const keyPattern = /^cf_[a-z0-9]{1,24}$/;
export const isCustomKey = (key: string) => keyPattern.test(key);

/** Custom field types whose sorts and range filters get an expression index (see custom-fields/service.ts). */
export const indexedTypes: readonly FieldType[] = ['number', 'money', 'rating', 'date', 'datetime'];

const sortableCustom: readonly FieldType[] = [...indexedTypes, 'text', 'email', 'phone', 'url', 'select', 'boolean'];

/**
 * The SQL of a custom field's value. The key is written as a literal (never a parameter) so that the
 * expression is the very one the field's expression index was built on, and the planner matches it.
 */
export function customValueExpr(type: RecordType, field: Pick<CustomField, 'key' | 'type'>): SQL {
  if (!isCustomKey(field.key)) throw new Error(`Not a custom field key: ${field.key}`);
  const custom = sql`${type.table.custom}`;
  const key = sql.raw(`'${field.key}'`);
  switch (field.type) {
    case 'number':
    case 'rating':
      return sql`((${custom} ->> ${key})::numeric)`;
    case 'money':
      return sql`((${custom} -> ${key} ->> 'amount')::numeric)`;
    case 'date':
      return sql`kesher_date(${custom} ->> ${key})`;
    case 'datetime':
      return sql`kesher_timestamptz(${custom} ->> ${key})`;
    case 'boolean':
      return sql`((${custom} ->> ${key})::boolean)`;
    case 'relation':
      return sql`(${custom} -> ${key} ->> 'id')`;
    case 'multi_select':
      return sql`(${custom} -> ${key})`;
    default:
      return sql`(${custom} ->> ${key})`;
  }
}

const sentinels: Partial<Record<FieldType, SQL>> = {
  number: sql.raw(`'Infinity'::numeric`),
  rating: sql.raw(`'Infinity'::numeric`),
  money: sql.raw(`'Infinity'::numeric`),
  date: sql.raw(`'infinity'::date`),
  datetime: sql.raw(`'infinity'::timestamptz`),
};

/**
 * The indexed sort expression of an indexed custom field: empty values become +infinity, so they sort
 * last ascending and `(expr, id) > (…)` stays a single index range.
 */
export function customSortExpr(type: RecordType, field: Pick<CustomField, 'key' | 'type'>): SQL {
  const sentinel = sentinels[field.type as FieldType];
  if (!sentinel) throw new Error(`No indexed sort for ${field.type}`);
  return sql`coalesce(${customValueExpr(type, field)}, ${sentinel})`;
}

/** Every field of a record type: built-ins, then the given (live) custom fields. */
export function resolveFields(type: RecordType, customFields: readonly CustomField[]): ResolvedField[] {
  const builtins = type.fields.map(
    (f): ResolvedField => ({
      path: f.key,
      type: f.type,
      expr: sql`${f.expression}`,
      values: f.values,
      sortable: f.sortable ?? false,
      nullable: f.nullable ?? false,
    }),
  );
  const custom = customFields
    .filter((f) => !f.archived)
    .map(
      (f): ResolvedField => ({
        path: `custom.${f.key}`,
        type: f.type,
        expr: customValueExpr(type, f),
        custom: f,
        sortable: sortableCustom.includes(f.type),
        nullable: true,
      }),
    );
  return [...builtins, ...custom];
}

const textOps: FilterOp[] = ['eq', 'neq', 'contains', 'starts_with', 'in', 'not_in', 'empty', 'not_empty'];
const numberOps: FilterOp[] = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'between', 'empty', 'not_empty'];
const dateOps: FilterOp[] = ['eq', 'neq', 'before', 'after', 'gt', 'gte', 'lt', 'lte', 'between', 'within_last_days', 'empty', 'not_empty'];

/** Which operators apply to a field of each type. */
export const operatorsByType: Record<FieldType, readonly FilterOp[]> = {
  text: textOps,
  long_text: ['contains', 'empty', 'not_empty'],
  email: textOps,
  phone: textOps,
  url: textOps,
  number: numberOps,
  money: numberOps,
  rating: numberOps,
  date: dateOps,
  datetime: ['before', 'after', 'gt', 'gte', 'lt', 'lte', 'between', 'within_last_days', 'empty', 'not_empty'],
  boolean: ['eq', 'empty', 'not_empty'],
  select: ['eq', 'neq', 'in', 'not_in', 'empty', 'not_empty'],
  multi_select: ['in', 'not_in', 'empty', 'not_empty'],
  relation: ['eq', 'neq', 'in', 'not_in', 'empty', 'not_empty'],
  tags: ['has_tag', 'lacks_tag', 'empty', 'not_empty'],
  member: ['eq', 'neq', 'in', 'not_in', 'empty', 'not_empty', 'owned_by_me', 'owned_by_my_team'],
  uuid: ['eq', 'neq', 'in', 'not_in'],
};
