import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { bulkPatch } from '../contacts/bulk.js';
import { runBulk } from '../records/bulk.js';
import type { BulkResult } from '../records/input.js';
import { markDeleted } from '../trash/service.js';
import { companyRecord } from './record.js';
import { companyBulkSchema, type CompanyBulkInput } from './schema.js';
import { applyCompanyPatch } from './service.js';
import { companies } from './table.js';

/** POST /api/companies/bulk: set owner, add/remove a tag or delete, up to 500 companies in one transaction. */
export async function bulkCompanies(ctx: Ctx, input: CompanyBulkInput): Promise<BulkResult> {
  const parsed = companyBulkSchema.parse(input);
  return runBulk<typeof companies.$inferSelect, Partial<typeof companies.$inferInsert>>(ctx, {
    type: companyRecord,
    lock: (tx, ids) =>
      tx
        .select()
        .from(companies)
        .where(and(eq(companies.workspaceId, ctx.workspaceId), inArray(companies.id, ids), isNull(companies.deletedAt)))
        .for('update'),
    patchOf: (row, action, value) => bulkPatch({ ...row, stage: '' }, action, value),
    apply: async (tx, row, patch) => (await applyCompanyPatch(tx, ctx, row, patch)).version,
    markDeleted: (tx, row) => markDeleted(tx, ctx, companyRecord, row),
  }, parsed);
}
