import { and, asc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { containsPattern } from '../../db/like.js';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/permissions.js';
import { createCompanySchema, listCompaniesQuerySchema, type Company, type CreateCompanyInput } from './schema.js';
import { companies } from './table.js';

const columns = { id: companies.id, name: companies.name, domain: companies.domain };

export async function createCompany(ctx: Ctx, input: CreateCompanyInput): Promise<Company> {
  requirePermission(ctx, 'records:write');
  const data = createCompanySchema.parse(input);
  const [row] = await ctx.db
    .insert(companies)
    .values({ ...data, workspaceId: ctx.workspaceId })
    .returning(columns);
  return row!;
}

export async function listCompanies(ctx: Ctx, query: { q?: string; limit?: number }): Promise<Company[]> {
  requirePermission(ctx, 'records:read');
  const { q, limit } = listCompaniesQuerySchema.parse(query);
  const conditions: SQL[] = [eq(companies.workspaceId, ctx.workspaceId), isNull(companies.deletedAt)];
  if (q) conditions.push(sql`lower(${companies.name}) like ${containsPattern(q.toLowerCase())}`);
  return ctx.db
    .select(columns)
    .from(companies)
    .where(and(...conditions))
    .orderBy(asc(sql`lower(${companies.name})`))
    .limit(limit);
}
