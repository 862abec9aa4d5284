import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { preparedPerHandle } from '../../db/prepared.js';
import { contactCompanies, contacts } from '../contacts/table.js';
import { describeRelations } from '../custom-fields/values.js';
import { visibilityOf, visibleCondition, type Visibility } from '../records/visibility.js';
import { users } from '../users/table.js';
import type { Company } from './schema.js';
import { companies } from './table.js';

const owner = alias(users, 'owner');
const updater = alias(users, 'updater');

/**
 * The API's JSON of these live companies of the caller's workspace, in the order of `ids`, with the
 * number of live contacts linked to each that the caller may see (a sales rep's count is of their own).
 */
export async function loadCompanies(ctx: Ctx, ids: readonly string[], visibility?: Visibility): Promise<Company[]> {
  if (ids.length === 0) return [];
  const scope = visibility ?? (await visibilityOf(ctx));
  // Who sees every contact (owners, admins, roles that see all) runs one prepared statement.
  const rows =
    scope.ownerIds === null
      ? await loadPrepared(ctx.db).execute({ workspaceId: ctx.workspaceId, ids: [...ids] })
      : await selectCompanies(ctx.db, scope, eq(companies.workspaceId, ctx.workspaceId), inArray(companies.id, [...ids]));
  const loaded = await describeRelations(ctx, rows.map(toCompany), scope);
  const byId = new Map(loaded.map((company) => [company.id, company]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function selectCompanies(db: Db, scope: Visibility, inWorkspace: SQL, byIds: SQL) {
  const seen = visibleCondition(scope, contacts.ownerId);
  const contactCount = sql<number>`(
    select count(*)::int from ${contactCompanies} cc
    join ${contacts} on ${contacts.workspaceId} = cc.workspace_id and ${contacts.id} = cc.contact_id
    where cc.workspace_id = ${companies.workspaceId} and cc.company_id = ${companies.id}
      and ${contacts.deletedAt} is null ${seen ? sql`and ${seen}` : sql``})`;
  return db
    .select({ company: companies, ownerName: owner.name, updatedByName: updater.name, contactCount })
    .from(companies)
    .leftJoin(owner, eq(owner.id, companies.ownerId))
    .leftJoin(updater, eq(updater.id, companies.updatedBy))
    .where(and(inWorkspace, isNull(companies.deletedAt), byIds));
}

const loadPrepared = preparedPerHandle('kesher_load_companies', (db) =>
  selectCompanies(
    db,
    { scope: 'all', ownerIds: null },
    eq(companies.workspaceId, sql.placeholder('workspaceId')),
    sql`${companies.id} = any(${sql.placeholder('ids')}::uuid[])`,
  ),
);

interface Row {
  company: typeof companies.$inferSelect;
  ownerName: string | null;
  updatedByName: string | null;
  contactCount: number;
}

const toCompany = ({ company: c, ownerName, updatedByName, contactCount }: Row): Company => ({
  id: c.id,
  name: c.name,
  domain: c.domain,
  phone: c.phone,
  phones: c.phones,
  street: c.street,
  city: c.city,
  postalCode: c.postalCode,
  country: c.country,
  industry: c.industry,
  size: c.size,
  ownerId: c.ownerId,
  ownerName,
  tags: c.tags,
  notes: c.notes,
  custom: c.custom,
  version: c.version,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  updatedBy: c.updatedBy,
  updatedByName,
  contactCount: Number(contactCount),
});
