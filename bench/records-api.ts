import { sql } from 'drizzle-orm';
import { contactRecord } from '../src/domain/contacts/record.js';
import type { Ctx } from '../src/core/context.js';
import { buildFieldIndex, createCustomField, customFieldsOf } from '../src/domain/custom-fields/service.js';
import type { Fields } from './records-generate.js';

const selectOptions = [
  ['ביטוח', 'Insurance', '#1098ad'],
  ['השקעות', 'Investments', '#2f9e44'],
  ['משכנתאות', 'Mortgages', '#e8590c'],
  ['פנסיה', 'Pensions', '#7048e8'],
  ['אחר', 'Other', '#495057'],
] as const;

/**
 * The bench's two custom fields on contacts, a select and a date, through the engine's service, which
 * also builds the date's expression index (on the empty table; the load rebuilds it with the others).
 */
export async function defineBenchFields(ctx: Ctx): Promise<Fields> {
  const select = await createCustomField(ctx, {
    recordType: 'contact',
    labelHe: 'תחום עניין',
    labelEn: 'Interest',
    type: 'select',
    options: selectOptions.map(([labelHe, labelEn, color]) => ({ labelHe, labelEn, color })),
  });
  const date = await createCustomField(ctx, { recordType: 'contact', labelHe: 'תאריך חידוש', labelEn: 'Renewal date', type: 'date' });
  return { select: { key: select.key, optionIds: select.options.map((o) => o.id) }, date: date.key };
}

/** The date field's expression index as the engine builds it, on a kept database made before it had one. */
export async function ensureDateIndex(ctx: Ctx, fields: Fields) {
  const field = (await customFieldsOf(ctx, 'contact')).find((f) => f.key === fields.date);
  if (!field) throw new Error(`no custom field ${fields.date} in the bench workspace`);
  // `create index if not exists`: a no-op when the engine built it already.
  const name = await buildFieldIndex(ctx, contactRecord, field);
  // A plain (custom ->> key) index from the bench's first version, before the engine was merged.
  await ctx.db.execute(sql`drop index if exists contacts_cf_benchrenewal_idx`);
  return name;
}
