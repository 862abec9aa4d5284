import { aliasedTable, and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { contactCompanies, contacts } from '../contacts/table.js';
import type { LabelledValue } from '../records/columns.js';
import { users } from '../users/table.js';
import { companies } from './table.js';

/**
 * The write path's own read of companies in the API contract's shape; the record engine's
 * loadCompanies (companies/load.ts) replaces it once merged.
 */
export interface CompanyJson {
  id: string;
  name: string;
  domain: string | null;
  phone: string | null;
  phones: LabelledValue[];
  street: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  industry: string | null;
  size: string | null;
  ownerId: string | null;
  ownerName: string | null;
  tags: string[];
  notes: string | null;
  custom: Record<string, unknown>;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  updatedByName: string | null;
  contactCount: number;
}

const owner = aliasedTable(users, 'owner');
const editor = aliasedTable(users, 'editor');

/** Companies by id (deleted ones too), in the order asked; contactCount counts live linked people. */
export async function readCompanies(db: Db, ctx: Ctx, ids: string[]): Promise<CompanyJson[]> {
  if (ids.length === 0) return [];
  const contactCount = db
    .select({ count: sql<number>`count(*)::int` })
    .from(contactCompanies)
    .innerJoin(contacts, and(eq(contacts.workspaceId, contactCompanies.workspaceId), eq(contacts.id, contactCompanies.contactId), isNull(contacts.deletedAt)))
    .where(and(eq(contactCompanies.workspaceId, companies.workspaceId), eq(contactCompanies.companyId, companies.id)));
  const rows = await db
    .select({
      row: companies,
      ownerName: owner.name,
      updatedByName: editor.name,
      contactCount: sql<number>`(${contactCount})`.mapWith(Number),
    })
    .from(companies)
    .leftJoin(owner, eq(owner.id, companies.ownerId))
    .leftJoin(editor, eq(editor.id, companies.updatedBy))
    .where(and(eq(companies.workspaceId, ctx.workspaceId), inArray(companies.id, ids)));
  const byId = new Map(rows.map((r) => [r.row.id, r]));
  return ids.flatMap((id) => {
    const found = byId.get(id);
    if (!found) return [];
    const { row } = found;
    return [
      {
        id: row.id,
        name: row.name,
        domain: row.domain,
        phone: row.phone,
        phones: row.phones,
        street: row.street,
        city: row.city,
        postalCode: row.postalCode,
        country: row.country,
        industry: row.industry,
        size: row.size,
        ownerId: row.ownerId,
        ownerName: found.ownerName,
        tags: row.tags,
        notes: row.notes,
        custom: row.custom,
        version: row.version,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        updatedBy: row.updatedBy,
        updatedByName: found.updatedByName,
        contactCount: found.contactCount,
      },
    ];
  });
}

export async function readCompany(db: Db, ctx: Ctx, id: string): Promise<CompanyJson> {
  const [company] = await readCompanies(db, ctx, [id]);
  return company!;
}
