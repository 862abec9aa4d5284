import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { auditOf, eventsOf, makeCustomField, setRecordVisibility } from '../../test-support/records.js';
import { createCompany, deleteCompany, getCompany } from '../companies/service.js';
import { createContact, deleteContact, getContact, updateContact } from '../contacts/service.js';
import { contacts } from '../contacts/table.js';
import { purgeExpired } from './purge.js';
import { purgeRecord, restoreRecord } from './service.js';
import { workspaces } from '../workspaces/table.js';

const { db, app } = await useTestApp();

/** A workspace with relation fields on contacts (to a company) and on companies (to a contact). */
async function setUp() {
  const made = await makeWorkspace(db);
  const { workspace, ctx } = made;
  await makeCustomField(db, workspace.id, { key: 'cf_employer', type: 'relation', config: { target: 'company' } });
  await makeCustomField(db, workspace.id, { recordType: 'company', key: 'cf_partner', type: 'relation', config: { target: 'company' } });
  await makeCustomField(db, workspace.id, { recordType: 'company', key: 'cf_contact', type: 'relation', config: { target: 'contact' } });
  const target = await createCompany(ctx(), { name: 'Target Ltd' });
  const employer = { recordType: 'company', id: target.id };
  const referrer = await createContact(ctx(), { firstName: 'Referrer', custom: { cf_employer: employer } });
  const partner = await createCompany(ctx(), { name: 'Partner Ltd', custom: { cf_partner: employer } });
  const trashed = await createContact(ctx(), { firstName: 'Trashed', custom: { cf_employer: employer } });
  await deleteContact(ctx(), trashed.id);
  return { ...made, target, employer, referrer, partner, trashed };
}

describe('relation values and the trash', () => {
  test('a target in the trash reads as a deleted record; a value read can be written back as it is', async () => {
    const { ctx, owner, target, employer, referrer, partner } = await setUp();
    await deleteCompany(ctx(), target.id);
    const contact = await getContact(ctx(), referrer.id);
    expect(contact.custom).toEqual({ cf_employer: { ...employer, name: 'Target Ltd', deleted: true } });
    expect((await getCompany(ctx(), partner.id)).custom).toEqual({ cf_partner: { ...employer, name: 'Target Ltd', deleted: true } });
    const session = await logIn(app, owner.email);
    const listed = await app.inject({ method: 'GET', url: '/api/contacts?limit=50', headers: session.headers });
    expect(listed.json().items.find((c: { id: string }) => c.id === referrer.id).custom).toEqual({ cf_employer: { ...employer, name: 'Target Ltd', deleted: true } });
    // The card's PATCH of another field with the value as read: accepted, stored without the mark.
    const saved = await updateContact(ctx(), referrer.id, { city: 'Haifa', custom: contact.custom, version: contact.version });
    expect(saved.custom).toEqual({ cf_employer: { ...employer, name: 'Target Ltd', deleted: true } });
    const [stored] = await db.select({ custom: contacts.custom }).from(contacts).where(eq(contacts.id, referrer.id));
    expect(stored!.custom).toEqual({ cf_employer: employer });
    await restoreRecord(ctx(), 'company', target.id);
    expect((await getContact(ctx(), referrer.id)).custom).toEqual({ cf_employer: { ...employer, name: 'Target Ltd' } });
  });

  test('a reader who may not see the trashed target is not told it is deleted', async () => {
    const { ctx, workspace, target, employer } = await setUp();
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const repCtx = { ...ctx('sales'), user: rep, actorUserId: rep.id };
    const mine = await createContact(ctx(), { firstName: 'Mine', ownerId: rep.id, custom: { cf_employer: employer } });
    await deleteCompany(ctx(), target.id);
    expect((await getContact(repCtx, mine.id)).custom).toEqual({ cf_employer: employer });
    expect((await getContact(ctx(), mine.id)).custom).toEqual({ cf_employer: { ...employer, name: 'Target Ltd', deleted: true } });
  });

  test('purging the target clears every value pointing at it, audited on each referring record; another workspace is untouched', async () => {
    const { ctx, workspace, target, employer, referrer, partner, trashed } = await setUp();
    const stranger = await makeWorkspace(db);
    await makeCustomField(db, stranger.workspace.id, { key: 'cf_employer', type: 'relation', config: { target: 'company' } });
    // Another workspace's value naming the same id (written directly: it could not point there).
    const foreign = await createContact(stranger.ctx(), { firstName: 'Foreign' });
    await db
      .update(contacts)
      .set({ custom: { cf_employer: employer } })
      .where(and(eq(contacts.workspaceId, stranger.workspace.id), eq(contacts.id, foreign.id)));
    const self = await createCompany(ctx(), { name: 'Other', custom: { cf_partner: { recordType: 'company', id: partner.id } } });

    await deleteCompany(ctx(), target.id);
    await purgeRecord(ctx(), 'company', target.id);

    const after = await getContact(ctx(), referrer.id);
    expect(after.custom).toEqual({});
    expect(after.version).toBe(referrer.version + 1);
    expect((await auditOf(db, workspace.id, referrer.id))[0]).toMatchObject({ action: 'update', changes: [{ field: 'custom.cf_employer', old: employer, new: null }] });
    expect((await eventsOf(db, workspace.id, referrer.id))[0]).toMatchObject({ action: 'updated' });
    expect((await getCompany(ctx(), partner.id)).custom).toEqual({});
    expect((await auditOf(db, workspace.id, partner.id))[0]).toMatchObject({ action: 'update', changes: [{ field: 'custom.cf_partner' }] });
    // A record in the trash loses the value too, so a restore brings back no dangling id.
    await restoreRecord(ctx(), 'contact', trashed.id);
    expect((await getContact(ctx(), trashed.id)).custom).toEqual({});
    // Values pointing elsewhere stay; the other workspace is untouched.
    expect((await getCompany(ctx(), self.id)).custom).toEqual({ cf_partner: { recordType: 'company', id: partner.id, name: 'Partner Ltd' } });
    const [theirs] = await db.select({ custom: contacts.custom, version: contacts.version }).from(contacts).where(eq(contacts.id, foreign.id));
    expect(theirs).toEqual({ custom: { cf_employer: employer }, version: foreign.version });
  });

  test('the retention purge (kesher purge) clears them too, audited as the CLI', async () => {
    const { ctx, workspace, target, referrer } = await setUp();
    await deleteCompany(ctx(), target.id);
    await db.update(workspaces).set({ trashRetentionDays: 1 }).where(eq(workspaces.id, workspace.id));
    await db.execute(sql`update companies set deleted_at = now() - interval '2 days' where workspace_id = ${workspace.id} and id = ${target.id}`);
    await purgeExpired(db, { workspace: workspace.slug });
    expect((await getContact(ctx(), referrer.id)).custom).toEqual({});
    expect((await auditOf(db, workspace.id, referrer.id))[0]).toMatchObject({ action: 'update', channel: 'cli', actorUserId: null });
  });
});
