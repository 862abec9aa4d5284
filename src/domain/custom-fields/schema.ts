import { z } from 'zod';
import { text, versionSchema } from '../common/schema.js';
import { fieldTypes } from '../records/registry.js';

export const customFieldTypeSchema = z.enum(fieldTypes);
export type CustomFieldType = z.infer<typeof customFieldTypeSchema>;

const label = text().min(1).max(100);
const color = text()
  .max(20)
  .regex(/^(#[0-9a-fA-F]{6}|[a-z]{3,20})$/, 'A colour: #rrggbb or a palette name (blue, teal…)')
  .nullable();

export const fieldOptionSchema = z.object({
  id: z.string(),
  labelHe: z.string(),
  labelEn: z.string(),
  color: z.string().nullable(),
  position: z.number().int(),
  archived: z.boolean(),
});

/** A custom field definition as the API answers it. */
export const customFieldSchema = z.object({
  id: z.uuid(),
  recordType: z.string(),
  key: z.string().meta({ description: 'Stable key in the record\'s `custom` object and in filters ("custom.<key>")' }),
  labelHe: z.string(),
  labelEn: z.string(),
  type: customFieldTypeSchema,
  options: z.array(fieldOptionSchema),
  config: z.record(z.string(), z.unknown()),
  required: z.boolean(),
  position: z.number().int(),
  archived: z.boolean(),
  version: z.number().int(),
});
export type CustomField = z.infer<typeof customFieldSchema>;

/** An option as written: with the id of an existing option to keep (rename, recolour, archive) it. */
export const fieldOptionInputSchema = z.strictObject({
  id: text().max(40).optional(),
  labelHe: label,
  labelEn: label,
  color: color.optional(),
  archived: z.boolean().optional(),
});

/** Per-type settings; types not named here take none. */
export const fieldConfigSchemas = {
  money: z.strictObject({ currency: z.enum(['ILS', 'USD', 'EUR']).default('ILS') }),
  rating: z.strictObject({ max: z.number().int().min(1).max(10).default(5) }),
  relation: z.strictObject({ target: z.enum(['contact', 'company']) }),
  number: z.strictObject({ decimals: z.number().int().min(0).max(6).optional() }),
  text: z.strictObject({ maxLength: z.number().int().min(1).max(10_000).optional() }),
  long_text: z.strictObject({ maxLength: z.number().int().min(1).max(100_000).optional() }),
} as const;

const config = z.record(text().max(40), z.unknown()).meta({
  description: 'Per type: money {currency: ILS|USD|EUR}, rating {max: 1..10, default 5}, relation {target: contact|company}, number {decimals}, text {maxLength}',
});

export const createCustomFieldSchema = z.strictObject({
  recordType: text().max(40),
  labelHe: label,
  labelEn: label,
  type: customFieldTypeSchema,
  options: z.array(fieldOptionInputSchema).max(200).optional(),
  config: config.optional(),
  required: z.boolean().optional(),
});
export type CreateCustomFieldInput = z.input<typeof createCustomFieldSchema>;

export const updateCustomFieldSchema = z.strictObject({
  labelHe: label.optional(),
  labelEn: label.optional(),
  options: z
    .array(fieldOptionInputSchema)
    .max(200)
    .optional()
    .meta({ description: 'The options in order; existing ones by id, new ones without; an existing option left out is archived (values keep it)' }),
  config: config.optional(),
  required: z.boolean().optional(),
  archived: z.boolean().optional(),
  version: versionSchema.optional(),
});
export type UpdateCustomFieldInput = z.input<typeof updateCustomFieldSchema>;

export const reorderCustomFieldsSchema = z.strictObject({
  recordType: text().max(40),
  ids: z.array(z.uuid()).min(1).max(500),
});

export const listCustomFieldsQuerySchema = z.strictObject({
  recordType: text().max(40),
  archived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .meta({ description: 'Include archived fields (default false)' }),
});
