import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import { companies } from '../companies/table.js';
import { validateCustomValues } from '../custom-fields/values.js';
import { applyRecordPatch, insertRecord, lockRecord, type RecordWriter } from '../records/save.js';
import type { LabelledValue } from '../records/columns.js';
import { canSeeOwner, visibilityOf } from '../records/visibility.js';
import {
  invalid,
  normalisePhones,
  normaliseShortcutPhone,
  primaryOf,
  requireMember,
  requireVersion,
  versionConflict,
  withPrimary,
} from '../records/write.js';
import { deleteRecord, restoreRecord } from '../trash/service.js';
import { getRecord, listRecords, searchPattern, type ListRecordsQuery, type RecordPage } from '../records/list.js';
import { decodeCursor } from './cursor.js';
import { contactRecord } from './record.js';
import { checkCompanies, currentLinks, writeLinks, type Link } from './links.js';
import { normalisePhone } from './phone.js';
import { readContact, type ContactJson } from './read.js';
import {
  createContactSchema,
  listContactsQuerySchema,
  updateContactSchema,
  type Contact,
  type CreateContactInput,
  type ListContactsQuery,
  type UpdateContactInput,
} from './schema.js';
import { contacts } from './table.js';

export { normalisePhone };
export type { ContactJson };

const what = 'Contact';
type Row = typeof contacts.$inferSelect;
type Patch = Partial<typeof contacts.$inferInsert>;

/** The fields the audit compares, in API form (email/phone follow the lists; stage dates follow the stage). */
const audited = (row: Row | (Patch & Pick<Row, 'custom'>)) => ({
  firstName: row.firstName,
  lastName: row.lastName,
  type: row.type,
  stage: row.stage,
  ownerId: row.ownerId,
  source: row.source,
  tags: row.tags,
  emails: row.emails,
  phones: row.phones,
  street: row.street,
  city: row.city,
  postalCode: row.postalCode,
  country: row.country,
  birthday: row.birthday,
  language: row.language,
  notes: row.notes,
  doNotContact: row.doNotContact,
  companyId: row.companyId,
});

const writer: RecordWriter<Row, ContactJson> = { type: contactRecord, audited };

function shortcutClash(data: { email?: unknown; emails?: unknown; phone?: unknown; phones?: unknown }) {
  if (data.email !== undefined && data.emails !== undefined) throw invalid([{ path: 'email', message: 'Send email or emails, not both' }]);
  if (data.phone !== undefined && data.phones !== undefined) throw invalid([{ path: 'phone', message: 'Send phone or phones, not both' }]);
}

/** The emails and phones after a write: a list replaces, a shortcut sets the primary one. */
function contactLists(before: Pick<Row, 'emails' | 'phones'>, data: { email?: string | null; emails?: LabelledValue[]; phone?: string | null; phones?: LabelledValue[] }) {
  const emails = data.emails ?? (data.email !== undefined ? withPrimary(before.emails, data.email) : undefined);
  const phones = data.phones
    ? normalisePhones(data.phones)
    : data.phone !== undefined
      ? withPrimary(before.phones, data.phone === null ? null : normaliseShortcutPhone(data.phone))
      : undefined;
  return {
    ...(emails && { emails, email: primaryOf(emails) }),
    ...(phones && { phones, phone: primaryOf(phones) }),
  };
}

/** Reads one contact as the caller may see it (404 when missing, deleted or not visible). */
export const getContact = (ctx: Ctx, id: string): Promise<ContactJson> => getRecord(ctx, contactRecord, id);

/** Creates a contact with its links, custom values, audit entry, timeline event and outbox event, in one transaction. */
export async function createContact(ctx: Ctx, input: CreateContactInput): Promise<ContactJson> {
  requirePermission(ctx, 'records:write');
  const { companies: links, companyId, custom, email, emails, phone, phones, ...data } = createContactSchema.parse(input);
  shortcutClash({ email, emails, phone, phones });
  if (links && companyId !== undefined) throw invalid([{ path: 'companyId', message: 'Send companyId or companies, not both' }]);
  const wanted: Link[] = links ?? (companyId ? [{ companyId, role: null, isPrimary: true }] : []);
  const lists = contactLists({ emails: [], phones: [] }, { email, emails, phone, phones });
  const stage = data.stage ?? 'lead';
  const visibility = await visibilityOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const txCtx = { ...ctx, db: tx };
    await requireMember(tx, ctx, data.ownerId);
    await checkCompanies(tx, ctx, wanted, links ? 'companies' : 'companyId', visibility);
    const values = {
      ...data,
      ...lists,
      stage,
      stageDates: { [stage]: new Date().toISOString() },
      ownerId: data.ownerId === undefined ? ctx.actorUserId : data.ownerId,
      custom: await validateCustomValues(txCtx, 'contact', custom, null),
      companyId: wanted.find((l) => l.isPrimary)?.companyId ?? null,
      workspaceId: ctx.workspaceId,
      createdBy: ctx.actorUserId,
      updatedBy: ctx.actorUserId,
    };
    return insertRecord(tx, ctx, writer, values, (row) => writeLinks(tx, ctx, row.id, wanted));
  });
}

/** Updates a contact if `version` is still current; a stale version is a 409 naming who changed it. */
export async function updateContact(ctx: Ctx, id: string, input: UpdateContactInput): Promise<ContactJson> {
  requirePermission(ctx, 'records:write');
  const { version, companyId, custom, email, emails, phone, phones, ...data } = updateContactSchema.parse(input);
  const expected = requireVersion(version);
  shortcutClash({ email, emails, phone, phones });
  const visibility = await visibilityOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await lockContact(tx, ctx, id);
    if (!before || !canSeeOwner(visibility, before.ownerId)) throw notFound(what);
    if (before.version !== expected) throw await versionConflict(tx, before, what);
    if (data.ownerId !== undefined && data.ownerId !== before.ownerId) await requireMember(tx, ctx, data.ownerId);
    const patch: Patch = {
      ...data,
      ...contactLists(before, { email, emails, phone, phones }),
      custom: await validateCustomValues({ ...ctx, db: tx }, 'contact', custom, before.custom),
    };
    if (companyId !== undefined && companyId !== before.companyId) {
      const links = await currentLinks(tx, ctx, id);
      const next: Link[] = companyId === null
        ? links.filter((l) => !l.isPrimary)
        : [{ companyId, role: links.find((l) => l.companyId === companyId)?.role ?? null, isPrimary: true }, ...links.filter((l) => l.companyId !== companyId).map((l) => ({ ...l, isPrimary: false }))];
      await checkCompanies(tx, ctx, next.filter((l) => l.companyId === companyId), 'companyId', visibility, links);
      await writeLinks(tx, ctx, id, next);
      patch.companyId = companyId;
    }
    return applyContactPatch(tx, ctx, before, patch);
  });
}

/** Locks a live contact row for the rest of the transaction (a second writer waits, then sees the new version). */
export const lockContact = (tx: Db, ctx: Ctx, id: string) => lockRecord<Row>(tx, ctx, contactRecord, id);

/** Writes a patch to a locked contact (records/save.ts); entering a stage stamps its date. */
export async function applyContactPatch(tx: Db, ctx: Ctx, before: Row, patch: Patch): Promise<ContactJson> {
  if (patch.stage !== undefined && patch.stage !== before.stage) {
    patch.stageDates = { ...before.stageDates, [patch.stage]: new Date().toISOString() };
  }
  return applyRecordPatch(tx, ctx, writer, before, patch as Partial<Row>);
}

/** Soft delete (into the trash): the row, its links and activities stay until purge. With a version, only that version. */
export async function deleteContact(ctx: Ctx, id: string, options: { version?: number } = {}): Promise<void> {
  await deleteRecord(ctx, 'contact', id, options);
}

/** Brings a contact back from the trash, with the links and activities it kept there. */
export async function restoreContact(ctx: Ctx, id: string): Promise<ContactJson> {
  await restoreRecord(ctx, 'contact', id);
  return readContact(ctx.db, ctx, id);
}

const live = (ctx: Ctx) => and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt));

/** The foundation's name-order page query, kept for bench/contacts-list.ts (limit + 1 rows). */
export function contactsPageQuery(ctx: Ctx, query: ListContactsQuery) {
  const { q, limit, cursor } = listContactsQuerySchema.parse(query);
  const conditions: (SQL | undefined)[] = [live(ctx)];
  if (q) conditions.push(sql`${contacts.searchText} like ${searchPattern(q)}`);
  if (cursor) {
    const [sortName, id] = decodeCursor(cursor);
    conditions.push(sql`(${contacts.sortName}, ${contacts.id}) > (${sortName}, ${id}::uuid)`);
  }
  return ctx.db
    .select({ ...getTableColumns(contacts), companyName: companies.name })
    .from(contacts)
    .leftJoin(companies, and(eq(companies.workspaceId, contacts.workspaceId), eq(companies.id, contacts.companyId)))
    .where(and(...conditions))
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(limit + 1);
}

/** One page of contacts (the generic records list, kept for the existing callers). */
export async function listContacts(ctx: Ctx, query: ListRecordsQuery): Promise<RecordPage<Contact>> {
  return listRecords(ctx, contactRecord, query);
}
