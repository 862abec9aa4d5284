import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import { validateCustomValues } from '../custom-fields/values.js';
import { applyRecordPatch, insertRecord, lockRecord, type RecordWriter } from '../records/save.js';
import { canSeeOwner, visibilityOf, visibleCondition } from '../records/visibility.js';
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
import { readCompany, type CompanyJson } from './read.js';
import { getRecord } from '../records/list.js';
import { companyRecord } from './record.js';
import {
  createCompanySchema,
  updateCompanySchema,
  type CompanyContact,
  type CreateCompanyInput,
  type UpdateCompanyInput,
} from './schema.js';
import { contactCompanies, contacts } from '../contacts/table.js';
import { companies } from './table.js';

export type { CompanyJson };

const what = 'Company';
type Row = typeof companies.$inferSelect;
type Patch = Partial<typeof companies.$inferInsert>;

/** The fields the audit compares, in API form. */
const audited = (row: Row | Patch) => ({
  name: row.name,
  domain: row.domain,
  phones: row.phones,
  street: row.street,
  city: row.city,
  postalCode: row.postalCode,
  country: row.country,
  industry: row.industry,
  size: row.size,
  ownerId: row.ownerId,
  tags: row.tags,
  notes: row.notes,
});

const writer: RecordWriter<Row, CompanyJson> = { type: companyRecord, audited };

function companyPhones(before: Pick<Row, 'phones'>, data: { phone?: string | null; phones?: Row['phones'] }) {
  if (data.phone !== undefined && data.phones !== undefined) throw invalid([{ path: 'phone', message: 'Send phone or phones, not both' }]);
  const phones = data.phones
    ? normalisePhones(data.phones)
    : data.phone !== undefined
      ? withPrimary(before.phones, data.phone === null ? null : normaliseShortcutPhone(data.phone))
      : undefined;
  return phones ? { phones, phone: primaryOf(phones) } : {};
}

export const getCompany = (ctx: Ctx, id: string): Promise<CompanyJson> => getRecord(ctx, companyRecord, id);

/** Creates a company with its custom values, audit entry, timeline event and outbox event, in one transaction. */
export async function createCompany(ctx: Ctx, input: CreateCompanyInput): Promise<CompanyJson> {
  requirePermission(ctx, 'records:write');
  const { custom, phone, phones, ...data } = createCompanySchema.parse(input);
  const lists = companyPhones({ phones: [] }, { phone, phones });
  return ctx.db.transaction(async (tx) => {
    await requireMember(tx, ctx, data.ownerId);
    return insertRecord(tx, ctx, writer, {
      ...data,
      ...lists,
      ownerId: data.ownerId === undefined ? ctx.actorUserId : data.ownerId,
      custom: await validateCustomValues({ ...ctx, db: tx }, 'company', custom, null),
      workspaceId: ctx.workspaceId,
      createdBy: ctx.actorUserId,
      updatedBy: ctx.actorUserId,
    });
  });
}

/** Updates a company if `version` is still current; a stale version is a 409 naming who changed it. */
export async function updateCompany(ctx: Ctx, id: string, input: UpdateCompanyInput): Promise<CompanyJson> {
  requirePermission(ctx, 'records:write');
  const { version, custom, phone, phones, ...data } = updateCompanySchema.parse(input);
  const expected = requireVersion(version);
  const visibility = await visibilityOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await lockCompany(tx, ctx, id);
    if (!before || !canSeeOwner(visibility, before.ownerId)) throw notFound(what);
    if (before.version !== expected) throw await versionConflict(tx, before, what);
    if (data.ownerId !== undefined && data.ownerId !== before.ownerId) await requireMember(tx, ctx, data.ownerId);
    const patch: Patch = {
      ...data,
      ...companyPhones(before, { phone, phones }),
      custom: await validateCustomValues({ ...ctx, db: tx }, 'company', custom, before.custom),
    };
    return applyCompanyPatch(tx, ctx, before, patch);
  });
}

export const lockCompany = (tx: Db, ctx: Ctx, id: string) => lockRecord<Row>(tx, ctx, companyRecord, id);

/** Writes a patch to a locked company (records/save.ts). */
export const applyCompanyPatch = (tx: Db, ctx: Ctx, before: Row, patch: Patch): Promise<CompanyJson> =>
  applyRecordPatch(tx, ctx, writer, before, patch as Partial<Row>);

export async function deleteCompany(ctx: Ctx, id: string, options: { version?: number } = {}): Promise<void> {
  await deleteRecord(ctx, 'company', id, options);
}

export async function restoreCompany(ctx: Ctx, id: string): Promise<CompanyJson> {
  await restoreRecord(ctx, 'company', id);
  return readCompany(ctx.db, ctx, id);
}

// The foundation's name search; the record engine's generic list replaces it.
/** The company's people the caller may see, with their role there, by name. */
export async function listCompanyContacts(ctx: Ctx, id: string): Promise<CompanyContact[]> {
  await getCompany(ctx, id);
  const visibility = await visibilityOf(ctx);
  return ctx.db
    .select({
      contactId: contacts.id,
      name: sql<string>`trim(${contacts.firstName} || ' ' || ${contacts.lastName})`,
      email: contacts.email,
      phone: contacts.phone,
      role: contactCompanies.role,
      isPrimary: contactCompanies.isPrimary,
    })
    .from(contactCompanies)
    .innerJoin(contacts, and(eq(contacts.workspaceId, contactCompanies.workspaceId), eq(contacts.id, contactCompanies.contactId)))
    .where(
      and(
        eq(contactCompanies.workspaceId, ctx.workspaceId),
        eq(contactCompanies.companyId, id),
        isNull(contacts.deletedAt),
        visibleCondition(visibility, contacts.ownerId),
      ),
    )
    .orderBy(asc(contacts.sortName), asc(contacts.id))
    .limit(1000);
}
