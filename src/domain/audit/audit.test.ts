import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { makeCustomField, setRecordVisibility } from '../../test-support/records.js';
import { createCompany, deleteCompany, updateCompany } from '../companies/service.js';
import { replaceContactCompanies } from '../contacts/links.js';
import { createContact, deleteContact, updateContact } from '../contacts/service.js';
import { purgeRecord } from '../trash/service.js';
import { listHistory } from './service.js';

const { db, app } = await useTestApp();

describe('GET /api/history/:recordType/:id', () => {
  test('lists a record’s changes newest first with actor, channel and each field’s old and new value', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Noa', city: 'Haifa' });
    const session = await logIn(app, owner.email);
    await app.inject({ method: 'PATCH', url: `/api/contacts/${contact.id}`, headers: session.headers, payload: { city: 'Eilat', version: 1 } });
    const history = await app.inject({ method: 'GET', url: `/api/history/contact/${contact.id}`, headers: { cookie: session.cookie } });
    expect(history.statusCode).toBe(200);
    expect(history.json().items).toMatchObject([
      { action: 'update', channel: 'web', actorUserId: owner.id, actorName: 'Owner', recordType: 'contact', recordName: 'Noa', changes: [{ field: 'city', old: 'Haifa', new: 'Eilat' }] },
      { action: 'create', channel: 'api', changes: expect.arrayContaining([{ field: 'city', old: null, new: 'Haifa' }]) },
    ]);
    const page = await app.inject({ method: 'GET', url: `/api/history/contact/${contact.id}?limit=1`, headers: { cookie: session.cookie } });
    const next = await app.inject({ method: 'GET', url: `/api/history/contact/${contact.id}?limit=1&cursor=${page.json().nextCursor}`, headers: { cookie: session.cookie } });
    expect(next.json()).toMatchObject({ items: [{ action: 'create' }], nextCursor: null });
  });

  test('needs the record visible: another workspace’s, an invisible one and an unknown type are 404s', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const stranger = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await logIn(app, (await makeMember(db, workspace.id, 'sales')).email);
    const mine = await createContact(ctx(), { firstName: 'Owner’s' });
    const theirs = await createContact(stranger.ctx(), { firstName: 'Foreign' });
    const owner = await logIn(app, stranger.owner.email);
    const get = (session: { cookie: string }, url: string) => app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
    expect((await get(rep, `/api/history/contact/${mine.id}`)).statusCode).toBe(404);
    expect((await get(owner, `/api/history/contact/${mine.id}`)).statusCode).toBe(404);
    expect((await get(owner, `/api/history/contact/${theirs.id}`)).statusCode).toBe(200);
    expect((await get(owner, `/api/history/dragon/${theirs.id}`)).statusCode).toBe(404);
  });

  test('a deleted record’s history stays readable', async () => {
    const { ctx } = await makeWorkspace(db);
    const company = await createCompany(ctx(), { name: 'Acme' });
    await updateCompany(ctx(), company.id, { industry: 'Food', version: 1 });
    await deleteCompany(ctx(), company.id);
    expect((await listHistory(ctx(), 'company', company.id, {})).items.map((i) => i.action)).toEqual(['delete', 'update', 'create']);
  });
  test('names the companies, relations and owners its changes point to; a record the reader may not see is null, never its name', async () => {
    const { ctx, workspace, owner } = await makeWorkspace(db);
    const stranger = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    await makeCustomField(db, workspace.id, { key: 'cf_referrer', type: 'relation', config: { target: 'company' } });
    const acme = await createCompany(ctx(), { name: 'Acme', ownerId: rep.id });
    const globex = await createCompany(ctx(), { name: 'Globex' });
    const initech = await createCompany(ctx(), { name: 'Initech' });
    const foreign = await createCompany(stranger.ctx(), { name: 'Foreign Ltd' });
    const contact = await createContact(ctx(), { firstName: 'Dana', ownerId: rep.id });
    await replaceContactCompanies(ctx(), contact.id, [
      { companyId: acme.id, role: 'director', isPrimary: true },
      { companyId: globex.id, role: null, isPrimary: false },
    ]);
    await updateContact(ctx(), contact.id, { custom: { cf_referrer: { recordType: 'company', id: initech.id } }, version: 2 });
    await updateContact(ctx(), contact.id, { ownerId: owner.id, version: 3 });
    await updateContact(ctx(), contact.id, { ownerId: rep.id, version: 4 });

    const all = await listHistory(ctx(), 'contact', contact.id, {});
    expect(all.names).toEqual({
      [`company:${acme.id}`]: 'Acme',
      [`company:${globex.id}`]: 'Globex',
      [`company:${initech.id}`]: 'Initech',
      [`member:${owner.id}`]: 'Owner',
      [`member:${rep.id}`]: 'Member sales',
    });
    expect(all.items.find((i) => i.action === 'link')!.changes).toContainEqual({
      field: 'companies',
      old: [],
      new: expect.arrayContaining([expect.objectContaining({ companyId: acme.id, role: 'director' })]),
    });

    // The rep sees their own contact and Acme, but not the owner's Globex: it is null, not "Globex".
    const session = await logIn(app, rep.email);
    const answer = await app.inject({ method: 'GET', url: `/api/history/contact/${contact.id}`, headers: { cookie: session.cookie } });
    expect(answer.statusCode).toBe(200);
    const names = answer.json().names as Record<string, string | null>;
    expect(names).toMatchObject({ [`company:${acme.id}`]: 'Acme', [`company:${globex.id}`]: null, [`member:${rep.id}`]: 'Member sales' });
    expect(JSON.stringify(names)).not.toContain('Globex');

    // Another workspace's id in a change is never named.
    await db.execute(
      sql`update audit_log set changes = ${JSON.stringify([{ field: 'companyId', old: null, new: foreign.id }])}::jsonb
          where workspace_id = ${workspace.id} and record_id = ${contact.id} and action = 'create'`,
    );
    expect((await listHistory(ctx(), 'contact', contact.id, {})).names[`company:${foreign.id}`]).toBeNull();
  });
});

describe('GET /api/audit', () => {
  test('owners and admins read the workspace’s log with filters; other roles get 403', async () => {
    const { ctx, owner, workspace } = await makeWorkspace(db);
    const a = await createContact(ctx(), { firstName: 'A' });
    const b = await createContact(ctx(), { firstName: 'B' });
    await updateContact({ ...ctx(), channel: 'cli' }, a.id, { city: 'Haifa', version: 1 });
    await deleteContact(ctx(), b.id);
    await purgeRecord(ctx(), 'contact', b.id);
    const session = await logIn(app, owner.email);
    const get = (qs: string, s = session) => app.inject({ method: 'GET', url: `/api/audit?${qs}`, headers: { cookie: s.cookie } });
    const all = (await get('')).json();
    expect(all.items.map((i: { action: string }) => i.action)).toEqual(['purge', 'delete', 'update', 'create', 'create']);
    expect(all.items[0]).toMatchObject({ recordId: b.id, recordName: null, actorName: 'Owner' });
    expect((await get('channel=cli')).json().items).toMatchObject([{ recordId: a.id, recordName: 'A', action: 'update' }]);
    expect((await get(`recordId=${a.id}`)).json().items).toHaveLength(2);
    expect((await get('action=create&limit=1')).json()).toMatchObject({ items: [{ recordId: b.id }], nextCursor: expect.any(String) });
    expect((await get(`actorUserId=${owner.id}&recordType=contact`)).json().items).toHaveLength(5);
    expect((await get(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`)).json().items).toEqual([]);
    expect((await get('to=2000-01-01T00:00:00Z')).json().items).toEqual([]);
    expect((await get('channel=fax')).statusCode).toBe(400);
    expect((await get('cursor=abc')).statusCode).toBe(400);
    const manager = await logIn(app, (await makeMember(db, workspace.id, 'manager')).email);
    expect((await get('', manager)).statusCode).toBe(403);
    const admin = await logIn(app, (await makeMember(db, workspace.id, 'admin')).email);
    expect((await get('', admin)).json().items).toHaveLength(5);
  });

  test('is scoped to the workspace', async () => {
    const { owner } = await makeWorkspace(db);
    const stranger = await makeWorkspace(db);
    await createContact(stranger.ctx(), { firstName: 'Foreign' });
    const session = await logIn(app, owner.email);
    expect((await app.inject({ method: 'GET', url: '/api/audit', headers: { cookie: session.cookie } })).json().items).toEqual([]);
  });
});
