import { aliasedTable, and, asc, eq, getTableColumns, inArray } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import { companies } from '../companies/table.js';
import type { LabelledValue } from '../records/columns.js';
import { users } from '../users/table.js';
import { contactCompanies, contacts } from './table.js';

/**
 * The write path's own read of contacts in the API contract's shape. The record engine's
 * loadContacts (contacts/load.ts) replaces it once merged; until then writes answer through this.
 */
export interface ContactJson {
  id: string;
  firstName: string;
  lastName: string;
  name: string;
  type: string;
  stage: string;
  stageDates: Record<string, string>;
  ownerId: string | null;
  ownerName: string | null;
  source: string | null;
  tags: string[];
  email: string | null;
  emails: LabelledValue[];
  phone: string | null;
  phones: LabelledValue[];
  street: string | null;
  city: string | null;
  postalCode: string | null;
  country: string | null;
  birthday: string | null;
  language: string | null;
  notes: string | null;
  custom: Record<string, unknown>;
  companyId: string | null;
  companyName: string | null;
  companies: { companyId: string; name: string; role: string | null; isPrimary: boolean }[];
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string | null;
  updatedByName: string | null;
}

const owner = aliasedTable(users, 'owner');
const editor = aliasedTable(users, 'editor');

/** Contacts by id (deleted ones too: the trash and restore answer with them), in the order asked. */
export async function readContacts(db: Db, ctx: Ctx, ids: string[]): Promise<ContactJson[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ ...getTableColumns(contacts), ownerName: owner.name, updatedByName: editor.name, companyName: companies.name })
    .from(contacts)
    .leftJoin(owner, eq(owner.id, contacts.ownerId))
    .leftJoin(editor, eq(editor.id, contacts.updatedBy))
    .leftJoin(companies, and(eq(companies.workspaceId, contacts.workspaceId), eq(companies.id, contacts.companyId)))
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), inArray(contacts.id, ids)));
  const links = await db
    .select({ contactId: contactCompanies.contactId, companyId: contactCompanies.companyId, name: companies.name, role: contactCompanies.role, isPrimary: contactCompanies.isPrimary })
    .from(contactCompanies)
    .innerJoin(companies, and(eq(companies.workspaceId, contactCompanies.workspaceId), eq(companies.id, contactCompanies.companyId)))
    .where(and(eq(contactCompanies.workspaceId, ctx.workspaceId), inArray(contactCompanies.contactId, ids)))
    .orderBy(asc(contactCompanies.createdAt), asc(companies.name));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    return [
      {
        id: row.id,
        firstName: row.firstName,
        lastName: row.lastName,
        name: `${row.firstName} ${row.lastName}`.trim(),
        type: row.type,
        stage: row.stage,
        stageDates: row.stageDates,
        ownerId: row.ownerId,
        ownerName: row.ownerName,
        source: row.source,
        tags: row.tags,
        email: row.email,
        emails: row.emails,
        phone: row.phone,
        phones: row.phones,
        street: row.street,
        city: row.city,
        postalCode: row.postalCode,
        country: row.country,
        birthday: row.birthday,
        language: row.language,
        notes: row.notes,
        custom: row.custom,
        companyId: row.companyId,
        companyName: row.companyName,
        companies: links.filter((l) => l.contactId === id).map(({ contactId: _, ...link }) => link),
        version: row.version,
        createdAt: row.createdAt.toISOString(),
        updatedAt: row.updatedAt.toISOString(),
        updatedBy: row.updatedBy,
        updatedByName: row.updatedByName,
      },
    ];
  });
}

export async function readContact(db: Db, ctx: Ctx, id: string): Promise<ContactJson> {
  const [contact] = await readContacts(db, ctx, [id]);
  return contact!;
}
