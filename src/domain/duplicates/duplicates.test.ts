import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { setRecordVisibility } from '../../test-support/records.js';
import { createCompany } from '../companies/service.js';
import { createContact } from '../contacts/service.js';
import { runDuplicateScan, startDuplicateScan } from './scan.js';

const { db, app } = await useTestApp();

const dana = { firstName: 'Dana', lastName: 'Cohen', email: 'dana.cohen@gmail.com', phone: '054-765-1234' };

async function ownerSession() {
  const ws = await makeWorkspace(db);
  const session = await logIn(app, ws.owner.email);
  return { ...ws, session };
}

describe('the 409 flow on create and edit', () => {
  test('a likely duplicate is refused with its candidates, and saved with duplicates=allow', async () => {
    const { ctx, session } = await ownerSession();
    const original = await createContact(ctx(), dana);
    const payload = { firstName: 'דנה', lastName: 'כהן', email: 'DanaCohen+crm@googlemail.com' };
    const refused = await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload });
    expect(refused.statusCode).toBe(409);
    const problem = refused.json();
    expect(problem.code).toBe('possible_duplicate');
    expect(problem.candidates[0]).toMatchObject({ id: original.id, type: 'contact', title: 'Dana Cohen', level: 'block', hidden: false });
    expect(problem.candidates[0].reasons.map((r: { rule: string }) => r.rule)).toEqual(expect.arrayContaining(['email', 'name']));
    const saved = await app.inject({ method: 'POST', url: '/api/contacts?duplicates=allow', headers: session.headers, payload });
    expect(saved.statusCode).toBe(201);
  });

  test('a different person with the same city is saved', async () => {
    const { ctx, session } = await ownerSession();
    await createContact(ctx(), { ...dana, city: 'Haifa' });
    const other = await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: { firstName: 'Yael', lastName: 'Levi', city: 'Haifa' } });
    expect(other.statusCode).toBe(201);
  });

  test('an edit that makes a record a duplicate is refused; one that does not touch matched fields is not', async () => {
    const { ctx, session } = await ownerSession();
    await createContact(ctx(), dana);
    const other = await createContact(ctx(), { firstName: 'Dana', lastName: 'Cohen' }); // a service write is not checked
    const retag = await app.inject({ method: 'PATCH', url: `/api/contacts/${other.id}`, headers: session.headers, payload: { tags: ['vip'], version: 1 } });
    expect(retag.statusCode).toBe(200);
    const phone = await app.inject({ method: 'PATCH', url: `/api/contacts/${other.id}`, headers: session.headers, payload: { phone: '+972547651234', version: 2 } });
    expect(phone.statusCode).toBe(409);
    expect(phone.json().code).toBe('possible_duplicate');
    const allowed = await app.inject({ method: 'PATCH', url: `/api/contacts/${other.id}?duplicates=allow`, headers: session.headers, payload: { phone: '+972547651234', version: 2 } });
    expect(allowed.statusCode).toBe(200);
  });

  test('companies: same domain and name is refused', async () => {
    const { ctx, session } = await ownerSession();
    await createCompany(ctx(), { name: 'Acme Ltd', domain: 'acme.co.il' });
    const refused = await app.inject({ method: 'POST', url: '/api/companies', headers: session.headers, payload: { name: 'ACME', domain: 'acme.co.il' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().candidates[0].reasons.map((r: { rule: string }) => r.rule).sort()).toEqual(['domain', 'name']);
  });

  test('a candidate the caller may not see still blocks, shown without its name', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    await createContact(ctx(), dana);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const session = await logIn(app, rep.email);
    const refused = await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: { ...dana } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().candidates[0]).toMatchObject({ hidden: true, title: '', subtitle: null });
    expect(JSON.stringify(refused.json())).not.toContain('gmail');
  });

  test('a bad duplicates flag is a 400', async () => {
    const { session } = await ownerSession();
    const bad = await app.inject({ method: 'POST', url: '/api/contacts?duplicates=maybe', headers: session.headers, payload: { firstName: 'X' } });
    expect(bad.statusCode).toBe(400);
  });
});

describe('POST /api/duplicates/check', () => {
  test('answers warn and block candidates for a create body and for a patch over a record', async () => {
    const { ctx, session } = await ownerSession();
    const original = await createContact(ctx(), dana);
    const other = await createContact(ctx(), { firstName: 'Dana', lastName: 'Cohen' });
    const create = await app.inject({ method: 'POST', url: '/api/duplicates/check', headers: session.headers, payload: { type: 'contact', record: { firstName: 'Dana', lastName: 'Kohen', phone: '0547651234' } } });
    expect(create.statusCode).toBe(200);
    expect(create.json().candidates.map((c: { id: string }) => c.id)).toContain(original.id);
    const edit = await app.inject({ method: 'POST', url: '/api/duplicates/check', headers: session.headers, payload: { type: 'contact', id: other.id, record: { email: 'dana.cohen@gmail.com' } } });
    expect(edit.json().candidates[0]).toMatchObject({ id: original.id, level: 'block' });
    expect(edit.json().candidates.map((c: { id: string }) => c.id)).not.toContain(other.id);
  });

  test("another workspace's id is a 404 and bad input a 400", async () => {
    const { session } = await ownerSession();
    const elsewhere = await makeWorkspace(db);
    const theirs = await createContact(elsewhere.ctx(), dana);
    const foreign = await app.inject({ method: 'POST', url: '/api/duplicates/check', headers: session.headers, payload: { type: 'contact', id: theirs.id, record: {} } });
    expect(foreign.statusCode).toBe(404);
    const bad = await app.inject({ method: 'POST', url: '/api/duplicates/check', headers: session.headers, payload: { type: 'deal', record: {} } });
    expect(bad.statusCode).toBe(400);
  });

  test("never finds another workspace's records", async () => {
    const { session } = await ownerSession();
    const elsewhere = await makeWorkspace(db);
    await createContact(elsewhere.ctx(), dana);
    const check = await app.inject({ method: 'POST', url: '/api/duplicates/check', headers: session.headers, payload: { type: 'contact', record: dana } });
    expect(check.json().candidates).toEqual([]);
  });
});

describe('not a duplicate', () => {
  test('is remembered: the pair no longer blocks an edit nor shows in a check', async () => {
    const { ctx, session } = await ownerSession();
    const a = await createContact(ctx(), dana);
    const b = await createContact(ctx(), { firstName: 'Dana', lastName: 'Cohen' });
    const marked = await app.inject({ method: 'POST', url: '/api/duplicates/not-duplicate', headers: session.headers, payload: { type: 'contact', ids: [b.id, a.id] } });
    expect(marked.json()).toEqual({ pairs: 1 });
    const edit = await app.inject({ method: 'PATCH', url: `/api/contacts/${b.id}`, headers: session.headers, payload: { email: 'dana.cohen@gmail.com', version: 1 } });
    expect(edit.statusCode).toBe(200);
    const check = await app.inject({ method: 'POST', url: '/api/duplicates/check', headers: session.headers, payload: { type: 'contact', id: b.id, record: {} } });
    expect(check.json().candidates).toEqual([]);
  });

  test("another workspace's ids are a 404, one id a 400, a viewer a 403", async () => {
    const { ctx, workspace, session } = await ownerSession();
    const mine = await createContact(ctx(), dana);
    const theirs = await createContact((await makeWorkspace(db)).ctx(), dana);
    const send = (headers: Record<string, string>, ids: string[]) => app.inject({ method: 'POST', url: '/api/duplicates/not-duplicate', headers, payload: { type: 'contact', ids } });
    expect((await send(session.headers, [mine.id, theirs.id])).statusCode).toBe(404);
    expect((await send(session.headers, [mine.id])).statusCode).toBe(400);
    const viewer = await logIn(app, (await makeMember(db, workspace.id, 'viewer')).email);
    expect((await send(viewer.headers, [mine.id, mine.id])).statusCode).toBe(403);
  });
});

describe('rules', () => {
  test('GET answers the defaults (version 0); an admin PUT changes them; a stale version is a 409', async () => {
    const { session } = await ownerSession();
    const got = await app.inject({ method: 'GET', url: '/api/duplicates/rules?type=contact', headers: session.headers });
    expect(got.statusCode).toBe(200);
    const rules = got.json();
    expect(rules).toMatchObject({ type: 'contact', version: 0, blockAt: 0.99, warnAt: 0.9 });
    expect(rules.rules.map((r: { rule: string }) => r.rule)).toEqual(['email', 'phone', 'name', 'company', 'address', 'birthday', 'nationalId']);
    const put = (version: number) =>
      app.inject({ method: 'PUT', url: '/api/duplicates/rules?type=contact', headers: session.headers, payload: { rules: [{ rule: 'phone', enabled: false, weight: 10 }], blockAt: 0.999, warnAt: 0.5, version } });
    const saved = await put(0);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, blockAt: 0.999, warnAt: 0.5 });
    expect(saved.json().rules.find((r: { rule: string }) => r.rule === 'phone')).toEqual({ rule: 'phone', enabled: false, weight: 10 });
    expect((await put(0)).statusCode).toBe(409);
  });

  test('a disabled rule no longer blocks', async () => {
    const { ctx, session } = await ownerSession();
    await createContact(ctx(), dana);
    const rules = (await app.inject({ method: 'GET', url: '/api/duplicates/rules?type=contact', headers: session.headers })).json();
    const off = rules.rules.map((r: { rule: string }) => ({ ...r, enabled: r.rule === 'city' }));
    await app.inject({ method: 'PUT', url: '/api/duplicates/rules?type=contact', headers: session.headers, payload: { rules: off, blockAt: 0.99, warnAt: 0.9, version: 0 } });
    const created = await app.inject({ method: 'POST', url: '/api/contacts', headers: session.headers, payload: dana });
    expect(created.statusCode).toBe(201);
  });

  test('sales and viewers may read but not change them (403); bad input is a 400', async () => {
    const { workspace, session } = await ownerSession();
    const body = { rules: [], blockAt: 0.9, warnAt: 0.5, version: 0 };
    for (const role of ['sales', 'viewer'] as const) {
      const member = await logIn(app, (await makeMember(db, workspace.id, role)).email);
      expect((await app.inject({ method: 'GET', url: '/api/duplicates/rules?type=company', headers: member.headers })).statusCode).toBe(200);
      expect((await app.inject({ method: 'PUT', url: '/api/duplicates/rules?type=company', headers: member.headers, payload: body })).statusCode).toBe(403);
    }
    const put = (payload: object, type = 'company') => app.inject({ method: 'PUT', url: `/api/duplicates/rules?type=${type}`, headers: session.headers, payload });
    expect((await put({ ...body, warnAt: 0.95 })).statusCode).toBe(400);
    expect((await put({ ...body, rules: [{ rule: 'birthday', enabled: true, weight: 3 }] })).statusCode).toBe(400);
    expect((await put(body, 'deal')).statusCode).toBe(400);
  });
});

describe('scans', () => {
  test('groups likely duplicates with scores and reasons, skipping pairs marked not duplicates', async () => {
    const { ctx, session } = await ownerSession();
    const a = await createContact(ctx(), dana);
    const b = await createContact(ctx(), { firstName: 'דנה', lastName: 'כהן', phone: '0547651234' });
    const c = await createContact(ctx(), { firstName: 'Dana', lastName: 'Cohen', email: 'DANA.COHEN@gmail.com' });
    const x = await createContact(ctx(), { firstName: 'Yossi', lastName: 'Levi', email: 'yossi@levi.co.il' });
    const y = await createContact(ctx(), { firstName: 'Yosef', lastName: 'Levy', email: 'yossi@levi.co.il' });
    await createContact(ctx(), { firstName: 'Someone', lastName: 'Else' });
    await app.inject({ method: 'POST', url: '/api/duplicates/not-duplicate', headers: session.headers, payload: { type: 'contact', ids: [x.id, y.id] } });

    const started = await app.inject({ method: 'POST', url: '/api/duplicates/scans', headers: session.headers, payload: { type: 'contact' } });
    expect(started.statusCode).toBe(202);
    expect(started.json()).toMatchObject({ status: 'running', type: 'contact' });
    let latest = (await app.inject({ method: 'GET', url: '/api/duplicates/scans/latest?type=contact', headers: session.headers })).json();
    for (let i = 0; i < 50 && latest.scan.status === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      latest = (await app.inject({ method: 'GET', url: '/api/duplicates/scans/latest?type=contact', headers: session.headers })).json();
    }
    expect(latest.scan).toMatchObject({ status: 'done', groups: 1 });
    expect(latest.groups).toHaveLength(1);
    expect(latest.groups[0].records.map((r: { id: string }) => r.id).sort()).toEqual([a.id, b.id, c.id].sort());
    expect(latest.groups[0].pairs[0].reasons.length).toBeGreaterThan(0);
    expect(latest.nextCursor).toBeNull();
  });

  test('pages groups strongest first', async () => {
    const { ctx } = await makeWorkspace(db);
    for (let i = 0; i < 3; i++) {
      await createContact(ctx(), { firstName: `Person${i}`, lastName: 'Test', email: `p${i}@example.com` });
      await createContact(ctx(), { firstName: `Person${i}`, lastName: 'Test', email: `p${i}@example.com`, ...(i === 0 && { phone: '0541112222' }) });
    }
    const scan = await startDuplicateScan(ctx(), 'contact');
    await runDuplicateScan(ctx(), scan.id, 'contact');
    const { latestDuplicateScan } = await import('./scan.js');
    const first = await latestDuplicateScan(ctx(), { type: 'contact', limit: 2 });
    expect(first.groups).toHaveLength(2);
    expect(first.groups[0]!.score).toBeGreaterThanOrEqual(first.groups[1]!.score);
    const rest = await latestDuplicateScan(ctx(), { type: 'contact', limit: 2, cursor: first.nextCursor! });
    expect(rest.groups).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });

  test('a viewer may read the latest scan but not start one (403); an unknown type is a 400', async () => {
    const { workspace, session } = await ownerSession();
    const viewer = await logIn(app, (await makeMember(db, workspace.id, 'viewer')).email);
    expect((await app.inject({ method: 'POST', url: '/api/duplicates/scans', headers: viewer.headers, payload: { type: 'contact' } })).statusCode).toBe(403);
    const none = await app.inject({ method: 'GET', url: '/api/duplicates/scans/latest?type=company', headers: viewer.headers });
    expect(none.json()).toEqual({ scan: null, groups: [], nextCursor: null });
    expect((await app.inject({ method: 'POST', url: '/api/duplicates/scans', headers: session.headers, payload: { type: 'deal' } })).statusCode).toBe(400);
  });
});
