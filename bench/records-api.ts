import { sql } from 'drizzle-orm';
import type { Ctx } from '../src/core/context.js';
import { customFields } from '../src/db/tables.js';
import type { Fields } from './records-generate.js';

const selectOptions = [
  ['ביטוח', 'Insurance', '#1098ad'],
  ['השקעות', 'Investments', '#2f9e44'],
  ['משכנתאות', 'Mortgages', '#e8590c'],
  ['פנסיה', 'Pensions', '#7048e8'],
  ['אחר', 'Other', '#495057'],
] as const;

/**
 * The bench's two custom fields on contacts, a select and a date. PLACEHOLDER until the engine's
 * createCustomField is merged: the rows are written directly and the date gets a plain expression index.
 */
export async function defineBenchFields(ctx: Ctx): Promise<Fields> {
  const options = selectOptions.map(([labelHe, labelEn, color], position) => ({ id: `opt_bench${position}`, labelHe, labelEn, color, position, archived: false }));
  await ctx.db.insert(customFields).values([
    { workspaceId: ctx.workspaceId, recordType: 'contact', key: 'cf_benchinterest', labelHe: 'תחום עניין', labelEn: 'Interest', type: 'select', options, position: 0 },
    { workspaceId: ctx.workspaceId, recordType: 'contact', key: 'cf_benchrenewal', labelHe: 'תאריך חידוש', labelEn: 'Renewal date', type: 'date', position: 1 },
  ]);
  await ctx.db.execute(sql.raw(`create index contacts_cf_benchrenewal_idx on contacts (workspace_id, (custom ->> 'cf_benchrenewal'), id) where deleted_at is null`));
  return { select: { key: 'cf_benchinterest', optionIds: options.map((o) => o.id) }, date: 'cf_benchrenewal' };
}
