import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { createContact, getContact } from './service.js';

const { db, app } = await useTestApp();
const uuid = '00000000-0000-4000-8000-000000000000';
const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

async function asOwner() {
  const { owner, ctx, workspace } = await makeWorkspace(db);
  const session = await logIn(app, owner.email);
  const contact = await createContact(ctx(), { firstName: 'Noa', lastName: 'Levi' });
  return { ctx, session, contact, workspace };
}

/** The distinct field paths of a 400 (one value can break two rules of one field). */
const fieldsOf = (response: { json(): unknown }) => [...new Set((response.json() as { fields?: { path: string }[] }).fields?.map((f) => f.path))];

describe('contacts refuse malformed input with a 400 naming the field', () => {
  test('NUL and other control characters in a name are a 400, not a database error', async () => {
    const { session } = await asOwner();
    for (const firstName of ['a\u0000b', 'x\u0001', 'x\u001b[31m', 'x\u007f', 'two\nlines']) {
      const response = await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: { firstName } });
      expect(response.statusCode).toBe(400);
      expect(response.json().fields).toEqual([{ path: 'firstName', message: expect.stringContaining('control characters') }]);
    }
  });

  test('an email or a phone listed twice, in any spelling, is a 400 naming the repeat', async () => {
    const { session } = await asOwner();
    const emails = [{ value: 'noa@example.com', primary: true }, { value: 'Noa@Example.com' }];
    const phones = [{ value: '050-123-4567', primary: true }, { value: '+972 50 123 4567' }];
    for (const [url, payload] of [
      ['/api/contacts', { firstName: 'Twice', emails }],
      ['/api/contacts', { firstName: 'Twice', phones }],
      ['/api/companies', { name: 'Twice Ltd', phones }],
    ] as const) {
      const response = await app.inject({ method: 'POST', url, headers: session.headers, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().fields).toEqual([{ path: `${'emails' in payload ? 'emails' : 'phones'}.1.value`, message: 'Listed twice' }]);
    }
  });

  test('NUL in the search query is a 400 naming q', async () => {
    const { session } = await asOwner();
    const response = await app.inject({ method: 'GET', url: '/api/contacts?q=a%00b', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['q']);
  });

  test.each([
    ['an id that is not a uuid', cursorOf(['noa levi', 'not-a-uuid'])],
    ['a name with NUL', cursorOf(['a\u0000b', uuid])],
    ['an id with NUL', cursorOf(['a', `${uuid}\u0000`])],
    ['three elements', cursorOf(['a', uuid, 'x'])],
    ['an object', cursorOf({ sortName: 'a', id: uuid })],
    ['numbers', cursorOf([1, 2])],
  ])('a forged cursor with %s is a 400 naming cursor', async (_, cursor) => {
    const { session } = await asOwner();
    const response = await app.inject({ method: 'GET', url: `/api/contacts?cursor=${cursor}`, headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['cursor']);
  });

  test('a version above int4 in the body is a 400 naming version', async () => {
    const { session, contact } = await asOwner();
    for (const version of [2147483648, 2 ** 53, 1e308, -1, 0, 1.5]) {
      const response = await app.inject({ method: 'PATCH', url: `/api/contacts/${contact.id}`, headers: session.headers, payload: { lastName: 'X', version } });
      expect(response.statusCode).toBe(400);
      expect(fieldsOf(response)).toEqual(['version']);
    }
  });

  test('an If-Match above int4 or malformed is a 400 naming if-match, on PATCH and DELETE', async () => {
    const { session, contact, ctx } = await asOwner();
    for (const ifMatch of ['"2147483648"', '"99999999999999999999"', '"abc"', '*', '"1", "2"', 'W/"-1"']) {
      const headers = { ...session.headers, 'if-match': ifMatch };
      const patch = await app.inject({ method: 'PATCH', url: `/api/contacts/${contact.id}`, headers, payload: { lastName: 'X' } });
      expect(patch.statusCode).toBe(400);
      expect(fieldsOf(patch)).toEqual(['if-match']);
      const del = await app.inject({ method: 'DELETE', url: `/api/contacts/${contact.id}`, headers });
      expect(del.statusCode).toBe(400);
      expect(fieldsOf(del)).toEqual(['if-match']);
    }
    expect((await getContact(ctx(), contact.id)).version).toBe(1);
  });

  test('the OpenAPI document states the int4 bound of version and declares If-Match', async () => {
    const spec = (await app.inject('/api/openapi.json')).json();
    const patch = spec.paths['/api/contacts/{id}'].patch;
    expect(patch.requestBody.content['application/json'].schema.properties.version).toMatchObject({ maximum: 2147483647 });
    for (const op of [patch, spec.paths['/api/contacts/{id}'].delete]) {
      expect(op.parameters).toContainEqual(expect.objectContaining({ in: 'header', name: 'if-match' }));
    }
  });
});

describe('DELETE /api/contacts/:id honours If-Match', () => {
  const del = (session: { headers: Record<string, string> }, id: string, ifMatch?: string) =>
    app.inject({ method: 'DELETE', url: `/api/contacts/${id}`, headers: { ...session.headers, ...(ifMatch && { 'if-match': ifMatch }) } });

  test('a stale version is a 409 with the current version, and the contact stays', async () => {
    const { session, contact, ctx } = await asOwner();
    const edited = await app.inject({ method: 'PATCH', url: `/api/contacts/${contact.id}`, headers: session.headers, payload: { lastName: 'Cohen', version: 1 } });
    expect(edited.json().version).toBe(2);
    const stale = await del(session, contact.id, '"1"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    expect((await getContact(ctx(), contact.id)).lastName).toBe('Cohen');
  });

  test('the current version deletes it', async () => {
    const { session, contact, ctx } = await asOwner();
    expect((await del(session, contact.id, 'W/"1"')).statusCode).toBe(204);
    await expect(getContact(ctx(), contact.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await del(session, contact.id, '"2"')).statusCode).toBe(404);
  });

  test('without If-Match it deletes as before', async () => {
    const { session, contact, ctx } = await asOwner();
    expect((await del(session, contact.id)).statusCode).toBe(204);
    await expect(getContact(ctx(), contact.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  test('another workspace and a viewer cannot delete, with or without If-Match', async () => {
    const { contact, ctx, workspace } = await asOwner();
    const stranger = await asOwner();
    expect((await del(stranger.session, contact.id, '"1"')).statusCode).toBe(404);
    const viewer = await logIn(app, (await makeMember(db, workspace.id, 'viewer')).email);
    expect((await del(viewer, contact.id, '"1"')).statusCode).toBe(403);
    expect((await getContact(ctx(), contact.id)).version).toBe(1);
  });

  test('a version in the body is honoured like If-Match, never ignored', async () => {
    const { session, contact, ctx } = await asOwner();
    await app.inject({ method: 'PATCH', url: `/api/contacts/${contact.id}`, headers: session.headers, payload: { lastName: 'Cohen', version: 1 } });
    const stale = await app.inject({ method: 'DELETE', url: `/api/contacts/${contact.id}`, headers: session.headers, payload: { version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect((await getContact(ctx(), contact.id)).version).toBe(2);
    const unknown = await app.inject({ method: 'DELETE', url: `/api/contacts/${contact.id}`, headers: session.headers, payload: { versoin: 2 } });
    expect(fieldsOf(unknown)).toEqual(['versoin']);
    const current = await app.inject({ method: 'DELETE', url: `/api/contacts/${contact.id}`, headers: session.headers, payload: { version: 2 } });
    expect(current.statusCode).toBe(204);
  });
});

describe('a body version and If-Match that disagree', () => {
  test('are a 400 naming if-match on PATCH and DELETE, and nothing changes', async () => {
    const { session, contact, ctx } = await asOwner();
    const headers = { ...session.headers, 'if-match': '"2"' };
    const patch = await app.inject({ method: 'PATCH', url: `/api/contacts/${contact.id}`, headers, payload: { lastName: 'X', version: 1 } });
    expect(patch.statusCode).toBe(400);
    expect(fieldsOf(patch)).toEqual(['if-match']);
    const del = await app.inject({ method: 'DELETE', url: `/api/contacts/${contact.id}`, headers, payload: { version: 1 } });
    expect(del.statusCode).toBe(400);
    expect(await getContact(ctx(), contact.id)).toMatchObject({ version: 1, lastName: 'Levi' });
    const agree = await app.inject({ method: 'PATCH', url: `/api/contacts/${contact.id}`, headers: { ...session.headers, 'if-match': '"1"' }, payload: { lastName: 'X', version: 1 } });
    expect(agree.statusCode).toBe(200);
  });
});
