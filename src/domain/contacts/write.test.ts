import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { auditOf, eventsOf, failInsertsInto, setRecordVisibility, timelineCount } from '../../test-support/records.js';
import { createCompany } from '../companies/service.js';
import { createContact, deleteContact, getContact, restoreContact, updateContact } from './service.js';

const { db, app } = await useTestApp();

describe('creating a contact', () => {
  test('stores every field of the contract and answers in its shape', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const company = await createCompany(ctx(), { name: 'אלביט' });
    const contact = await createContact(ctx(), {
      firstName: ' דנה ',
      lastName: 'כהן',
      type: 'supplier',
      stage: 'qualified',
      source: 'Website',
      tags: [' VIP ', 'vip', 'north'],
      emails: [{ value: 'Dana@Example.COM', label: 'work' }, { value: 'dana@home.example', label: 'home', primary: true }],
      phones: [{ value: '052-555-1234', label: 'mobile' }],
      street: 'הרצל 1',
      city: 'תל אביב',
      postalCode: '6100000',
      country: 'il',
      birthday: '1990-02-28',
      language: 'HE',
      notes: 'line one\nline two',
      companies: [{ companyId: company.id, role: 'buyer' }],
    });
    expect(contact).toMatchObject({
      firstName: 'דנה',
      name: 'דנה כהן',
      type: 'supplier',
      stage: 'qualified',
      stageDates: { qualified: expect.any(String) },
      ownerId: owner.id,
      ownerName: 'Owner',
      tags: ['VIP', 'north'],
      email: 'dana@home.example',
      emails: [{ value: 'dana@example.com', label: 'work', primary: false }, { value: 'dana@home.example', label: 'home', primary: true }],
      phone: '+972525551234',
      phones: [{ value: '+972525551234', label: 'mobile', primary: true }],
      country: 'IL',
      birthday: '1990-02-28',
      language: 'he',
      notes: 'line one\nline two',
      companyId: company.id,
      companyName: 'אלביט',
      companies: [{ companyId: company.id, name: 'אלביט', role: 'buyer', isPrimary: true }],
      version: 1,
      updatedBy: owner.id,
      updatedByName: 'Owner',
    });
  });

  test('writes the audit entry, the timeline event and the outbox event with it', async () => {
    const { ctx, workspace, owner } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Noa', email: 'noa@example.com' });
    const [audit] = await auditOf(db, workspace.id, contact.id);
    expect(audit).toMatchObject({ action: 'create', channel: 'api', actorUserId: owner.id, recordType: 'contact' });
    expect(audit!.changes).toContainEqual({ field: 'firstName', old: null, new: 'Noa' });
    expect(audit!.changes).toContainEqual({ field: 'emails', old: null, new: [{ value: 'noa@example.com', label: 'work', primary: true }] });
    expect(await eventsOf(db, workspace.id, contact.id)).toMatchObject([{ action: 'created', version: 1, ownerId: owner.id }]);
    expect(await timelineCount(db, workspace.id, contact.id)).toBe(1);
  });

  test('the owner must be a member of the workspace', async () => {
    const { ctx } = await makeWorkspace(db);
    const stranger = await makeWorkspace(db);
    await expect(createContact(ctx(), { firstName: 'A', ownerId: stranger.owner.id })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: [{ path: 'ownerId', message: 'Not a member of this workspace' }] },
    });
  });
});

describe('updating a contact', () => {
  test('audits each changed field with its old and new value and bumps the version once', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Noa', city: 'Haifa' });
    const updated = await updateContact(ctx(), contact.id, { city: 'Eilat', firstName: 'Noa', tags: ['a'], version: 1 });
    expect(updated).toMatchObject({ city: 'Eilat', tags: ['a'], version: 2 });
    const [audit] = await auditOf(db, workspace.id, contact.id);
    expect(audit).toMatchObject({ action: 'update', changes: [{ field: 'tags', old: [], new: ['a'] }, { field: 'city', old: 'Haifa', new: 'Eilat' }] });
    expect((await eventsOf(db, workspace.id, contact.id))[0]).toMatchObject({ action: 'updated', version: 2, payload: { fields: ['tags', 'city'] } });
  });

  test('a change of stage records the date the stage was entered', async () => {
    const { ctx } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Noa' });
    expect(Object.keys(contact.stageDates)).toEqual(['lead']);
    const customer = await updateContact(ctx(), contact.id, { stage: 'customer', version: 1 });
    expect(customer.stageDates).toEqual({ lead: contact.stageDates.lead, customer: expect.any(String) });
    expect(Date.parse(customer.stageDates.customer!)).toBeGreaterThanOrEqual(Date.parse(contact.stageDates.lead!));
  });

  test('an update that changes nothing keeps the version and writes no audit entry', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Noa', city: 'Haifa' });
    expect((await updateContact(ctx(), contact.id, { city: 'Haifa', version: 1 })).version).toBe(1);
    expect(await auditOf(db, workspace.id, contact.id)).toHaveLength(1);
  });

  test('email and phone shortcuts set the primary value; the lists keep the rest', async () => {
    const { ctx } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'N', emails: [{ value: 'a@x.example' }, { value: 'b@x.example', label: 'home' }] });
    const changed = await updateContact(ctx(), contact.id, { email: 'c@x.example', phone: '03-6123456', version: 1 });
    expect(changed).toMatchObject({ email: 'c@x.example', phone: '+97236123456' });
    expect(changed.emails.map((e) => [e.value, e.primary])).toEqual([['c@x.example', true], ['b@x.example', false]]);
    const cleared = await updateContact(ctx(), contact.id, { email: null, version: 2 });
    expect(cleared).toMatchObject({ email: 'b@x.example', emails: [{ value: 'b@x.example', label: 'home', primary: true }] });
  });

  test('the companyId shortcut moves the primary company and keeps the links in step', async () => {
    const { ctx } = await makeWorkspace(db);
    const a = await createCompany(ctx(), { name: 'A' });
    const b = await createCompany(ctx(), { name: 'B' });
    const contact = await createContact(ctx(), { firstName: 'N', companyId: a.id });
    const moved = await updateContact(ctx(), contact.id, { companyId: b.id, version: 1 });
    expect(moved.companyId).toBe(b.id);
    expect(moved.companies.map((c) => [c.name, c.isPrimary])).toEqual(expect.arrayContaining([['A', false], ['B', true]]));
  });
});

describe('concurrency', () => {
  test('two writers with the same version: exactly one wins, the other is a 409 naming who changed it', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const colleague = await makeMember(db, workspace.id, 'sales');
    const contact = await createContact(ctx(), { firstName: 'Noa' });
    const theirs = { ...ctx('sales'), user: { ...colleague, locale: 'en' as const }, actorUserId: colleague.id };
    const results = await Promise.allSettled([
      updateContact(theirs, contact.id, { city: 'Haifa', version: 1 }),
      updateContact(ctx(), contact.id, { city: 'Eilat', version: 1 }),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const winner = results[0]!.status === 'fulfilled' ? colleague : { id: ctx().actorUserId, name: 'Owner' };
    expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: 2, updatedBy: winner.id, updatedByName: winner.name },
    });
    expect((await getContact(ctx(), contact.id)).version).toBe(2);
    expect((await auditOf(db, workspace.id, contact.id)).filter((a) => a.action === 'update')).toHaveLength(1);
  });

  test('through the API: a stale PATCH is a 409 with currentVersion, updatedBy and updatedByName', async () => {
    const { owner, ctx } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Noa' });
    const session = await logIn(app, owner.email);
    const patch = (city: string) => app.inject({ method: 'PATCH', url: `/api/contacts/${contact.id}`, headers: { ...session.headers, 'if-match': '"1"' }, payload: { city } });
    const [a, b] = await Promise.all([patch('Haifa'), patch('Eilat')]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2, updatedBy: owner.id, updatedByName: 'Owner' });
  });
});

describe('atomicity', () => {
  test('a write whose event fails leaves no change, no audit entry and no timeline event', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const contact = await createContact(ctx(), { firstName: 'Noa' });
    const undo = await failInsertsInto(db, 'events', workspace.id);
    try {
      await expect(updateContact(ctx(), contact.id, { city: 'Haifa', version: 1 })).rejects.toThrow();
      await expect(createContact(ctx(), { firstName: 'Never' })).rejects.toThrow();
      await expect(deleteContact(ctx(), contact.id)).rejects.toThrow();
    } finally {
      await undo();
    }
    expect(await getContact(ctx(), contact.id)).toMatchObject({ version: 1, city: null });
    expect(await auditOf(db, workspace.id, contact.id)).toHaveLength(1);
    expect(await timelineCount(db, workspace.id, contact.id)).toBe(1);
  });
});

describe('delete and restore', () => {
  test('soft delete records who and when; restore brings back links and activities', async () => {
    const { ctx, workspace, owner } = await makeWorkspace(db);
    const company = await createCompany(ctx(), { name: 'Acme' });
    const contact = await createContact(ctx(), { firstName: 'Noa', companyId: company.id });
    await updateContact(ctx(), contact.id, { city: 'Haifa', version: 1 });
    await deleteContact(ctx(), contact.id, { version: 2 });
    await expect(getContact(ctx(), contact.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await auditOf(db, workspace.id, contact.id))[0]).toMatchObject({ action: 'delete', actorUserId: owner.id });
    const restored = await restoreContact(ctx(), contact.id);
    expect(restored).toMatchObject({ version: 4, companyId: company.id, companies: [{ companyId: company.id, isPrimary: true }] });
    // created, updated, deleted, restored: the timeline kept everything.
    expect(await timelineCount(db, workspace.id, contact.id)).toBe(4);
    expect((await eventsOf(db, workspace.id, contact.id)).map((e) => e.action)).toEqual(['restored', 'deleted', 'updated', 'created']);
  });
});

describe('roles, visibility and isolation', () => {
  test('a sales rep who sees only their own records cannot read, edit or delete a colleague’s (404)', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const session = await logIn(app, rep.email);
    const theirs = await createContact(ctx(), { firstName: 'Owner’s' });
    for (const request of [
      { method: 'GET' as const, url: `/api/contacts/${theirs.id}` },
      { method: 'PATCH' as const, url: `/api/contacts/${theirs.id}`, payload: { city: 'X', version: 1 } },
      { method: 'DELETE' as const, url: `/api/contacts/${theirs.id}` },
      { method: 'PUT' as const, url: `/api/contacts/${theirs.id}/companies`, payload: [] },
    ]) {
      expect((await app.inject({ ...request, headers: session.headers })).statusCode, request.method).toBe(404);
    }
    const mine = await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: { firstName: 'Mine' } });
    const edit = await app.inject({ method: 'PATCH', url: `/api/contacts/${mine.json().id}`, headers: session.headers, payload: { city: 'X', version: 1 } });
    expect(edit.statusCode).toBe(200);
    expect((await getContact(ctx(), theirs.id)).version).toBe(1);
  });

  test('a write through a session is audited as web, through an API key as api', async () => {
    const { owner, workspace } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const created = await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: { firstName: 'Web' } });
    expect((await auditOf(db, workspace.id, created.json().id))[0]).toMatchObject({ channel: 'web', actorUserId: owner.id, apiKeyId: null });
    const keyed = await app.inject({ method: 'POST', url: '/api/api-keys', headers: session.headers, payload: { name: 'k', role: 'admin' } });
    const { secret, apiKey: { id: keyId } } = keyed.json();
    const viaKey = await app.inject({ method: 'POST', url: '/api/contacts', headers: { authorization: `Bearer ${secret}` }, payload: { firstName: 'Api' } });
    expect(viaKey.statusCode).toBe(201);
    expect((await auditOf(db, workspace.id, viaKey.json().id))[0]).toMatchObject({ channel: 'api', actorUserId: owner.id, apiKeyId: keyId });
  });
});
