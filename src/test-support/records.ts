import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { queryRows } from '../db/client.js';
import type { Role } from '../core/roles.js';
import { activities, activityLinks } from '../domain/activities/table.js';
import { auditLog } from '../domain/audit/table.js';
import { companies } from '../domain/companies/table.js';
import { contactCompanies, contacts } from '../domain/contacts/table.js';
import { customFields } from '../domain/custom-fields/table.js';
import { events } from '../domain/events/table.js';
import { workspaces } from '../domain/workspaces/table.js';

/** The audit entries of one record, newest first. */
export const auditOf = (db: Db, workspaceId: string, recordId: string) =>
  db.select().from(auditLog).where(and(eq(auditLog.workspaceId, workspaceId), eq(auditLog.recordId, recordId))).orderBy(desc(auditLog.id));

/** The outbox events of one record, newest first. */
export const eventsOf = (db: Db, workspaceId: string, recordId: string) =>
  db.select().from(events).where(and(eq(events.workspaceId, workspaceId), eq(events.recordId, recordId))).orderBy(desc(events.id));

/** How many timeline entries (of any kind) link to one record. */
export async function timelineCount(db: Db, workspaceId: string, recordId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(activityLinks)
    .where(and(eq(activityLinks.workspaceId, workspaceId), eq(activityLinks.recordId, recordId)));
  return row!.n;
}

/**
 * Makes every insert into `table` for this workspace fail, to prove a write is atomic; returns the undo.
 * Scoped to one workspace so test files sharing a PostgreSQL database are not affected.
 */
export async function failInsertsInto(db: Db, table: 'events' | 'audit_log' | 'activities', workspaceId: string) {
  const name = `fail_${table}_${workspaceId.replace(/-/g, '')}`;
  await queryRows(db, sql.raw(`create function ${name}() returns trigger language plpgsql as $$ begin
      if new.workspace_id = '${workspaceId}' then raise exception 'injected failure'; end if; return new; end $$`));
  await queryRows(db, sql.raw(`create trigger ${name} before insert on ${table} for each row execute function ${name}()`));
  return async () => {
    await queryRows(db, sql.raw(`drop trigger ${name} on ${table}`));
    await queryRows(db, sql.raw(`drop function ${name}()`));
  };
}

/** A custom field written straight to its table (the custom-fields service belongs to the record engine). */
export async function makeCustomField(
  db: Db,
  workspaceId: string,
  field: { recordType?: string; key: string; type: string; options?: { id: string; archived?: boolean }[]; config?: Record<string, unknown>; required?: boolean; archived?: boolean },
) {
  const [row] = await db
    .insert(customFields)
    .values({
      workspaceId,
      recordType: field.recordType ?? 'contact',
      key: field.key,
      labelHe: field.key,
      labelEn: field.key,
      type: field.type,
      options: (field.options ?? []).map((o, i) => ({ id: o.id, labelHe: o.id, labelEn: o.id, color: null, position: i, archived: o.archived ?? false })),
      config: field.config ?? {},
      required: field.required ?? false,
      archivedAt: field.archived ? new Date() : null,
    })
    .returning();
  return row!;
}

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

/** An activity linked to records, written straight to its tables (the activities service belongs to another helper). */
export async function makeActivity(db: Db, workspaceId: string, kind: string, links: { recordType: string; recordId: string }[]) {
  const [activity] = await db.insert(activities).values({ workspaceId, kind, subject: kind }).returning();
  await db.insert(activityLinks).values(links.map((l) => ({ workspaceId, activityId: activity!.id, ...l, occurredAt: activity!.occurredAt, kind })));
  return activity!;
}

export async function activityExists(db: Db, workspaceId: string, id: string) {
  const rows = await db.select({ id: activities.id }).from(activities).where(and(eq(activities.workspaceId, workspaceId), eq(activities.id, id)));
  return rows.length === 1;
}
