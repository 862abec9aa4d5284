import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { companies } from '../domain/companies/table.js';
import { contactCompanies, contacts } from '../domain/contacts/table.js';
import { workspaces } from '../domain/workspaces/table.js';
import type { Role } from '../core/roles.js';

/**
 * Records written straight to their tables, for tests of what reads records (timeline, events) without
 * depending on the write path's services.
 */
export async function insertContact(db: Db, workspaceId: string, values: { firstName?: string; lastName?: string; ownerId?: string | null } = {}) {
  const [row] = await db
    .insert(contacts)
    .values({ workspaceId, firstName: values.firstName ?? 'Dana', lastName: values.lastName ?? 'Cohen', ownerId: values.ownerId ?? null })
    .returning();
  return row!;
}

export async function insertCompany(db: Db, workspaceId: string, values: { name?: string; ownerId?: string | null } = {}) {
  const [row] = await db
    .insert(companies)
    .values({ workspaceId, name: values.name ?? 'Acme', ownerId: values.ownerId ?? null })
    .returning();
  return row!;
}

export async function linkContactToCompany(db: Db, workspaceId: string, contactId: string, companyId: string) {
  await db.insert(contactCompanies).values({ workspaceId, contactId, companyId });
}

/** Sets what each role sees in a workspace (all, team, own). */
export async function setRecordVisibility(db: Db, workspaceId: string, visibility: Partial<Record<Role, 'all' | 'team' | 'own'>>) {
  await db.update(workspaces).set({ recordVisibility: visibility }).where(eq(workspaces.id, workspaceId));
}
