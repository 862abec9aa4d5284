import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import { companies } from '../companies/table.js';
import { publishEvent, recordChange } from '../records/changes.js';
import { canSeeOwner, visibilityOf, type Visibility } from '../records/visibility.js';
import { invalid, versionConflict } from '../records/write.js';
import { readContact, type ContactJson } from './read.js';
import { contactCompanyLinksSchema, type ContactCompanyLinksInput } from './schema.js';
import { contactCompanies, contacts } from './table.js';

export interface Link {
  companyId: string;
  role: string | null;
  isPrimary: boolean;
}

/**
 * Every company of the links must be a live company of this workspace that the caller may see (one
 * they already had linked stays allowed); else a 400 naming the entry, the same for a missing company
 * and a hidden one, so an id leaks neither a name nor that it exists.
 */
export async function checkCompanies(tx: Db, ctx: Ctx, links: Link[], path: string, visibility: Visibility, kept: readonly Link[] = []) {
  if (links.length === 0) return;
  const found = await tx
    .select({ id: companies.id, ownerId: companies.ownerId })
    .from(companies)
    .where(and(eq(companies.workspaceId, ctx.workspaceId), inArray(companies.id, links.map((l) => l.companyId)), isNull(companies.deletedAt)));
  const ids = new Set(found.filter((f) => canSeeOwner(visibility, f.ownerId) || kept.some((k) => k.companyId === f.id)).map((f) => f.id));
  const missing = links.flatMap((l, i) => (ids.has(l.companyId) ? [] : [{ path: path === 'companyId' ? path : [path, i, 'companyId'].filter((p) => p !== '').join('.'), message: 'No such company in this workspace' }]));
  if (missing.length > 0) throw invalid(missing);
}

export async function currentLinks(tx: Db, ctx: Ctx, contactId: string): Promise<Link[]> {
  return tx
    .select({ companyId: contactCompanies.companyId, role: contactCompanies.role, isPrimary: contactCompanies.isPrimary })
    .from(contactCompanies)
    .where(and(eq(contactCompanies.workspaceId, ctx.workspaceId), eq(contactCompanies.contactId, contactId)))
    .orderBy(asc(contactCompanies.createdAt));
}

/** Makes the contact's links exactly `links` (kept links keep their creation time, so their order). */
export async function writeLinks(tx: Db, ctx: Ctx, contactId: string, links: Link[]) {
  const mine = and(eq(contactCompanies.workspaceId, ctx.workspaceId), eq(contactCompanies.contactId, contactId));
  const ids = links.map((l) => l.companyId);
  await tx.delete(contactCompanies).where(ids.length > 0 ? and(mine, notInArray(contactCompanies.companyId, ids)) : mine);
  if (links.length === 0) return;
  await tx
    .insert(contactCompanies)
    .values(links.map((l) => ({ workspaceId: ctx.workspaceId, contactId, companyId: l.companyId, role: l.role, isPrimary: l.isPrimary })))
    .onConflictDoUpdate({
      target: [contactCompanies.workspaceId, contactCompanies.contactId, contactCompanies.companyId],
      set: { role: sql`excluded.role`, isPrimary: sql`excluded.is_primary` },
    });
}

/**
 * What a replacement of the links becomes: the links sent, plus the current links the caller is not
 * shown: to a company they may not see (a colleague linked it) or one in the trash (a restore brings it
 * back with its links). A PUT of what the card shows must not delete those. A hidden primary stays
 * primary unless the links sent mark one explicitly.
 */
export async function withHiddenLinks(tx: Db, ctx: Ctx, sent: Link[], explicitPrimary: boolean, old: Link[], visibility: Visibility): Promise<Link[]> {
  const unsent = old.filter((o) => !sent.some((l) => l.companyId === o.companyId));
  if (unsent.length === 0) return sent;
  const found = await tx
    .select({ id: companies.id, ownerId: companies.ownerId, deletedAt: companies.deletedAt })
    .from(companies)
    .where(and(eq(companies.workspaceId, ctx.workspaceId), inArray(companies.id, unsent.map((l) => l.companyId))));
  const shown = new Set(found.filter((c) => c.deletedAt === null && canSeeOwner(visibility, c.ownerId)).map((c) => c.id));
  const hidden = unsent.filter((l) => !shown.has(l.companyId));
  const keepPrimary = !explicitPrimary && hidden.some((l) => l.isPrimary);
  return [
    ...sent.map((l) => (keepPrimary ? { ...l, isPrimary: false } : l)),
    ...hidden.map((l) => (keepPrimary ? l : { ...l, isPrimary: false })),
  ];
}

const sameLinks = (a: Link[], b: Link[]) => {
  const key = (links: Link[]) => JSON.stringify(links.map((l) => [l.companyId, l.role, l.isPrimary]).sort());
  return key(a) === key(b);
};

/**
 * PUT /api/contacts/:id/companies: replaces the contact's links (those the caller may see; see
 * withHiddenLinks), keeps contacts.company_id on the primary one, and audits the change as link (or
 * unlink when links only went away).
 */
export async function replaceContactCompanies(ctx: Ctx, id: string, input: ContactCompanyLinksInput, options: { version?: number } = {}): Promise<ContactJson> {
  requirePermission(ctx, 'records:write');
  const sent = contactCompanyLinksSchema.parse(input);
  const explicitPrimary = input.some((l) => l.isPrimary === true);
  const visibility = await visibilityOf(ctx);
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select({ id: contacts.id, ownerId: contacts.ownerId, version: contacts.version, updatedBy: contacts.updatedBy, companyId: contacts.companyId })
      .from(contacts)
      .where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, id), isNull(contacts.deletedAt)))
      .for('update');
    if (!before || !canSeeOwner(visibility, before.ownerId)) throw notFound('Contact');
    if (options.version !== undefined && before.version !== options.version) throw await versionConflict(tx, before, 'Contact');
    const old = await currentLinks(tx, ctx, id);
    const links = await withHiddenLinks(tx, ctx, sent, explicitPrimary, old, visibility);
    if (sameLinks(old, links)) return readContact(tx, ctx, id);
    await checkCompanies(tx, ctx, sent, '', visibility, old);
    await writeLinks(tx, ctx, id, links);
    const companyId = links.find((l) => l.isPrimary)?.companyId ?? null;
    const version = before.version + 1;
    await tx
      .update(contacts)
      .set({ companyId, version, updatedAt: sql`now()`, updatedBy: ctx.actorUserId })
      .where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, id)));
    const added = links.some((l) => !old.some((o) => o.companyId === l.companyId));
    const changes = [{ field: 'companies', old, new: links }];
    if (companyId !== before.companyId) changes.push({ field: 'companyId', old: before.companyId as never, new: companyId as never });
    await recordChange(tx, ctx, { recordType: 'contact', recordId: id, action: added || links.length >= old.length ? 'link' : 'unlink', changes, ownerId: before.ownerId, version });
    // The companies' people changed too: their cards and lists refresh on these.
    const touched = new Set([...old, ...links].map((l) => l.companyId));
    const owners = await tx
      .select({ id: companies.id, ownerId: companies.ownerId })
      .from(companies)
      .where(and(eq(companies.workspaceId, ctx.workspaceId), inArray(companies.id, [...touched])));
    for (const company of owners) {
      await publishEvent(tx, ctx, { recordType: 'company', recordId: company.id, action: 'updated', ownerId: company.ownerId, payload: { fields: ['contacts'] } });
    }
    return readContact(tx, ctx, id);
  });
}
