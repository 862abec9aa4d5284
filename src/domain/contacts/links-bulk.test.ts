import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { auditOf, eventsOf, setRecordVisibility } from '../../test-support/records.js';
import { bulkCompanies } from '../companies/bulk.js';
import { createCompany, deleteCompany, getCompany, listCompanyContacts } from '../companies/service.js';
import { bulkContacts } from './bulk.js';
import { createContact, getContact } from './service.js';

const { db, app } = await useTestApp();

describe('PUT /api/contacts/:id/companies', () => {
  test('replaces the links, keeps company_id on the primary, and audits link and unlink', async () => {
    const { ctx, owner, workspace } = await makeWorkspace(db);
    const [a, b] = [await createCompany(ctx(), { name: 'A' }), await createCompany(ctx(), { name: 'B' })];
    const contact = await createContact(ctx(), { firstName: 'Noa', companyId: a.id });
    const session = await logIn(app, owner.email);
    const put = (payload: unknown, headers = {}) => app.inject({ method: 'PUT', url: `/api/contacts/${contact.id}/companies`, headers: { ...session.headers, ...headers }, payload: payload as object });
    const linked = await put([{ companyId: a.id, role: 'director' }, { companyId: b.id, role: 'buyer', isPrimary: true }], { 'if-match': '"1"' });
    expect(linked.statusCode).toBe(200);
    expect(await getContact(ctx(), contact.id)).toMatchObject({
      version: 2,
      companyId: b.id,
      companies: expect.arrayContaining([{ companyId: a.id, name: 'A', role: 'director', isPrimary: false }, { companyId: b.id, name: 'B', role: 'buyer', isPrimary: true }]),
    });
    const [link] = await auditOf(db, workspace.id, contact.id);
    expect(link).toMatchObject({ action: 'link', changes: [{ field: 'companies' }, { field: 'companyId', old: a.id, new: b.id }] });
    expect((await eventsOf(db, workspace.id, b.id))[0]).toMatchObject({ action: 'updated', recordType: 'company' });
    expect(await listCompanyContacts(ctx(), a.id)).toEqual([{ contactId: contact.id, name: 'Noa', email: null, phone: null, role: 'director', isPrimary: false }]);

    expect((await put([{ companyId: a.id }], { 'if-match': '"1"' })).statusCode).toBe(409);
    expect((await put([{ companyId: a.id }])).statusCode).toBe(200);
    expect(await getContact(ctx(), contact.id)).toMatchObject({ companyId: a.id, companies: [{ companyId: a.id, role: null, isPrimary: true }] });
    expect((await auditOf(db, workspace.id, contact.id))[0]!.action).toBe('unlink');
    expect((await getCompany(ctx(), b.id)).contactCount).toBe(0);
    expect((await put([])).json()).toMatchObject({ companyId: null });
  });

  test('refuses a deleted company, another workspace’s, two primaries and a repeated company', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const stranger = await makeWorkspace(db);
    const gone = await createCompany(ctx(), { name: 'Gone' });
    await deleteCompany(ctx(), gone.id);
    const foreign = await createCompany(stranger.ctx(), { name: 'Foreign' });
    const live = await createCompany(ctx(), { name: 'Live' });
    const contact = await createContact(ctx(), { firstName: 'Noa' });
    const session = await logIn(app, owner.email);
    const put = (payload: object) => app.inject({ method: 'PUT', url: `/api/contacts/${contact.id}/companies`, headers: session.headers, payload });
    for (const [payload, path] of [
      [[{ companyId: live.id }, { companyId: gone.id }], '1.companyId'],
      [[{ companyId: foreign.id }], '0.companyId'],
      [[{ companyId: live.id, isPrimary: true }, { companyId: gone.id, isPrimary: true }], 'body'],
      [[{ companyId: live.id }, { companyId: live.id }], 'body'],
    ] as const) {
      const response = await put(payload as unknown as object);
      expect(response.statusCode).toBe(400);
      expect(response.json().fields[0].path).toBe(path);
    }
    expect((await getContact(ctx(), contact.id)).version).toBe(1);
  });
});

describe('bulk actions', () => {
  test('set_owner, add_tag, remove_tag, set_stage and delete: changed records audited one by one, the rest skipped', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const rep = await makeMember(db, workspace.id, 'sales');
    const a = await createContact(ctx(), { firstName: 'A', tags: ['vip'] });
    const b = await createContact(ctx(), { firstName: 'B' });
    const stranger = await makeWorkspace(db);
    const foreign = await createContact(stranger.ctx(), { firstName: 'Foreign' });
    const ids = [a.id, b.id, foreign.id];

    expect(await bulkContacts(ctx(), { ids, action: 'add_tag', value: 'VIP' })).toEqual({
      updated: 1,
      skipped: [{ id: a.id, reason: 'unchanged' }, { id: foreign.id, reason: 'not_found' }],
    });
    expect((await getContact(ctx(), b.id)).tags).toEqual(['VIP']);
    expect((await auditOf(db, workspace.id, b.id))[0]).toMatchObject({ action: 'update', changes: [{ field: 'tags', old: [], new: ['VIP'] }] });
    expect((await bulkContacts(ctx(), { ids: [a.id, b.id], action: 'remove_tag', value: 'vip' })).updated).toBe(2);
    expect((await bulkContacts(ctx(), { ids: [a.id, b.id], action: 'set_stage', value: 'customer' })).updated).toBe(2);
    expect((await getContact(ctx(), a.id)).stageDates).toHaveProperty('customer');
    expect((await bulkContacts(ctx(), { ids: [a.id], action: 'set_owner', value: rep.id })).updated).toBe(1);
    expect((await getContact(ctx(), a.id)).ownerId).toBe(rep.id);
    expect(await bulkContacts(ctx(), { ids: [a.id, b.id], action: 'delete' })).toEqual({ updated: 2, skipped: [] });
    expect((await eventsOf(db, workspace.id, a.id))[0]).toMatchObject({ action: 'deleted' });
    expect(await bulkContacts(ctx(), { ids: [a.id], action: 'delete' })).toEqual({ updated: 0, skipped: [{ id: a.id, reason: 'not_found' }] });
    expect((await getContact(stranger.ctx(), foreign.id)).version).toBe(1);
  });

  test('records the caller cannot see are skipped and never touched', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const theirs = await createContact(ctx(), { firstName: 'Theirs' });
    const session = await logIn(app, rep.email);
    const mine = (await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: { firstName: 'Mine' } })).json();
    const response = await app.inject({ method: 'POST', url: '/api/contacts/bulk', headers: session.headers, payload: { ids: [mine.id, theirs.id], action: 'add_tag', value: 'x' } });
    expect(response.json()).toEqual({ updated: 1, skipped: [{ id: theirs.id, reason: 'not_found' }] });
    expect((await getContact(ctx(), theirs.id)).version).toBe(1);
  });

  test('bad input is a 400: too many ids, a value that does not fit the action, a stranger as owner', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const stranger = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'A' });
    const session = await logIn(app, owner.email);
    const bulk = (payload: object, url = '/api/contacts/bulk') => app.inject({ method: 'POST', url, headers: session.headers, payload });
    const ids = Array.from({ length: 501 }, () => crypto.randomUUID());
    expect((await bulk({ ids, action: 'delete' })).json().fields[0].path).toBe('ids');
    expect((await bulk({ ids: [contact.id], action: 'set_stage', value: 'nope' })).json().fields[0].path).toBe('value');
    expect((await bulk({ ids: [contact.id], action: 'add_tag' })).json().fields[0].path).toBe('value');
    expect((await bulk({ ids: [contact.id], action: 'set_owner', value: stranger.owner.id })).json().fields).toEqual([{ path: 'value', message: 'Not a member of this workspace' }]);
    expect((await bulk({ ids: [contact.id], action: 'set_stage', value: 'lead' }, '/api/companies/bulk')).json().fields[0].path).toBe('action');
    const viewer = await logIn(app, (await makeMember(db, (await getWorkspaceOf(ctx)).id, 'viewer')).email);
    expect((await app.inject({ method: 'POST', url: '/api/contacts/bulk', headers: viewer.headers, payload: { ids: [contact.id], action: 'delete' } })).statusCode).toBe(403);
    expect((await getContact(ctx(), contact.id)).version).toBe(1);
  });

  test('companies: bulk tag and delete', async () => {
    const { ctx } = await makeWorkspace(db);
    const a = await createCompany(ctx(), { name: 'A' });
    expect(await bulkCompanies(ctx(), { ids: [a.id], action: 'add_tag', value: 'partner' })).toEqual({ updated: 1, skipped: [] });
    expect((await getCompany(ctx(), a.id)).tags).toEqual(['partner']);
    expect(await bulkCompanies(ctx(), { ids: [a.id], action: 'delete' })).toEqual({ updated: 1, skipped: [] });
    await expect(getCompany(ctx(), a.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

const getWorkspaceOf = async (ctx: () => { workspaceId: string }) => ({ id: ctx().workspaceId });
