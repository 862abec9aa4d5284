import { describe, expect, test } from 'vitest';
import type { Ctx } from '../../core/context.js';
import type { Role } from '../../core/roles.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { setRecordVisibility } from '../../test-support/records.js';
import { createCompany, deleteCompany, getCompany, listCompanyContacts, restoreCompany } from '../companies/service.js';
import { createTeam } from '../teams/service.js';
import { replaceContactCompanies } from './links.js';
import { createContact, getContact, listContacts, updateContact } from './service.js';

const { db, app } = await useTestApp();

/**
 * A workspace where sales see their own records and managers their team's; the rep and the manager
 * share a team the owner is not in. The owner links the rep's contact to the owner's own company.
 */
async function setUp() {
  const { workspace, owner, ctx } = await makeWorkspace(db);
  await setRecordVisibility(db, workspace.id, { sales: 'own', manager: 'team' });
  const as = async (role: Role): Promise<Ctx> => {
    const user = await makeMember(db, workspace.id, role);
    return { ...ctx(role), user, actorUserId: user.id };
  };
  const rep = await as('sales');
  const manager = await as('manager');
  const admin = await as('admin');
  await createTeam(ctx(), { name: 'Field', memberIds: [rep.actorUserId!, manager.actorUserId!] });
  const open = await createCompany(rep, { name: 'Open Ltd' });
  const secret = await createCompany(ctx(), { name: 'Secret Ltd' });
  const mine = await createContact(rep, { firstName: 'Mine', companyId: open.id });
  await replaceContactCompanies(ctx(), mine.id, [{ companyId: open.id, role: 'buyer' }, { companyId: secret.id, role: 'advisor', isPrimary: true }]);
  const theirs = await createContact(ctx(), { firstName: 'Theirs', companyId: open.id });
  return { workspace, owner, ctx, rep, manager, admin, open, secret, mine, theirs };
}

describe("a contact's companies as each role sees them", () => {
  test('owner and admin see every link; own and team visibility leave out a company they may not see', async () => {
    const { ctx, rep, manager, admin, open, secret, mine } = await setUp();
    for (const reader of [ctx(), admin]) {
      expect(await getContact(reader, mine.id)).toMatchObject({
        companyId: secret.id,
        companyName: 'Secret Ltd',
        companies: [
          { companyId: secret.id, name: 'Secret Ltd', role: 'advisor', isPrimary: true },
          { companyId: open.id, name: 'Open Ltd', role: 'buyer', isPrimary: false },
        ],
      });
    }
    for (const reader of [rep, manager]) {
      const seen = await getContact(reader, mine.id);
      // The primary keeps its id (it exists, the card says it is not available) but not its name.
      expect(seen).toMatchObject({ companyId: secret.id, companyName: null, companies: [{ companyId: open.id, name: 'Open Ltd', role: 'buyer', isPrimary: false }] });
      expect(JSON.stringify(seen)).not.toContain('Secret');
      const listed = await listContacts(reader, { filter: JSON.stringify({ field: 'firstName', op: 'eq', value: 'Mine' }) });
      expect(listed.items).toEqual([seen]);
    }
  });

  test('over HTTP too: the JSON of the card and of the list never names the hidden company', async () => {
    const { rep, mine } = await setUp();
    const session = await logIn(app, rep.user!.email);
    for (const url of [`/api/contacts/${mine.id}`, '/api/contacts?limit=50']) {
      const response = await app.inject({ method: 'GET', url, headers: session.headers });
      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Mine');
      expect(response.body).not.toContain('Secret');
    }
  });

  test('replacing the links keeps a link the writer may not see, and its primary unless another is marked', async () => {
    const { ctx, rep, open, secret, mine } = await setUp();
    // The card sends what it shows: Open, no primary marked (none of its links is primary).
    await replaceContactCompanies(rep, mine.id, [{ companyId: open.id, role: 'owner' }]);
    expect(await getContact(ctx(), mine.id)).toMatchObject({
      companyId: secret.id,
      companies: [
        { companyId: secret.id, role: 'advisor', isPrimary: true },
        { companyId: open.id, role: 'owner', isPrimary: false },
      ],
    });
    // Removing every link the rep sees leaves the one they cannot.
    await replaceContactCompanies(rep, mine.id, []);
    expect((await getContact(ctx(), mine.id)).companies).toEqual([{ companyId: secret.id, name: 'Secret Ltd', role: 'advisor', isPrimary: true }]);
    expect((await getContact(rep, mine.id)).companies).toEqual([]);
    // Marking a visible company primary is the rep's choice: the hidden link stays, no longer primary.
    await replaceContactCompanies(rep, mine.id, [{ companyId: open.id, isPrimary: true }]);
    expect(await getContact(ctx(), mine.id)).toMatchObject({
      companyId: open.id,
      companies: [
        { companyId: open.id, isPrimary: true },
        { companyId: secret.id, isPrimary: false },
      ],
    });
    // The owner sees everything, so the owner's replacement is exact.
    await replaceContactCompanies(ctx(), mine.id, [{ companyId: open.id }]);
    expect((await getContact(ctx(), mine.id)).companies).toEqual([{ companyId: open.id, name: 'Open Ltd', role: null, isPrimary: true }]);
  });

  test('setting the primary company by companyId keeps the hidden link as a secondary one', async () => {
    const { ctx, rep, open, secret, mine } = await setUp();
    const current = await getContact(rep, mine.id);
    await updateContact(rep, mine.id, { companyId: open.id, version: current.version });
    expect(await getContact(ctx(), mine.id)).toMatchObject({
      companyId: open.id,
      companies: [
        { companyId: open.id, isPrimary: true },
        { companyId: secret.id, isPrimary: false },
      ],
    });
  });

  test("a company's people and count are only the contacts the reader may see", async () => {
    const { ctx, rep, manager, admin, open, mine, theirs } = await setUp();
    for (const reader of [ctx(), admin]) {
      expect((await getCompany(reader, open.id)).contactCount).toBe(2);
      expect((await listCompanyContacts(reader, open.id)).map((c) => c.contactId).sort()).toEqual([mine.id, theirs.id].sort());
    }
    for (const reader of [rep, manager]) {
      expect((await getCompany(reader, open.id)).contactCount).toBe(1);
      expect((await listCompanyContacts(reader, open.id)).map((c) => c.contactId)).toEqual([mine.id]);
    }
  });

  test('a link to a company in the trash survives a replacement and is back when the company is restored', async () => {
    const { ctx, open, secret, mine } = await setUp();
    await deleteCompany(ctx(), secret.id);
    expect(await getContact(ctx(), mine.id)).toMatchObject({ companyId: secret.id, companyName: null, companies: [{ companyId: open.id }] });
    await replaceContactCompanies(ctx(), mine.id, [{ companyId: open.id, role: 'partner' }]);
    await restoreCompany(ctx(), secret.id);
    expect((await getContact(ctx(), mine.id)).companies).toEqual([
      { companyId: secret.id, name: 'Secret Ltd', role: 'advisor', isPrimary: true },
      { companyId: open.id, name: 'Open Ltd', role: 'partner', isPrimary: false },
    ]);
  });

  test("another workspace's ids are not found", async () => {
    const { mine, secret } = await setUp();
    const stranger = await makeWorkspace(db);
    await expect(getContact(stranger.ctx(), mine.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(replaceContactCompanies(stranger.ctx(), mine.id, [])).rejects.toMatchObject({ code: 'not_found' });
    const own = await createContact(stranger.ctx(), { firstName: 'Elsewhere' });
    await expect(replaceContactCompanies(stranger.ctx(), own.id, [{ companyId: secret.id }])).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
