import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { loadCompanies } from './load.js';
import type { Company } from './schema.js';

/** The write path answers with the same JSON as the list and the card: the engine's loader, in the writer's transaction. */
export type CompanyJson = Company;

export const readCompanies = (db: Db, ctx: Ctx, ids: string[]): Promise<CompanyJson[]> => loadCompanies({ ...ctx, db }, ids);

export async function readCompany(db: Db, ctx: Ctx, id: string): Promise<CompanyJson> {
  const [company] = await loadCompanies({ ...ctx, db }, [id]);
  if (!company) throw notFound('Company');
  return company;
}
