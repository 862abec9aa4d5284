import type { Db } from '../../db/client.js';
import { companies } from '../companies/table.js';
import { contacts } from '../contacts/table.js';

/** Inserts contacts straight into the table (the write path is not under test here). */
export async function insertContacts(db: Db, workspaceId: string, rows: Partial<typeof contacts.$inferInsert>[]) {
  const inserted = await db
    .insert(contacts)
    .values(rows.map((r) => ({ firstName: 'Someone', ...r, workspaceId })))
    .returning({ id: contacts.id, firstName: contacts.firstName });
  return inserted;
}

export async function insertCompanies(db: Db, workspaceId: string, rows: Partial<typeof companies.$inferInsert>[]) {
  return db
    .insert(companies)
    .values(rows.map((r) => ({ name: 'Company', ...r, workspaceId })))
    .returning({ id: companies.id, name: companies.name });
}
