import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { makeActivity, setRecordVisibility } from '../../test-support/records.js';
import { createCompany, getCompany } from '../companies/service.js';
import { createContact, getContact } from '../contacts/service.js';
import { createMerge } from './service.js';

const { db, app } = await useTestApp();

/** A workspace where contact b was merged into a, and company acme2 into acme. */
async function mergedWorkspace() {
  const made = await makeWorkspace(db);
  const ctx = made.ctx();
  const acme = await createCompany(ctx, { name: 'Acme' });
  const acme2 = await createCompany(ctx, { name: 'Acme Ltd' });
  const a = await createContact(ctx, { firstName: 'Noa', companyId: acme.id });
  const b = await createContact(ctx, { firstName: 'Noa', lastName: 'Levi' });
  await makeActivity(db, made.workspace.id, 'note', [{ recordType: 'contact', recordId: b.id }]);
  const merge = (type: string, survivor: { id: string; version: number }, other: { id: string; version: number }) =>
    createMerge(ctx, { type, survivorId: survivor.id, mergedIds: [other.id], versions: { [survivor.id]: survivor.version, [other.id]: other.version } });
  await merge('contact', a, b);
  await merge('company', acme, acme2);
  return { ...made, a: await getContact(ctx, a.id), b, acme: await getCompany(ctx, acme.id), acme2 };
}

/** Every route on one record, on the merged-away ids, with the URL it should lead to. */
function recordRoutes({ a, b, acme, acme2 }: Awaited<ReturnType<typeof mergedWorkspace>>) {
  return [
    { method: 'GET', url: `/api/contacts/${b.id}`, survivor: `/api/contacts/${a.id}`, write: false },
    { method: 'PATCH', url: `/api/contacts/${b.id}`, survivor: `/api/contacts/${a.id}`, write: true, payload: { city: 'Acre', version: b.version } },
    { method: 'DELETE', url: `/api/contacts/${b.id}`, survivor: `/api/contacts/${a.id}`, write: true },
    { method: 'PUT', url: `/api/contacts/${b.id}/companies`, survivor: `/api/contacts/${a.id}/companies`, write: true, payload: [] },
    { method: 'GET', url: `/api/timeline/contact/${b.id}?kinds=note`, survivor: `/api/timeline/contact/${a.id}?kinds=note`, write: false },
    { method: 'PATCH', url: `/api/companies/${acme2.id}`, survivor: `/api/companies/${acme.id}`, write: true, payload: { name: 'X', version: acme2.version } },
    { method: 'DELETE', url: `/api/companies/${acme2.id}`, survivor: `/api/companies/${acme.id}`, write: true },
    { method: 'GET', url: `/api/companies/${acme2.id}/contacts`, survivor: `/api/companies/${acme.id}/contacts`, write: false },
    { method: 'GET', url: `/api/contacts/${b.id}/consents`, survivor: `/api/contacts/${a.id}/consents`, write: false },
    { method: 'POST', url: `/api/contacts/${b.id}/consents`, survivor: `/api/contacts/${a.id}/consents`, write: true, payload: { channel: 'email', status: 'granted', method: 'verbal' } },
    // Privacy requests are for owners, admins and managers: a viewer and a rep are refused before any lookup.
    { method: 'GET', url: `/api/contacts/${b.id}/privacy-export`, survivor: `/api/contacts/${a.id}/privacy-export`, write: false, officer: true },
    { method: 'POST', url: `/api/contacts/${b.id}/erase`, survivor: `/api/contacts/${a.id}/erase`, write: true, payload: { confirm: b.id }, officer: true },
  ] as const;
}

describe('a merged-away id on every route of a record', () => {
  test('a read answers 308 to the same URL on the survivor, a write 409 with mergedInto, and nothing changes', async () => {
    const made = await mergedWorkspace();
    const { headers } = await logIn(app, made.owner.email);
    for (const route of recordRoutes(made)) {
      const response = await app.inject({ method: route.method, url: route.url, headers, ...('payload' in route && { payload: route.payload }) });
      const name = `${route.method} ${route.url}`;
      // A write is not redirected: a client following a 308 would apply the merged-away record's change (or delete) to the survivor.
      expect({ name, status: response.statusCode }).toEqual({ name, status: route.write ? 409 : 308 });
      if (route.write) expect(response.json()).toMatchObject({ code: 'conflict' });
      else expect(response.headers.location).toBe(route.survivor);
      expect(response.json().mergedInto).toBe(route.url.includes(made.b.id) ? made.a.id : made.acme.id);
    }
    expect(await getContact(made.ctx(), made.a.id)).toMatchObject({ version: made.a.version, city: null });
    expect(await getCompany(made.ctx(), made.acme.id)).toMatchObject({ version: made.acme.version, name: 'Acme' });
  });

  test('another workspace gets a 404, a viewer’s write a 403, a rep who may not see the survivor a 404', async () => {
    const made = await mergedWorkspace();
    const routes = recordRoutes(made);
    const send = (headers: object, route: (typeof routes)[number]) =>
      app.inject({ method: route.method, url: route.url, headers: headers as never, ...('payload' in route && { payload: route.payload }) });
    const other = await makeWorkspace(db);
    const otherHeaders = (await logIn(app, other.owner.email)).headers;
    const viewerHeaders = (await logIn(app, (await makeMember(db, made.workspace.id, 'viewer')).email)).headers;
    await setRecordVisibility(db, made.workspace.id, { sales: 'own' });
    const repHeaders = (await logIn(app, (await makeMember(db, made.workspace.id, 'sales')).email)).headers;
    for (const route of routes) {
      const name = `${route.method} ${route.url}`;
      const statuses = [await send(otherHeaders, route), await send(viewerHeaders, route), await send(repHeaders, route)].map((r) => r.statusCode);
      const officer = 'officer' in route;
      expect({ name, statuses }).toEqual({ name, statuses: [404, route.write || officer ? 403 : 308, officer ? 403 : 404] });
    }
  }, 120_000);

  test('the OpenAPI document lists the 308 on each of these reads, the 409 on each write', async () => {
    const doc = (await app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, { responses: object }>> };
    const routes: [string, string, string][] = [
      ['/api/contacts/{id}', 'get', '308'],
      ['/api/contacts/{id}', 'patch', '409'],
      ['/api/contacts/{id}', 'delete', '409'],
      ['/api/contacts/{id}/companies', 'put', '409'],
      ['/api/companies/{id}/contacts', 'get', '308'],
      ['/api/timeline/{recordType}/{id}', 'get', '308'],
      ['/api/contacts/{id}/consents', 'get', '308'],
      ['/api/contacts/{id}/consents', 'post', '409'],
      ['/api/contacts/{id}/privacy-export', 'get', '308'],
      ['/api/contacts/{id}/erase', 'post', '409'],
    ];
    for (const [path, method, status] of routes) expect(Object.keys(doc.paths[path]?.[method]?.responses ?? {}), `${method} ${path}`).toContain(status);
  });
});
