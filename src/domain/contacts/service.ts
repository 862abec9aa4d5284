import { and, asc, eq, getTableColumns, isNull, sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { containsPattern } from '../../db/like.js';
import { versionSchema } from '../common/schema.js';
import { companies } from '../companies/table.js';
import { listRecords, type ListRecordsQuery, type RecordPage } from '../records/list.js';
import { decodeCursor } from './cursor.js';
import { loadContacts } from './load.js';
import { contactRecord } from './record.js';
import { normalisePhone } from './phone.js';
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

const selection = { ...getTableColumns(contacts), companyName: companies.name };

function baseQuery(ctx: Ctx) {
  return ctx.db
    .select(selection)
    .from(contacts)
    .leftJoin(companies, and(eq(companies.workspaceId, contacts.workspaceId), eq(companies.id, contacts.companyId)))
    .$dynamic();
}

const live = (ctx: Ctx) => and(eq(contacts.workspaceId, ctx.workspaceId), isNull(contacts.deletedAt));

function phoneField(phone: string | null | undefined) {
  if (phone === undefined || phone === null) return phone;
  const e164 = normalisePhone(phone);
  if (!e164) {
    throw new AppError('validation_failed', 'Request is not valid', {
      fields: [{ path: 'phone', message: 'Not a valid phone number' }],
    });
  }
  return e164;
}

/** Foreign-key failures on company_id mean the company is not in this workspace. */
function rethrowCompany(error: unknown): never {
  const code = (error as { code?: string; cause?: { code?: string } }).code ?? (error as { cause?: { code?: string } }).cause?.code;
  if (code === '23503') {
    throw new AppError('validation_failed', 'Request is not valid', {
      fields: [{ path: 'companyId', message: 'No such company in this workspace' }],
    });
  }
  throw error;
}

export async function getContact(ctx: Ctx, id: string): Promise<Contact> {
  requirePermission(ctx, 'records:read');
  const [contact] = await loadContacts(ctx, [id]);
  if (!contact) throw notFound('Contact');
  return contact;
}

export async function createContact(ctx: Ctx, input: CreateContactInput): Promise<Contact> {
  requirePermission(ctx, 'records:write');
  const data = createContactSchema.parse(input);
  const values = { ...data, phone: phoneField(data.phone), workspaceId: ctx.workspaceId, createdBy: ctx.user?.id ?? null };
  const [row] = await ctx.db.insert(contacts).values(values).returning({ id: contacts.id }).catch(rethrowCompany);
  return getContact(ctx, row!.id);
}

/** Search text for a query: a phone fragment is matched by its digits, without a trunk 0. */
function searchPattern(q: string) {
  const lowered = q.toLowerCase();
  const digits = q.replace(/\D/g, '');
  const looksLikePhone = /^[\d\s\-+().]+$/.test(q) && digits.length >= 3;
  return containsPattern(looksLikePhone ? digits.replace(/^0/, '') : lowered);
}

/** The query behind one page of contacts (limit + 1 rows, to know whether there is a next page). */
export function contactsPageQuery(ctx: Ctx, query: ListContactsQuery) {
  const { q, limit, cursor } = listContactsQuerySchema.parse(query);
  const conditions: (SQL | undefined)[] = [live(ctx)];
  if (q) conditions.push(sql`${contacts.searchText} like ${searchPattern(q)}`);
  if (cursor) {
    const [sortName, id] = decodeCursor(cursor);
    conditions.push(sql`(${contacts.sortName}, ${contacts.id}) > (${sortName}, ${id}::uuid)`);
  }
  return baseQuery(ctx)
    .where(and(...conditions))
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(limit + 1);
}

/** One page of contacts (the generic records list, kept for the existing callers). */
export async function listContacts(ctx: Ctx, query: ListRecordsQuery): Promise<RecordPage<Contact>> {
  return listRecords(ctx, contactRecord, query);
}

/** Updates a contact if `version` is still current; a stale version is a 409, never a silent overwrite. */
export async function updateContact(ctx: Ctx, id: string, input: UpdateContactInput): Promise<Contact> {
  requirePermission(ctx, 'records:write');
  const { version, ...data } = updateContactSchema.parse(input);
  if (version === undefined) {
    throw new AppError('validation_failed', 'Send the version you edited (body.version or If-Match)', {
      fields: [{ path: 'version', message: 'Required' }],
    });
  }
  const changes = { ...data, ...(data.phone !== undefined && { phone: phoneField(data.phone) }) };
  const updated = await ctx.db
    .update(contacts)
    .set({ ...changes, version: sql`${contacts.version} + 1`, updatedAt: sql`now()` })
    .where(and(live(ctx), eq(contacts.id, id), eq(contacts.version, version)))
    .returning({ id: contacts.id })
    .catch(rethrowCompany);
  if (updated.length === 0) await versionConflict(ctx, id);
  return getContact(ctx, id);
}

/** The answer to a write whose version matched no live row: 404 when it is gone, else 409 with the current version. */
async function versionConflict(ctx: Ctx, id: string): Promise<never> {
  const current = await getContact(ctx, id);
  throw new AppError('version_conflict', 'Someone else changed this contact; reload and try again', {
    currentVersion: current.version,
  });
}

/**
 * Soft delete: the row stays (restore comes with the records model), it leaves every list. With a
 * version (If-Match) it deletes only that version, so nobody deletes what they have not seen.
 */
export async function deleteContact(ctx: Ctx, id: string, options: { version?: number } = {}): Promise<void> {
  requirePermission(ctx, 'records:write');
  const version = versionSchema.optional().parse(options.version);
  const deleted = await ctx.db
    .update(contacts)
    .set({ deletedAt: sql`now()`, version: sql`${contacts.version} + 1` })
    .where(and(live(ctx), eq(contacts.id, id), version === undefined ? undefined : eq(contacts.version, version)))
    .returning({ id: contacts.id });
  if (deleted.length > 0) return;
  if (version === undefined) throw notFound('Contact');
  await versionConflict(ctx, id);
}
