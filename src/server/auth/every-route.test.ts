import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';

const { db, app } = await useTestApp();
const spec = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
const publicRoutes = ['POST /api/auth/login', 'POST /api/invitations/accept', 'POST /api/invitations/preview', 'GET /healthz', 'GET /readyz', 'POST /api/unsubscribe/{token}'];
const routes = Object.entries(spec.paths).flatMap(([path, methods]) =>
  Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })),
);
const protectedRoutes = routes.filter((r) => !publicRoutes.includes(`${r.method} ${r.path}`));
const fill = (path: string) => path.replace(/\{id\}/g, '00000000-0000-4000-8000-000000000000').replace(/\{recordType\}/g, 'contact');

describe('every API route', () => {
  test('the OpenAPI document has the routes this test walks', () => {
    expect(protectedRoutes.length).toBeGreaterThan(10);
  });

  test.each(protectedRoutes)('$method $path refuses a request with no session or key (401)', async ({ method, path }) => {
    const response = await app.inject({ method: method as 'GET', url: fill(path), payload: method === 'GET' ? undefined : {} });
    expect(response.statusCode).toBe(401);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  const writes = protectedRoutes.filter((r) => r.method !== 'GET');
  test.each(writes)('$method $path refuses a cookie write without the CSRF token (403)', async ({ method, path }) => {
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const response = await app.inject({ method: method as 'POST', url: fill(path), headers: { cookie: session.cookie }, payload: {} });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('csrf_failed');
  });

  const workspaceWrites = writes.filter((r) => !r.path.startsWith('/api/auth/') && r.path !== '/api/workspaces');
  test.each(workspaceWrites)('$method $path refuses a viewer (403)', async ({ method, path }) => {
    const { workspace } = await makeWorkspace(db);
    const viewer = await makeMember(db, workspace.id, 'viewer');
    const session = await logIn(app, viewer.email);
    const valid: Record<string, object> = {
      'POST /api/contacts/': { firstName: 'X' },
      'PATCH /api/contacts/{id}': { firstName: 'X', version: 1 },
      'PUT /api/contacts/{id}/companies': [],
      'POST /api/contacts/bulk': { ids: ['00000000-0000-4000-8000-000000000000'], action: 'add_tag', value: 'x' },
      'POST /api/companies/': { name: 'X' },
      'PATCH /api/companies/{id}': { name: 'X', version: 1 },
      'POST /api/companies/bulk': { ids: ['00000000-0000-4000-8000-000000000000'], action: 'delete' },
      'POST /api/api-keys/': { name: 'X', role: 'viewer' },
      'POST /api/invitations/': { email: 'x@example.test', role: 'viewer' },
      'PATCH /api/members/{id}': { role: 'viewer' },
      'POST /api/custom-fields/': { recordType: 'contact', labelHe: 'X', labelEn: 'X', type: 'text' },
      'PATCH /api/custom-fields/{id}': { labelEn: 'X', version: 1 },
      'POST /api/custom-fields/reorder': { recordType: 'contact', ids: ['00000000-0000-4000-8000-000000000000'] },
      'POST /api/views/': { recordType: 'contact', name: 'X' },
      'PATCH /api/views/{id}': { name: 'X', version: 1 },
      'POST /api/teams/': { name: 'X' },
      'PATCH /api/teams/{id}': { name: 'X', version: 1 },
      'PUT /api/workspace/record-settings': { trashRetentionDays: 10 },
      'POST /api/activities/': { kind: 'note', links: [{ recordType: 'contact', recordId: '00000000-0000-4000-8000-000000000000' }] },
      'PATCH /api/activities/{id}': { subject: 'X', version: 1 },
      'PUT /api/duplicates/rules': { rules: [], blockAt: 0.9, warnAt: 0.5, version: 0 },
      'POST /api/duplicates/check': { type: 'contact', record: { firstName: 'X' } },
      'POST /api/duplicates/not-duplicate': { type: 'contact', ids: ['00000000-0000-4000-8000-000000000000', '00000000-0000-4000-8000-000000000001'] },
      'POST /api/duplicates/scans': { type: 'contact' },
      'POST /api/merges/': {
        type: 'contact',
        survivorId: '00000000-0000-4000-8000-000000000000',
        mergedIds: ['00000000-0000-4000-8000-000000000001'],
        versions: { '00000000-0000-4000-8000-000000000000': 1, '00000000-0000-4000-8000-000000000001': 1 },
      },
      'POST /api/contacts/{id}/consents': { channel: 'email', status: 'granted', method: 'verbal', evidence: 'X' },
      'POST /api/contacts/{id}/erase': { confirm: 'X' },
      'PUT /api/workspace/privacy-settings': { retentionYears: 5 },
    };
    const payload = valid[`${method} ${path}`];
    const response = await app.inject({ method: method as 'POST', url: fill(path), headers: session.headers, payload });
    expect(response.statusCode).toBe(403);
  });
});
