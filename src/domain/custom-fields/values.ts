import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import { AppError, type FieldError } from '../../core/errors.js';
import { queryRows } from '../../db/client.js';
import { multilineText, text } from '../common/schema.js';
import { normalisePhone } from '../contacts/phone.js';
import { lookUpRecords, recordKey } from '../records/lookup.js';
import { findRecordType } from '../records/registry.js';
import { canSeeOwner, visibilityOf, type Visibility } from '../records/visibility.js';
import '../contacts/record.js';
import '../companies/record.js';
import { customFields } from './table.js';

type Definition = typeof customFields.$inferSelect;
type Check = { ok: true; value: unknown } | { ok: false; message: string };
const ok = (value: unknown): Check => ({ ok: true, value });
const fail = (message: string): Check => ({ ok: false, message });

/** A zod check as a Check, with the first issue's message. */
function viaZod(schema: z.ZodType, value: unknown): Check {
  const parsed = schema.safeParse(value);
  return parsed.success ? ok(parsed.data) : fail(parsed.error.issues[0]?.message ?? 'Invalid value');
}

const moneySchema = z.strictObject({
  amount: z.number().min(-1e13).max(1e13),
  currency: z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as ILS'),
});
// `name` and `deleted` are what a read adds (see describeRelations): a value read can be sent back as it is.
const relationSchema = z
  .strictObject({ recordType: z.string().max(50), id: z.uuid(), name: z.string().max(1000).optional(), deleted: z.boolean().optional() })
  .transform(({ recordType, id }) => ({ recordType, id }));
const urlSchema = text()
  .max(2000)
  .refine((v) => {
    try {
      return ['http:', 'https:'].includes(new URL(v).protocol);
    } catch {
      return false;
    }
  }, 'Not a web address (http:// or https://)');

const liveOptions = (field: Definition) => new Set(field.options.filter((o) => !o.archived).map((o) => o.id));

/** The shape check of one value against its field (the relation's target is checked in the database after). */
function checkValue(field: Definition, value: unknown): Check {
  switch (field.type) {
    case 'text':
      return viaZod(text().max(1000), value);
    case 'long_text':
      return viaZod(multilineText().max(20_000), value);
    case 'url':
      return viaZod(urlSchema, value);
    case 'email':
      return viaZod(text().toLowerCase().pipe(z.email('Not a valid email address').max(254)), value);
    case 'phone': {
      if (typeof value !== 'string' || value.length > 40) return fail('Expected a phone number');
      const e164 = normalisePhone(value);
      return e164 ? ok(e164) : fail('Not a valid phone number');
    }
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 1e15 ? ok(value) : fail('Expected a number');
    case 'money': {
      const checked = viaZod(moneySchema, value);
      const currency = typeof field.config.currency === 'string' ? field.config.currency : 'ILS';
      if (checked.ok && (checked.value as { currency: string }).currency !== currency) return fail(`currency must be ${currency}`);
      return checked.ok ? checked : fail(`Expected { amount: number, currency: '${currency}' } (${checked.message})`);
    }
    case 'date':
      return viaZod(z.iso.date('Expected a date (YYYY-MM-DD)'), value);
    case 'datetime': {
      const checked = viaZod(z.iso.datetime({ offset: true, message: 'Expected an ISO date-time with its offset' }), value);
      // One form (UTC) in storage, so sorting and range filters compare like with like.
      return checked.ok ? ok(new Date(checked.value as string).toISOString()) : checked;
    }
    case 'boolean':
      return typeof value === 'boolean' ? ok(value) : fail('Expected true or false');
    case 'select':
      return typeof value === 'string' && liveOptions(field).has(value) ? ok(value) : fail('Not one of the field’s options');
    case 'multi_select': {
      const options = liveOptions(field);
      if (!Array.isArray(value) || value.length > 200) return fail('Expected a list of the field’s option ids');
      if (!value.every((v) => typeof v === 'string' && options.has(v))) return fail('Not one of the field’s options');
      return ok([...new Set(value as string[])]);
    }
    case 'rating': {
      const max = typeof field.config.max === 'number' ? field.config.max : 5;
      return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max ? ok(value) : fail(`Expected a whole number from 1 to ${max}`);
    }
    case 'relation': {
      const checked = viaZod(relationSchema, value);
      if (!checked.ok) return fail(`Expected { recordType, id } (${checked.message})`);
      const { recordType } = checked.value as { recordType: string };
      const target = typeof field.config.target === 'string' ? field.config.target : undefined;
      if (!findRecordType(recordType) || (target && recordType !== target)) return fail(`recordType must be ${target ?? 'a record type'}`);
      return checked;
    }
    default:
      return fail(`Field type ${field.type} cannot be written`);
  }
}

/** True when the relation's target is a live record of this workspace that the caller may see. */
async function relationExists(ctx: Ctx, value: { recordType: string; id: string }) {
  const type = findRecordType(value.recordType)!;
  const rows = await queryRows<{ owner_id: string | null }>(
    ctx.db,
    sql`select ${type.table.ownerId} as owner_id from ${type.table} where ${type.table.workspaceId} = ${ctx.workspaceId}
        and ${type.table.id} = ${value.id} and ${type.table.deletedAt} is null`,
  );
  return rows.length > 0 && canSeeOwner(await visibilityOf(ctx), rows[0]!.owner_id);
}

/** The same relation the record already holds (one the caller may no longer see stays writable as it is). */
const sameRelation = (a: unknown, b: { recordType: string; id: string }) =>
  typeof a === 'object' && a !== null && (a as { recordType?: unknown }).recordType === b.recordType && (a as { id?: unknown }).id === b.id;

/**
 * Checks the custom values of a write against the workspace's fields and merges them into the
 * record's current ones (`existing`; null on create). Keys are merged one by one; null clears one.
 * Any problem is a 400 naming `custom.<key>` and why.
 */
export async function validateCustomValues(
  ctx: Ctx,
  recordType: string,
  input: Record<string, unknown> | undefined,
  existing: Record<string, unknown> | null,
): Promise<Record<string, unknown>> {
  const entries = Object.entries(input ?? {});
  const creating = existing === null;
  if (entries.length === 0 && !creating) return existing;
  const definitions = await ctx.db
    .select()
    .from(customFields)
    .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.recordType, recordType)));
  const byKey = new Map(definitions.map((d) => [d.key, d]));
  const merged: Record<string, unknown> = { ...existing };
  const errors: FieldError[] = [];
  for (const [key, value] of entries) {
    const path = `custom.${key}`;
    const field = byKey.get(key);
    if (!field) {
      errors.push({ path, message: 'Unknown field' });
      continue;
    }
    if (value === null) {
      if (field.required && !field.archivedAt) errors.push({ path, message: 'Required' });
      else delete merged[key];
      continue;
    }
    if (field.archivedAt) {
      errors.push({ path, message: 'This field is archived' });
      continue;
    }
    const checked = checkValue(field, value);
    if (!checked.ok) {
      errors.push({ path, message: checked.message });
      continue;
    }
    const relation = checked.value as { recordType: string; id: string };
    if (field.type === 'relation' && !sameRelation(existing?.[key], relation) && !(await relationExists(ctx, relation))) {
      errors.push({ path, message: 'No such record in this workspace' });
      continue;
    }
    merged[key] = checked.value;
  }
  if (creating) {
    for (const field of definitions) {
      if (field.required && !field.archivedAt && merged[field.key] === undefined && !errors.some((e) => e.path === `custom.${field.key}`)) {
        errors.push({ path: `custom.${field.key}`, message: 'Required' });
      }
    }
  }
  if (errors.length > 0) throw new AppError('validation_failed', 'Request is not valid', { fields: errors });
  return merged;
}

type Relation = { recordType: string; id: string };
/** A relation value is the only custom value shaped `{ recordType, id }`, so reads find them without the field definitions. */
const isRelation = (value: unknown): value is Relation =>
  typeof value === 'object' && value !== null && typeof (value as Relation).recordType === 'string' && typeof (value as Relation).id === 'string';

/**
 * Relation values as the caller reads them, in one query whatever the page: a target the caller may
 * see gains its `name`; one in the trash (or gone) also `deleted: true`, so the card and the grid say
 * "deleted record" rather than show an id that opens nothing. A target the caller may not see stays
 * as stored (no name, no state), so nothing about it leaks.
 */
export async function describeRelations<Item extends { custom: Record<string, unknown> }>(ctx: Ctx, items: Item[], visibility: Visibility): Promise<Item[]> {
  const refs = items.flatMap((item) => Object.values(item.custom).filter(isRelation));
  if (refs.length === 0) return items;
  const found = await lookUpRecords(ctx, refs, { withDeleted: true });
  const describe = (value: Relation) => {
    const row = found.get(recordKey(value.recordType, value.id));
    if (!row) return { ...value, deleted: true };
    if (!canSeeOwner(visibility, row.ownerId)) return value;
    return { ...value, name: row.name, ...(row.deleted && { deleted: true }) };
  };
  return items.map((item) => ({
    ...item,
    custom: Object.fromEntries(Object.entries(item.custom).map(([key, value]) => [key, isRelation(value) ? describe(value) : value])),
  }));
}
