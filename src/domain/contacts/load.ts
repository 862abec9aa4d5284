import { and, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { preparedPerHandle } from '../../db/prepared.js';
import { companies } from '../companies/table.js';
import { describeRelations } from '../custom-fields/values.js';
import { visibilityOf, visibleCondition, type Visibility } from '../records/visibility.js';
import { users } from '../users/table.js';
import type { Contact } from './schema.js';
import { contactCompanies, contacts } from './table.js';

const owner = alias(users, 'owner');
const updater = alias(users, 'updater');
const primary = alias(companies, 'primary_company');

type Link = Contact['companies'][number];

// The contact's companies the caller may see, primary first, in one correlated subquery so a page is one round trip.
const linksOf = (visibility: Visibility) => {
  const seen = visibleCondition(visibility, companies.ownerId);
  return sql<Link[]>`coalesce((
    select json_agg(json_build_object('companyId', cc.company_id, 'name', ${companies.name}, 'role', cc.role, 'isPrimary', cc.is_primary)
                    order by cc.is_primary desc, lower(${companies.name}), ${companies.id})
    from ${contactCompanies} cc
    join ${companies} on ${companies.workspaceId} = cc.workspace_id and ${companies.id} = cc.company_id and ${companies.deletedAt} is null
    where cc.workspace_id = ${contacts.workspaceId} and cc.contact_id = ${contacts.id} ${seen ? sql`and ${seen}` : sql``}), '[]'::json)`;
};

/**
 * The API's JSON of these live contacts of the caller's workspace, in the order of `ids`: owner and
 * last editor by name, linked companies with names and roles, the primary company. Visibility of the
 * contacts is the caller's business (lists and the card check it before they load); of their companies
 * it is this loader's: a company the caller may not see (a colleague linked it) is left out of
 * `companies`, and as the primary it keeps its id without a name, like a trashed one.
 */
export async function loadContacts(ctx: Ctx, ids: readonly string[], visibility?: Visibility): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const scope = visibility ?? (await visibilityOf(ctx));
  // Who sees every company (owners, admins, roles that see all) runs one prepared statement.
  const rows =
    scope.ownerIds === null
      ? await loadPrepared(ctx.db).execute({ workspaceId: ctx.workspaceId, ids: [...ids] })
      : await selectContacts(ctx.db, scope, eq(contacts.workspaceId, ctx.workspaceId), inArray(contacts.id, [...ids]));
  const loaded = await describeRelations(ctx, rows.map(toContact), scope);
  const byId = new Map(loaded.map((contact) => [contact.id, contact]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

function selectContacts(db: Db, scope: Visibility, inWorkspace: SQL, byIds: SQL) {
  return db
    .select({ contact: contacts, ownerName: owner.name, updatedByName: updater.name, companyName: primary.name, links: linksOf(scope) })
    .from(contacts)
    .leftJoin(owner, eq(owner.id, contacts.ownerId))
    .leftJoin(updater, eq(updater.id, contacts.updatedBy))
    .leftJoin(
      primary,
      and(eq(primary.workspaceId, contacts.workspaceId), eq(primary.id, contacts.companyId), isNull(primary.deletedAt), visibleCondition(scope, primary.ownerId)),
    )
    .where(and(inWorkspace, isNull(contacts.deletedAt), byIds));
}

const loadPrepared = preparedPerHandle('kesher_load_contacts', (db) =>
  selectContacts(
    db,
    { scope: 'all', ownerIds: null },
    eq(contacts.workspaceId, sql.placeholder('workspaceId')),
    sql`${contacts.id} = any(${sql.placeholder('ids')}::uuid[])`,
  ),
);

interface Row {
  contact: typeof contacts.$inferSelect;
  ownerName: string | null;
  updatedByName: string | null;
  companyName: string | null;
  links: Link[];
}

const toContact = ({ contact: c, ownerName, updatedByName, companyName, links }: Row): Contact => ({
  id: c.id,
  firstName: c.firstName,
  lastName: c.lastName,
  name: `${c.firstName} ${c.lastName}`.trim(),
  type: c.type,
  stage: c.stage,
  stageDates: c.stageDates,
  ownerId: c.ownerId,
  ownerName,
  source: c.source,
  tags: c.tags,
  email: c.email,
  emails: c.emails,
  phone: c.phone,
  phones: c.phones,
  street: c.street,
  city: c.city,
  postalCode: c.postalCode,
  country: c.country,
  birthday: c.birthday,
  language: c.language,
  notes: c.notes,
  doNotContact: c.doNotContact,
  custom: c.custom,
  companyId: c.companyId,
  companyName,
  companies: links,
  version: c.version,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
  updatedBy: c.updatedBy,
  updatedByName,
});
