import { describe, expect, test } from 'vitest';
import { logIn, makeWorkspace } from '../test-support/fixtures.js';
import { useTestApp } from '../test-support/db.js';
import { statusOf, type ErrorCode } from './errors.js';

const { db, app } = await useTestApp({ bodyLimit: 4096 });
const { owner } = await makeWorkspace(db);
const session = await logIn(app, owner.email);
const post = (payload: string, contentType = 'application/json') =>
  app.inject({ method: 'POST', url: '/api/contacts', headers: { ...session.headers, 'content-type': contentType }, payload });

describe('one error format', () => {
  test('every error code maps to a 4xx or 5xx status', () => {
    const codes: ErrorCode[] = ['bad_request', 'validation_failed', 'unauthenticated', 'invalid_credentials', 'csrf_failed',
      'forbidden', 'not_found', 'conflict', 'version_conflict', 'payload_too_large', 'uri_too_long', 'request_timeout',
      'header_too_large', 'unsupported_media_type',
      'too_many_requests', 'quota_exceeded', 'unavailable', 'internal'];
    for (const code of codes) expect(statusOf(code)).toBeGreaterThanOrEqual(400);
  });

  test('bad JSON is a 400 problem, not a 500', async () => {
    const response = await post('{"firstName": ');
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, code: 'bad_request', type: expect.stringContaining('bad_request') });
  });

  test('a body over the limit is a 413', async () => {
    const response = await post(JSON.stringify({ firstName: 'x'.repeat(10_000) }));
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('payload_too_large');
  });

  test('an unknown field is a 400 naming the field', async () => {
    const response = await post(JSON.stringify({ firstName: 'Dana', isAdmin: true }));
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'validation_failed', fields: [{ path: 'isAdmin', message: 'Unknown field' }] });
  });

  test('invalid fields are a 400 with one message per field', async () => {
    const response = await post(JSON.stringify({ firstName: '', email: 'not-an-email' }));
    expect(response.statusCode).toBe(400);
    const paths = (response.json().fields as { path: string }[]).map((f) => f.path).sort();
    expect(paths).toEqual(['email', 'firstName']);
  });

  test('a wrong content type is a 415', async () => {
    const response = await post('firstName=Dana', 'text/plain');
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('unsupported_media_type');
  });

  test('an unknown API route is a 404 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'not_found', status: 404 });
  });

  test('a malformed id is a 400, not a database error', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/contacts/not-a-uuid', headers: { cookie: session.cookie } });
    expect(response.statusCode).toBe(400);
  });
});

describe('operations endpoints', () => {
  test('healthz and readyz answer without a login', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready' });
  });

  test('security headers are set', async () => {
    const response = await app.inject('/healthz');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toBeDefined();
  });

  test('the OpenAPI 3.1 document lists the contacts API', async () => {
    const spec = (await app.inject('/api/openapi.json')).json();
    expect(spec.openapi).toBe('3.1.0');
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/contacts/', '/api/contacts/{id}', '/api/auth/login']));
    expect(spec.paths['/api/contacts/'].post.requestBody).toBeDefined();
  });

  test('Swagger UI is served at /api/docs', async () => {
    const response = await app.inject('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('Swagger UI');
  });
});
