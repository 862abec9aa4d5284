import { z } from 'zod';
import { rawText, text } from '../common/schema.js';

/** Operators of the filter language; which apply to a field depends on its type (records/filter-fields.ts). */
export const filterOps = [
  'eq',
  'neq',
  'contains',
  'starts_with',
  'empty',
  'not_empty',
  'in',
  'not_in',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'before',
  'after',
  'within_last_days',
  'has_tag',
  'lacks_tag',
  'owned_by_me',
  'owned_by_my_team',
] as const;
export type FilterOp = (typeof filterOps)[number];

export const filterLimits = { depth: 5, conditions: 50, listValues: 100, textLength: 500 } as const;

const scalar = z.union([text().max(filterLimits.textLength), z.number().finite(), z.boolean()]);
const filterValue = z
  .union([scalar, z.null(), z.array(scalar).max(filterLimits.listValues)])
  .meta({ description: 'A string, number or boolean; a list for in, not_in and between ([from, to]); none for empty, not_empty, owned_by_me, owned_by_my_team' });

export const filterConditionSchema = z
  .strictObject({
    field: text()
      .max(100)
      .meta({ description: 'A built-in field ("stage", "city", "ownerId") or a custom field as "custom.<key>"; see GET /api/fields/{recordType}' }),
    op: z.enum(filterOps),
    value: filterValue.optional(),
  })
  .meta({ description: 'One condition on one field' });
export type FilterCondition = z.infer<typeof filterConditionSchema>;

export type FilterNode = FilterCondition | { and: FilterNode[] } | { or: FilterNode[] };

const group = (name: 'and' | 'or', description: string) =>
  z.strictObject({ [name]: z.array(z.lazy(() => filterNodeSchema)).min(1).max(filterLimits.conditions) }).meta({ description });

const filterNodeSchema: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    filterConditionSchema,
    group('and', 'All of these hold') as unknown as z.ZodType<{ and: FilterNode[] }>,
    group('or', 'At least one of these holds') as unknown as z.ZodType<{ or: FilterNode[] }>,
  ]),
);

/** Depth and number of conditions of a filter tree. */
function measure(node: FilterNode, depth = 1): { depth: number; conditions: number } {
  const children = 'and' in node ? node.and : 'or' in node ? node.or : undefined;
  if (!children) return { depth, conditions: 1 };
  return children.reduce(
    (acc, child) => {
      const m = measure(child, depth + 1);
      return { depth: Math.max(acc.depth, m.depth), conditions: acc.conditions + m.conditions };
    },
    { depth, conditions: 0 },
  );
}

/**
 * A filter: a condition `{field, op, value}` or a group `{and: [...]}` / `{or: [...]}` of filters, at most
 * 5 levels deep and 50 conditions in all. Which fields and operators exist is checked against the record
 * type when the filter is compiled (a 400 naming the path).
 */
export const filterSchema = filterNodeSchema
  .superRefine((node, issue) => {
    const { depth, conditions } = measure(node);
    if (depth > filterLimits.depth) issue.addIssue({ code: 'custom', message: `Nested deeper than ${filterLimits.depth} levels` });
    if (conditions > filterLimits.conditions) issue.addIssue({ code: 'custom', message: `More than ${filterLimits.conditions} conditions` });
  })
  .meta({
    description:
      'Filter language: {"and":[…]} | {"or":[…]} | {"field","op","value"}; custom fields as "custom.<key>". ' +
      'Operators: eq, neq, contains, starts_with, empty, not_empty, in, not_in, gt, gte, lt, lte, between, before, after, ' +
      'within_last_days, has_tag, lacks_tag, owned_by_me, owned_by_my_team (see docs/api.md). Depth ≤ 5, ≤ 50 conditions.',
  });

/** The `filter` query parameter: the filter as JSON text. */
export const filterParamSchema = rawText()
  .max(8000)
  .transform((value, issue) => {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      issue.addIssue({ code: 'custom', message: 'Not JSON' });
      return z.NEVER;
    }
  })
  .pipe(filterSchema)
  .meta({ description: 'A filter as JSON, e.g. {"and":[{"field":"stage","op":"in","value":["lead","qualified"]},{"field":"tags","op":"has_tag","value":"vip"}]}' });

/** `sort`: one field, "-" first for descending ("-createdAt", "custom.cf_abc"); ties break on id. */
export const sortParamSchema = text()
  .max(120)
  .regex(/^-?[A-Za-z][A-Za-z0-9_.]*$/, 'A field name, with "-" first for descending')
  .meta({ description: 'One field, "-" first for descending ("stage", "-custom.cf_abc"); ties break on the id' });

/** One entry of GET /api/fields/{recordType}: a field the filter builder and the column picker offer. */
export const catalogueFieldSchema = z.object({
  key: z.string().meta({ description: 'What filters and sorts name it by: "stage", "custom.cf_abc"' }),
  labelHe: z.string().optional(),
  labelEn: z.string().optional(),
  type: z.string(),
  custom: z.boolean(),
  options: z
    .array(z.object({ id: z.string(), labelHe: z.string(), labelEn: z.string(), color: z.string().nullable(), archived: z.boolean() }))
    .optional(),
  values: z.array(z.string()).optional().meta({ description: "A built-in select's values (stage, type, size)" }),
  config: z.record(z.string(), z.unknown()).optional(),
  required: z.boolean().optional(),
  sortable: z.boolean(),
  operators: z.array(z.enum(filterOps)),
});
