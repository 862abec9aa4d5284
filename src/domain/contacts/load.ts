import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import { companies } from '../companies/table.js';
import { users } from '../users/table.js';
import type { Contact } from './schema.js';
import { contactCompanies, contacts } from './table.js';

const owner = alias(users, 'owner');
const updater = alias(users, 'updater');
const primary = alias(companies, 'primary_company');

type Link = Contact['companies'][number];

// The contact's companies, primary first, in one correlated subquery so a page is one round trip.
const links = sql<Link[]>`coalesce((
  select json_agg(json_build_object('companyId', cc.company_id, 'name', co.name, 'role', cc.role, 'isPrimary', cc.is_primary)
                  order by cc.is_primary desc, lower(co.name), co.id)
  from ${contactCompanies} cc
  join ${companies} co on co.workspace_id = cc.workspace_id and co.id = cc.company_id and co.deleted_at is null
  where cc.workspace_id = ${contacts.workspaceId} and cc.contact_id = ${contacts.id}), '[]'::json)`;

/**
 * The API's JSON of these live contacts of the caller's workspace, in the order of `ids`: owner and
 * last editor by name, linked companies with names and roles, the primary company. Visibility is the
 * caller's business (lists and the card check it before they load).
 */
export async function loadContacts(ctx: Ctx, ids: readonly string[]): Promise<Contact[]> {
  if (ids.length === 0) return [];
  const rows = await ctx.db
    .select({ contact: contacts, ownerName: owner.name, updatedByName: updater.name, companyName: primary.name, links })
    .from(contacts)
    .leftJoin(owner, eq(owner.id, contacts.ownerId))
    .leftJoin(updater, eq(updater.id, contacts.updatedBy))
    .leftJoin(
      primary,
      and(eq(primary.workspaceId, contacts.workspaceId), eq(primary.id, contacts.companyId), isNull(primary.deletedAt)),
    )
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt), inArray(contacts.id, [...ids])));
  const byId = new Map(rows.map((row) => [row.contact.id, toContact(row)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

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
