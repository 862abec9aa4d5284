import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { setRecordVisibility } from '../../test-support/records.js';
import { createContact, updateContact } from '../contacts/service.js';
import { listConsents, recordConsent } from './consents.js';
import { mayContact, unsubscribe, unsubscribeUrl } from './unsubscribe.js';

const { db, app } = await useTestApp();
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe('consent per channel', () => {
  test('keeps the history, newest first, and the current state is the latest entry', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Noa' });
    const empty = await listConsents(ctx(), person.id);
    expect(empty).toEqual({ doNotContact: false, current: { email: null, sms: null, whatsapp: null, phone: null }, history: [] });
    await recordConsent(ctx(), person.id, { channel: 'email', status: 'granted', method: 'form', evidence: 'https://example.test/signup' });
    await recordConsent(ctx(), person.id, { channel: 'sms', status: 'granted', method: 'verbal', evidence: 'told me on the phone' });
    const consents = await recordConsent(ctx(), person.id, { channel: 'email', status: 'withdrawn', method: 'email' });
    expect(consents.history.map((c) => [c.channel, c.status])).toEqual([['email', 'withdrawn'], ['sms', 'granted'], ['email', 'granted']]);
    expect(consents.current.email).toMatchObject({ status: 'withdrawn', method: 'email', evidence: null, recordedBy: owner.id, recordedByName: 'Owner' });
    expect(consents.current.sms).toMatchObject({ status: 'granted', method: 'verbal', evidence: 'told me on the phone' });
    expect(consents.current.whatsapp).toBeNull();
  });

  test('a sales rep records consent on their own contact (the visibility read joins the write’s transaction)', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const repCtx = { ...ctx('sales'), actorUserId: rep.id };
    const person = await createContact(repCtx, { firstName: 'Noa' });
    const consents = await recordConsent(repCtx, person.id, { channel: 'sms', status: 'granted', method: 'verbal' });
    expect(consents.current.sms).toMatchObject({ status: 'granted', recordedBy: rep.id });
  });

  test('mayContact: marketing channels need consent, a call only no withdrawal, never with "do not contact"', async () => {
    const { ctx } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Noa' });
    expect(await mayContact(ctx(), person.id, 'email')).toBe(false);
    expect(await mayContact(ctx(), person.id, 'phone')).toBe(true);
    await recordConsent(ctx(), person.id, { channel: 'email', status: 'granted', method: 'form' });
    expect(await mayContact(ctx(), person.id, 'email')).toBe(true);
    await recordConsent(ctx(), person.id, { channel: 'phone', status: 'withdrawn', method: 'verbal' });
    expect(await mayContact(ctx(), person.id, 'phone')).toBe(false);
    const dnc = await updateContact(ctx(), person.id, { doNotContact: true, version: 1 });
    expect(dnc.doNotContact).toBe(true);
    expect(await mayContact(ctx(), person.id, 'email')).toBe(false);
    expect((await listConsents(ctx(), person.id)).doNotContact).toBe(true);
  });
});

describe('unsubscribe links', () => {
  test('one stable token per contact and channel; using it records a withdrawal by link, once', async () => {
    const { ctx } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Noa' });
    await recordConsent(ctx(), person.id, { channel: 'email', status: 'granted', method: 'form' });
    const url = await unsubscribeUrl(ctx(), person.id, 'email', 'https://crm.example.test/');
    expect(url).toMatch(/^https:\/\/crm\.example\.test\/unsubscribe\/[A-Za-z0-9_-]{54}$/);
    expect(await unsubscribeUrl(ctx(), person.id, 'email', 'https://crm.example.test')).toBe(url);
    expect(await unsubscribeUrl(ctx(), person.id, 'sms')).not.toContain(tokenOf(url));
    expect(await unsubscribe(db, tokenOf(url))).toEqual({ channel: 'email', unsubscribed: true });
    await unsubscribe(db, tokenOf(url));
    const { history, current } = await listConsents(ctx(), person.id);
    expect(history).toHaveLength(2);
    expect(current.email).toMatchObject({ status: 'withdrawn', method: 'unsubscribe_link', evidence: 'unsubscribe link', recordedBy: null });
    expect(await mayContact(ctx(), person.id, 'email')).toBe(false);
  });

  test('a tampered token, or one moved to another workspace, is a 404', async () => {
    const { ctx } = await makeWorkspace(db);
    const other = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Noa' });
    const token = tokenOf(await unsubscribeUrl(ctx(), person.id, 'email'));
    const flipped = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    await expect(unsubscribe(db, flipped)).rejects.toMatchObject({ code: 'not_found' });
    const otherPrefix = Buffer.from(other.workspace.id.replace(/-/g, ''), 'hex').toString('base64url').slice(0, 21);
    const moved = Buffer.concat([Buffer.from(other.workspace.id.replace(/-/g, ''), 'hex'), Buffer.from(token, 'base64url').subarray(16)]).toString('base64url');
    expect(moved.startsWith(otherPrefix)).toBe(true);
    await expect(unsubscribe(db, moved)).rejects.toMatchObject({ code: 'not_found' });
    await expect(unsubscribe(db, 'not-a-token-at-all')).rejects.toMatchObject({ code: 'not_found' });
    expect((await listConsents(ctx(), person.id)).history).toEqual([]);
  });

  test('the public page asks, then confirms in Hebrew or English, without a login', async () => {
    const { ctx } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Noa' });
    const token = tokenOf(await unsubscribeUrl(ctx(), person.id, 'sms'));
    const asked = await app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
    expect(asked.statusCode).toBe(200);
    expect(asked.body).toContain('dir="rtl"');
    expect(asked.body).toContain('<form method="post"');
    expect((await listConsents(ctx(), person.id)).history).toEqual([]);
    const done = await app.inject({ method: 'POST', url: `/unsubscribe/${token}?lang=en`, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: '' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('dir="ltr"');
    expect(done.body).toContain('You are unsubscribed');
    expect((await listConsents(ctx(), person.id)).current.sms).toMatchObject({ status: 'withdrawn', method: 'unsubscribe_link' });
    expect((await app.inject({ method: 'GET', url: '/unsubscribe/forged-token-forged-token' })).statusCode).toBe(404);
    const oneClick = await app.inject({ method: 'POST', url: `/api/unsubscribe/${token}` });
    expect(oneClick.statusCode).toBe(200);
    expect(oneClick.json()).toEqual({ channel: 'sms', unsubscribed: true });
  });
});

describe('consents API', () => {
  test('GET and POST /api/contacts/:id/consents: 404 across workspaces, 403 for a viewer’s write, 400 on bad input', async () => {
    const { ctx, workspace, owner } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Noa' });
    const url = `/api/contacts/${person.id}/consents`;
    const session = await logIn(app, owner.email);
    const posted = await app.inject({ method: 'POST', url, headers: session.headers, payload: { channel: 'whatsapp', status: 'granted', method: 'verbal', evidence: 'at the shop' } });
    expect(posted.statusCode).toBe(200);
    expect(posted.json().current.whatsapp).toMatchObject({ status: 'granted', method: 'verbal', evidence: 'at the shop' });
    expect((await app.inject({ method: 'GET', url, headers: session.headers })).json().history).toHaveLength(1);
    for (const bad of [{ channel: 'fax', status: 'granted', method: 'verbal' }, { channel: 'email', status: 'maybe', method: 'verbal' }, { channel: 'email', status: 'granted', method: 'unsubscribe_link' }, { channel: 'email', status: 'granted' }]) {
      expect((await app.inject({ method: 'POST', url, headers: session.headers, payload: bad })).statusCode).toBe(400);
    }
    const viewer = await makeMember(db, workspace.id, 'viewer');
    const viewerSession = await logIn(app, viewer.email);
    expect((await app.inject({ method: 'GET', url, headers: viewerSession.headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url, headers: viewerSession.headers, payload: { channel: 'email', status: 'granted', method: 'verbal' } })).statusCode).toBe(403);
    const stranger = await makeWorkspace(db);
    const strangerSession = await logIn(app, stranger.owner.email);
    expect((await app.inject({ method: 'GET', url, headers: strangerSession.headers })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url, headers: strangerSession.headers, payload: { channel: 'email', status: 'granted', method: 'verbal' } })).statusCode).toBe(404);
  });

  test('"do not contact" goes through the contact PATCH and filters can use it', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Noa' });
    await createContact(ctx(), { firstName: 'Dana' });
    const session = await logIn(app, owner.email);
    const patched = await app.inject({ method: 'PATCH', url: `/api/contacts/${person.id}`, headers: session.headers, payload: { doNotContact: true, version: 1 } });
    expect(patched.statusCode).toBe(200);
    expect(patched.json()).toMatchObject({ doNotContact: true, version: 2 });
    const filter = encodeURIComponent(JSON.stringify({ field: 'doNotContact', op: 'eq', value: true }));
    const listed = await app.inject({ method: 'GET', url: `/api/contacts?filter=${filter}`, headers: session.headers });
    expect(listed.statusCode, listed.body).toBe(200);
    expect(listed.json().items.map((c: { name: string }) => c.name)).toEqual(['Noa']);
  });
});
