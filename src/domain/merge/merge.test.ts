import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { queryRows } from '../../db/client.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { auditOf, failInsertsInto, makeActivity, makeCustomField, setRecordVisibility } from '../../test-support/records.js';
import { activityLinks } from '../activities/table.js';
import { createCompany, getCompany } from '../companies/service.js';
import { markNotDuplicates } from '../duplicates/dismiss.js';
import { duplicateDismissals } from '../duplicates/table.js';
import { createContact, getContact, updateContact } from '../contacts/service.js';
import { contactCompanies } from '../contacts/table.js';
import { purgeExpired } from '../trash/purge.js';
import { listTrash, purgeRecord, restoreRecord } from '../trash/service.js';
import { workspaces } from '../workspaces/table.js';
import { createView, findVisibleView } from '../views/service.js';
import { createMerge, forgetMergesOf, listMerges, previewMerge, undoMerge } from './service.js';
import { merges } from './table.js';

const { db, app } = await useTestApp();
type Ctx = ReturnType<Awaited<ReturnType<typeof makeWorkspace>>['ctx']>;

const linksOf = async (workspaceId: string, recordId: string) =>
  (await db.select().from(activityLinks).where(and(eq(activityLinks.workspaceId, workspaceId), eq(activityLinks.recordId, recordId)))).filter((l) => l.kind !== 'system');
const companiesOf = (workspaceId: string, contactId: string) =>
  db.select().from(contactCompanies).where(and(eq(contactCompanies.workspaceId, workspaceId), eq(contactCompanies.contactId, contactId)));

/** Two contacts: the survivor (older) and a newer one with more filled in. */
async function twoContacts(ctx: Ctx) {
  const a = await createContact(ctx, { firstName: 'Noa', emails: [{ value: 'noa@example.test', label: 'work', primary: true }], phones: [{ value: '050-1234567', label: 'mobile', primary: true }], tags: ['vip'] });
  const b = await createContact(ctx, {
    firstName: 'Noam',
    lastName: 'Levi',
    city: 'Haifa',
    emails: [{ value: 'NOA@example.test', label: 'home', primary: true }, { value: 'levi@example.test', label: 'work', primary: false }],
    phones: [{ value: '+972 52 765 4321', label: 'work', primary: true }],
    tags: ['vip', 'press'],
  });
  return { a, b };
}

const mergeOf = (ctx: Ctx, survivor: { id: string; version: number }, others: { id: string; version: number }[], fields?: Record<string, string>) =>
  createMerge(ctx, {
    type: 'contact',
    survivorId: survivor.id,
    mergedIds: others.map((o) => o.id),
    versions: Object.fromEntries([survivor, ...others].map((r) => [r.id, r.version])),
    fields,
  });

describe('merge', () => {
  test('takes the chosen value per field, else the survivor’s, else the newest non-empty; keeps every email, phone and tag', async () => {
    const { ctx } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    const preview = await previewMerge(ctx(), { type: 'contact', ids: `${a.id},${b.id}` });
    expect(preview.fields.find((f) => f.key === 'firstName')).toMatchObject({ values: { [a.id]: 'Noa', [b.id]: 'Noam' }, defaultFrom: a.id });
    expect(preview.fields.find((f) => f.key === 'city')?.defaultFrom).toBe(b.id);
    expect(preview.kept.find((k) => k.key === 'emails')?.values).toEqual(['noa@example.test', 'levi@example.test']);

    const { merge, item } = await mergeOf(ctx(), a, [b], { firstName: b.id });
    const survivor = item as Awaited<ReturnType<typeof getContact>>;
    expect(survivor).toMatchObject({ id: a.id, firstName: 'Noam', lastName: 'Levi', city: 'Haifa', email: 'noa@example.test', phone: '+972501234567', version: a.version + 1 });
    expect(survivor.emails).toEqual([
      { value: 'noa@example.test', label: 'work', primary: true },
      { value: 'levi@example.test', label: 'work', primary: false },
    ]);
    expect(survivor.phones.map((p) => [p.value, p.primary])).toEqual([['+972501234567', true], ['+972527654321', false]]);
    expect(survivor.tags).toEqual(['vip', 'press']);
    expect(merge).toMatchObject({ type: 'contact', survivorId: a.id, mergedIds: [b.id], mergedNames: ['Noam Levi'], undoable: true, undoneAt: null });
    expect(new Date(merge.undoUntil).getTime() - new Date(merge.createdAt).getTime()).toBe(30 * 86_400_000);
  });

  test('the audit says which value came from which record, and each merged record says where it went', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    await mergeOf(ctx(), a, [b], { firstName: b.id });
    const [entry] = await auditOf(db, workspace.id, a.id);
    expect(entry!.action).toBe('merge');
    expect(entry!.changes).toEqual(
      expect.arrayContaining([
        { field: 'mergedFrom', old: null, new: [b.id] },
        { field: 'firstName', old: 'Noa', new: 'Noam', from: b.id },
        { field: 'city', old: null, new: 'Haifa', from: b.id },
      ]),
    );
    const [gone] = await auditOf(db, workspace.id, b.id);
    expect(gone).toMatchObject({ action: 'merge', changes: [{ field: 'mergedInto', old: null, new: a.id }] });
  });

  test('custom values are chosen per field like built-in ones', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    await makeCustomField(db, workspace.id, { key: 'size', type: 'text' });
    await makeCustomField(db, workspace.id, { key: 'vat', type: 'text' });
    const a = await createContact(ctx(), { firstName: 'A', custom: { size: 'small' } });
    const b = await createContact(ctx(), { firstName: 'B', custom: { size: 'big', vat: '123' } });
    const { item } = await mergeOf(ctx(), a, [b]);
    expect((item as unknown as { custom: unknown }).custom).toEqual({ size: 'small', vat: '123' });
    const c = await createContact(ctx(), { firstName: 'C', custom: { size: 'huge' } });
    const again = await getContact(ctx(), a.id);
    const { item: chosen } = await mergeOf(ctx(), again, [c], { 'custom.size': c.id });
    expect((chosen as unknown as { custom: unknown }).custom).toEqual({ size: 'huge', vat: '123' });
  });

  test('moves activities, company links, relation values and saved views to the survivor, and undo moves them back', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    const acme = await createCompany(ctx(), { name: 'Acme' });
    const globex = await createCompany(ctx(), { name: 'Globex' });
    await db.insert(contactCompanies).values({ workspaceId: workspace.id, contactId: a.id, companyId: acme.id, isPrimary: true });
    await db.insert(contactCompanies).values([
      { workspaceId: workspace.id, contactId: b.id, companyId: acme.id, isPrimary: false },
      { workspaceId: workspace.id, contactId: b.id, companyId: globex.id, isPrimary: true },
    ]);
    const note = await makeActivity(db, workspace.id, 'note', [{ recordType: 'contact', recordId: b.id }]);
    const meeting = await makeActivity(db, workspace.id, 'meeting', [{ recordType: 'contact', recordId: a.id }, { recordType: 'contact', recordId: b.id }]);
    await makeCustomField(db, workspace.id, { recordType: 'company', key: 'cf_main', type: 'relation', config: { target: 'contact' } });
    await db.execute(sql`update companies set custom = ${JSON.stringify({ cf_main: { recordType: 'contact', id: b.id } })}::jsonb where id = ${globex.id}`);
    const view = await createView(ctx(), { recordType: 'company', name: 'B’s', filter: { field: 'custom.cf_main', op: 'eq', value: b.id } as never });
    const before = { a: await getContact(ctx(), a.id), b: await getContact(ctx(), b.id) };

    const { merge } = await mergeOf(ctx(), before.a, [before.b]);
    expect((await linksOf(workspace.id, a.id)).map((l) => l.activityId).sort()).toEqual([note.id, meeting.id].sort());
    expect(await linksOf(workspace.id, b.id)).toEqual([]);
    expect((await companiesOf(workspace.id, a.id)).map((l) => [l.companyId, l.isPrimary]).sort()).toEqual(
      [[acme.id, true], [globex.id, false]].sort(),
    );
    expect((await getCompany(ctx(), globex.id)).custom.cf_main).toMatchObject({ recordType: 'contact', id: a.id });
    expect(JSON.stringify((await findVisibleView(ctx(), view.id)).filter)).toContain(a.id);

    const undone = await undoMerge(ctx(), merge.id);
    expect(undone.merge).toMatchObject({ undoable: false });
    expect(undone.merge.undoneAt).not.toBeNull();
    const restored = await getContact(ctx(), b.id);
    expect(restored).toMatchObject({ firstName: 'Noam', lastName: 'Levi', version: before.b.version + 2 });
    expect(await getContact(ctx(), a.id)).toMatchObject({ firstName: 'Noa', lastName: '', city: null, emails: before.a.emails, tags: ['vip'] });
    expect((await linksOf(workspace.id, b.id)).map((l) => l.activityId).sort()).toEqual([note.id, meeting.id].sort());
    expect((await linksOf(workspace.id, a.id)).map((l) => l.activityId)).toEqual([meeting.id]);
    expect((await companiesOf(workspace.id, b.id)).map((l) => [l.companyId, l.isPrimary]).sort()).toEqual([[acme.id, false], [globex.id, true]].sort());
    expect((await companiesOf(workspace.id, a.id)).map((l) => l.companyId)).toEqual([acme.id]);
    expect((await getCompany(ctx(), globex.id)).custom.cf_main).toMatchObject({ id: b.id });
    expect(JSON.stringify((await findVisibleView(ctx(), view.id)).filter)).toContain(b.id);
  });

  test('merging companies moves contacts’ primary company and their links', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const acme = await createCompany(ctx(), { name: 'Acme' });
    const acme2 = await createCompany(ctx(), { name: 'Acme Ltd', domain: 'acme.test' });
    const dana = await createContact(ctx(), { firstName: 'Dana', companies: [{ companyId: acme2.id, isPrimary: true }] });
    const { item, merge } = await createMerge(ctx(), { type: 'company', survivorId: acme.id, mergedIds: [acme2.id], versions: { [acme.id]: acme.version, [acme2.id]: acme2.version } });
    expect(item).toMatchObject({ name: 'Acme', domain: 'acme.test' });
    expect(await getContact(ctx(), dana.id)).toMatchObject({ companyId: acme.id, companies: [{ companyId: acme.id, isPrimary: true }] });
    await undoMerge(ctx(), merge.id);
    expect(await getContact(ctx(), dana.id)).toMatchObject({ companyId: acme2.id, companies: [{ companyId: acme2.id, isPrimary: true }] });
    expect((await companiesOf(workspace.id, dana.id)).length).toBe(1);
  });

  test('“not a duplicate” answers about a merged record move to the survivor (its pair with the survivor goes), and undo puts them back', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const { a: s, b: a } = await twoContacts(ctx());
    const [x, y] = [await createContact(ctx(), { firstName: 'X' }), await createContact(ctx(), { firstName: 'Y' })];
    for (const ids of [[a.id, x.id], [a.id, s.id], [a.id, y.id], [s.id, y.id]]) await markNotDuplicates(ctx(), { type: 'contact', ids });
    const pairs = async () =>
      (await db.select().from(duplicateDismissals).where(eq(duplicateDismissals.workspaceId, workspace.id)))
        .map((d) => [d.aId, d.bId].map((id) => ({ [s.id]: 's', [a.id]: 'a', [x.id]: 'x', [y.id]: 'y' })[id]).sort().join(''))
        .sort();
    const before = await pairs();
    expect(before).toEqual(['as', 'ax', 'ay', 'sy']);

    const { merge } = await mergeOf(ctx(), s, [a]);
    expect(await pairs()).toEqual(['sx', 'sy']);
    await undoMerge(ctx(), merge.id);
    expect(await pairs()).toEqual(before);
  });

  test('a merged-away id answers 308 to the survivor, following chains; it is not in the trash', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    const c = await createContact(ctx(), { firstName: 'C' });
    await mergeOf(ctx(), b, [a]);
    await mergeOf(ctx(), c, [await getContact(ctx(), b.id)]);
    const session = await logIn(app, owner.email);
    const response = await app.inject({ url: `/api/contacts/${a.id}`, headers: session.headers });
    expect(response.statusCode).toBe(308);
    expect(response.headers.location).toBe(`/api/contacts/${c.id}`);
    expect(response.json()).toEqual({ mergedInto: c.id });
    await expect(getContact(ctx(), b.id)).rejects.toMatchObject({ code: 'not_found', details: { mergedInto: c.id } });
    expect((await listTrash(ctx(), {})).items).toEqual([]);
    await expect(restoreRecord(ctx(), 'contact', a.id)).rejects.toMatchObject({ code: 'conflict' });
    expect(await listMerges(ctx(), { type: 'contact', recordId: c.id })).toHaveLength(1);
  });

  test('undo is refused while a later merge involves the survivor, and after 30 days; erasure keeps the pointer', async () => {
    const { ctx } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    const c = await createContact(ctx(), { firstName: 'C' });
    const first = await mergeOf(ctx(), a, [b]);
    const second = await mergeOf(ctx(), await getContact(ctx(), a.id), [c]);
    await expect(undoMerge(ctx(), first.merge.id)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'later_merge', mergeId: second.merge.id } });
    await undoMerge(ctx(), second.merge.id);
    await expect(undoMerge(ctx(), second.merge.id)).rejects.toMatchObject({ code: 'conflict' });
    await db.update(merges).set({ undoUntil: sql`now() - interval '1 day'` }).where(eq(merges.id, first.merge.id));
    await expect(undoMerge(ctx(), first.merge.id)).rejects.toMatchObject({ code: 'gone', details: { reason: 'undo_expired' } });
    await db.update(merges).set({ undoUntil: sql`now() + interval '1 day'` }).where(eq(merges.id, first.merge.id));
    expect(await forgetMergesOf(db, ctx().workspaceId, 'contact', b.id)).toBe(1);
    await expect(undoMerge(ctx(), first.merge.id)).rejects.toMatchObject({ code: 'gone' });
    await expect(getContact(ctx(), b.id)).rejects.toMatchObject({ details: { mergedInto: a.id } });
    const [row] = await queryRows<{ snapshot: unknown }>(db, sql`select snapshot from merges where id = ${first.merge.id}`);
    expect(row!.snapshot).toBeNull();
  });

  test('the trash purge keeps a merged-away record while its merge can be undone; once purged, the id still leads on', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    const { merge } = await mergeOf(ctx(), a, [b]);
    await db.update(workspaces).set({ trashRetentionDays: 0 }).where(eq(workspaces.id, workspace.id));
    await db.execute(sql`update contacts set deleted_at = now() - interval '1 day' where id = ${b.id}`);
    expect(await purgeExpired(db, { workspace: workspace.slug })).toContainEqual({ workspace: workspace.slug, recordType: 'contact', purged: 0 });
    await purgeRecord(ctx(), 'contact', b.id);
    await expect(undoMerge(ctx(), merge.id)).rejects.toMatchObject({ code: 'conflict', details: { reason: 'purged' } });
    await expect(getContact(ctx(), b.id)).rejects.toMatchObject({ details: { mergedInto: a.id } });
  });

  test('a failure mid-merge leaves nothing half done; an edit made with a version read before the merge is a 409', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    const note = await makeActivity(db, workspace.id, 'note', [{ recordType: 'contact', recordId: b.id }]);
    const restore = await failInsertsInto(db, 'events', workspace.id);
    await expect(mergeOf(ctx(), a, [b])).rejects.toThrow();
    await restore();
    expect(await getContact(ctx(), b.id)).toMatchObject({ version: b.version });
    expect(await getContact(ctx(), a.id)).toMatchObject({ version: a.version, lastName: '' });
    expect((await linksOf(workspace.id, b.id)).map((l) => l.activityId)).toEqual([note.id]);
    expect(await db.select().from(merges).where(eq(merges.workspaceId, workspace.id))).toEqual([]);

    await mergeOf(ctx(), a, [b]);
    await expect(updateContact(ctx(), a.id, { city: 'Acre', version: a.version })).rejects.toMatchObject({ code: 'version_conflict' });
    await expect(updateContact(ctx(), b.id, { city: 'Acre', version: b.version })).rejects.toMatchObject({ code: 'not_found' });
  });

  test('a stale version is a 409 and nothing changes; two overlapping merges at once: one wins, the other 409s', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    await updateContact(ctx(), b.id, { city: 'Eilat', version: b.version });
    await expect(mergeOf(ctx(), a, [b])).rejects.toMatchObject({ code: 'version_conflict' });
    expect(await getContact(ctx(), b.id)).toMatchObject({ city: 'Eilat' });
    expect(await getContact(ctx(), a.id)).toMatchObject({ version: a.version, lastName: '' });

    const fresh = await getContact(ctx(), b.id);
    const c = await createContact(ctx(), { firstName: 'C' });
    const results = await Promise.allSettled([mergeOf(ctx(), a, [fresh]), mergeOf(ctx(), c, [fresh])]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(['conflict', 'version_conflict']).toContain(lost[0]!.reason.code);
    const rows = await db.select().from(merges).where(eq(merges.workspaceId, workspace.id));
    expect(rows).toHaveLength(1);
    const loserSurvivor = rows[0]!.survivorId === a.id ? c : a;
    expect(await getContact(ctx(), loserSurvivor.id)).toMatchObject({ version: loserSurvivor.version });
  });
});

describe('merge API', () => {
  const body = (survivor: { id: string; version: number }, others: { id: string; version: number }[], type = 'contact') => ({
    type,
    survivorId: survivor.id,
    mergedIds: others.map((o) => o.id),
    versions: Object.fromEntries([survivor, ...others].map((r) => [r.id, r.version])),
  });

  test('merges and undoes through HTTP; preview, list', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    const { headers } = await logIn(app, owner.email);
    const preview = await app.inject({ url: `/api/merges/preview?type=contact&ids=${a.id},${b.id}`, headers });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().moves).toMatchObject({ activities: 0, contact_companies: 0 });
    const merged = await app.inject({ method: 'POST', url: '/api/merges', headers, payload: { ...body(a, [b]), fields: { lastName: b.id } } });
    expect(merged.statusCode).toBe(201);
    expect(merged.json().item).toMatchObject({ id: a.id, lastName: 'Levi' });
    const list = await app.inject({ url: `/api/merges?type=contact&recordId=${a.id}`, headers });
    expect(list.json().items).toHaveLength(1);
    const undo = await app.inject({ method: 'POST', url: `/api/merges/${merged.json().merge.id}/undo`, headers });
    expect(undo.statusCode).toBe(200);
    expect((await app.inject({ url: `/api/contacts/${b.id}`, headers })).statusCode).toBe(200);
  });

  test('bad input is a 400: one id, an id twice, the survivor merged away, mixed types, a choice outside the set', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    const acme = await createCompany(ctx(), { name: 'Acme' });
    const { headers } = await logIn(app, owner.email);
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/merges', headers, payload });
    expect((await post({ ...body(a, []) })).statusCode).toBe(400);
    expect((await post({ ...body(a, [b, b]) })).statusCode).toBe(400);
    expect((await post({ ...body(a, [a]) })).statusCode).toBe(400);
    expect((await post({ ...body(a, [acme]) })).statusCode).toBe(400);
    expect((await post({ ...body(a, [b]), fields: { firstName: acme.id } })).statusCode).toBe(400);
    expect((await post({ ...body(a, [b]), type: 'planet' })).statusCode).toBe(400);
    expect((await post({ ...body(a, [b]), versions: { [a.id]: 1 } })).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/merges/preview?type=contact&ids=${a.id}`, headers })).statusCode).toBe(400);
    expect((await app.inject({ url: `/api/merges/preview?type=contact&ids=${a.id},${a.id}`, headers })).statusCode).toBe(400);
  });

  test('another workspace’s ids are a 404, a viewer a 403, a sales rep who sees only their own a 404 on others’ records', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const { a, b } = await twoContacts(ctx());
    const other = await makeWorkspace(db);
    const { headers: otherHeaders } = await logIn(app, other.owner.email);
    const post = (headers: object, payload: object) => app.inject({ method: 'POST', url: '/api/merges', headers: headers as never, payload });
    expect((await post(otherHeaders, body(a, [b]))).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/merges/preview?type=contact&ids=${a.id},${b.id}`, headers: otherHeaders })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/merges?type=contact&recordId=${a.id}`, headers: otherHeaders })).statusCode).toBe(404);

    const viewer = await makeMember(db, workspace.id, 'viewer');
    expect((await post((await logIn(app, viewer.email)).headers, body(a, [b]))).statusCode).toBe(403);

    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const repHeaders = (await logIn(app, rep.email)).headers;
    const mine = await app.inject({ method: 'POST', url: '/api/contacts', headers: repHeaders, payload: { firstName: 'Mine' } });
    expect((await post(repHeaders, body(mine.json(), [a]))).statusCode).toBe(404);
    const { merge } = await mergeOf(ctx(), a, [b]);
    expect((await app.inject({ method: 'POST', url: `/api/merges/${merge.id}/undo`, headers: repHeaders })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/merges/${merge.id}/undo`, headers: otherHeaders })).statusCode).toBe(404);
  });
});
