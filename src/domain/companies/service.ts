import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/permissions.js';
import { loadCompanies } from './load.js';
import { createCompanySchema, type Company, type CreateCompanyInput } from './schema.js';
import { companies } from './table.js';


export async function createCompany(ctx: Ctx, input: CreateCompanyInput): Promise<Company> {
  requirePermission(ctx, 'records:write');
  const data = createCompanySchema.parse(input);
  const [row] = await ctx.db
    .insert(companies)
    .values({ ...data, workspaceId: ctx.workspaceId })
    .returning({ id: companies.id });
  const [company] = await loadCompanies(ctx, [row!.id]);
  return company!;
}

