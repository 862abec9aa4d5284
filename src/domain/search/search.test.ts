import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace, type Session } from '../../test-support/fixtures.js';
import { contactCompanies } from '../contacts/table.js';
import { createContact, deleteContact, updateContact } from '../contacts/service.js';
import { recordTypes } from '../records/registry.js';
import { insertCompanies, insertContacts } from '../records/test-records.js';
import { createTeam } from '../teams/service.js';
import { updateRecordSettings } from '../teams/settings.js';
import type { SearchResult } from './schema.js';
import { search } from './service.js';

const { db, app } = await useTestApp();

const { workspace, owner, ctx } = await makeWorkspace(db);
const rep = await makeMember(db, workspace.id, 'sales');
const other = await makeMember(db, workspace.id, 'sales');
await updateRecordSettings(ctx(), { recordVisibility: { sales: 'own' } });

const people = await insertContacts(db, workspace.id, [
  { firstName: 'גֶּרְשׁוֹן', lastName: 'כֹּהֵן', ownerId: owner.id },
  { firstName: 'Yossi', lastName: 'Cohen', email: 'yossi.cohen@example.com', ownerId: owner.id },
  { firstName: 'משה', lastName: 'לוי', phone: '+972547651234', phones: [{ value: '+972547651234', label: 'mobile', primary: true }], ownerId: owner.id },
  { firstName: 'ג׳ורג׳', lastName: 'שמואל', ownerId: owner.id },
  { firstName: 'Itzhak', lastName: 'Peretz', ownerId: owner.id },
  { firstName: 'Dana', lastName: 'Levy', email: 'dana@levy.example', ownerId: rep.id },
  { firstName: 'Noa', lastName: 'Kohavi', ownerId: other.id },
  { firstName: 'Amit', lastName: 'Bar', ownerId: owner.id },
]);
const [gershon, yossi, moshe, george, itzhak, dana, noa, amit] = people.map((p) => p.id);
const [acme] = await insertCompanies(db, workspace.id, [{ name: 'Acme Widgets', domain: 'acme.example', ownerId: owner.id }]);
await db.insert(contactCompanies).values({ workspaceId: workspace.id, contactId: amit!, companyId: acme!.id, isPrimary: true });

const find = async (q: string, c = ctx()) => search(c, { q, limit: 20 });
const ids = (result: SearchResult, type = 'contact') => result.groups.find((g) => g.type === type)?.items.map((i) => i.id) ?? [];
const first = async (q: string) => (await find(q)).groups.find((g) => g.type === 'contact')?.items[0];

describe('Hebrew normalisation', () => {
  test('niqqud ignored, final letters, geresh variants, a prefix letter', async () => {
    expect(ids(await find('גרשון'))).toContain(gershon);
    expect(ids(await find('כהן'))).toContain(gershon);
    expect(ids(await find('ג׳ורג׳'))).toContain(george);
    expect(ids(await find("ג'ורג"))).toContain(george);
    expect(ids(await find('גורג'))).toContain(george);
    expect(ids(await find('לכהן'))).toContain(gershon);
    expect(ids(await find('וכהן'))).toContain(gershon);
  });
});

describe('phones in any format', () => {
  test.each(['054-765', '0547651234', '+972 54 765', '972547651234'])('%s', async (q) => {
    const item = await first(q);
    expect(item?.id).toBe(moshe);
    expect(item?.matchedField).toBe('phone');
  });
});

describe('typos and transliteration', () => {
  test('one typo in a word of 5+ letters', async () => {
    expect(ids(await find('Cohne'))).toContain(yossi);
    expect(ids(await find('שמואלל'))).toContain(george);
    expect((await first('Cohne'))?.tier).toBe('fuzzy');
  });
  test('transliteration both ways', async () => {
    expect(ids(await find('Cohen'))).toEqual(expect.arrayContaining([yossi, gershon]));
    expect(ids(await find('כהן'))).toContain(yossi);
    expect(ids(await find('יוסי'))).toContain(yossi);
    expect(ids(await find('Moshe'))).toContain(moshe);
    expect(ids(await find('Levi'))).toContain(moshe);
    expect(ids(await find('יצחק'))).toContain(itzhak);
    expect(ids(await find('Isaac'))).toContain(itzhak);
  });
});

describe('several words', () => {
  test('every word must match, the last one as a prefix', async () => {
    expect(ids(await find('Yossi Coh'))).toEqual([yossi]);
    expect(ids(await find('משה ל'))).toEqual([moshe]);
    expect(ids(await find('Yossi Levy'))).toEqual([]);
  });
  test('a typo or the other script in any one word', async () => {
    expect(ids(await find('Moshe Levi'))).toEqual([moshe]);
    expect(ids(await find('Yossi Cohne'))).toEqual([yossi]);
    expect(ids(await find('Yosi כהן'))).toEqual([yossi]);
    expect(ids(await find('גרשון Cohen'))).toEqual([gershon]);
    expect(ids(await find('Moshe Cohen'))).toEqual([]);
  });
});

describe('ranking', () => {
  test('exact > prefix > fragment > fuzzy', async () => {
    const items = (await find('Cohen')).groups[0]!.items;
    expect(items[0]).toMatchObject({ id: yossi, tier: 'exact' });
    expect(items.find((i) => i.id === gershon)?.tier).toBe('fuzzy');
    expect((await first('Coh'))?.tier).toBe('prefix');
    expect((await first('ohe'))?.tier).toBe('fragment');
  });
  test('within a tier: recently touched, then owned, then the rest', async () => {
    const a = await createContact(ctx(), { firstName: 'Zebulon', lastName: 'Alpha' });
    const [b, c] = await insertContacts(db, workspace.id, [
      { firstName: 'Zebulon', lastName: 'Beta', ownerId: owner.id },
      { firstName: 'Zebulon', lastName: 'Gamma', ownerId: rep.id },
    ]);
    await updateContact(ctx(), a.id, { version: a.version, lastName: 'Alpha2' });
    // a was written by the owner (recent), b is owned, c is someone else's.
    const order = ids(await find('zebulon'));
    expect(order).toEqual([a.id, b!.id, c!.id]);
    // The fragment tier ranks the same way (its own passes: audit first, then one trigram read).
    const fragments = (await find('ebulo')).groups[0]!.items;
    expect(fragments.map((i) => [i.id, i.tier])).toEqual([a.id, b!.id, c!.id].map((id) => [id, 'fragment']));
    await deleteContact(ctx(), a.id);
    expect(ids(await find('zebulon'))).toEqual([b!.id, c!.id]);
  });
  test('a contact is found by its company’s name', async () => {
    const result = await find('Acme');
    expect(ids(result, 'company')).toEqual([acme!.id]);
    const item = result.groups.find((g) => g.type === 'contact')!.items[0]!;
    expect(item).toMatchObject({ id: amit, matchedField: 'company', tier: 'exact' });
  });
});

describe('highlights map back to the original text', () => {
  test('through niqqud and final letters', async () => {
    const item = (await find('כהן')).groups[0]!.items.find((i) => i.id === gershon)!;
    const [[start, end]] = item.highlights.title as [[number, number]];
    expect(item.title.slice(start, end)).toBe('כֹּהֵן');
  });
  test('a phone in the subtitle', async () => {
    const item = (await first('054-765'))!;
    const [[start, end]] = item.highlights.subtitle as [[number, number]];
    expect(item.subtitle!.slice(start, end)).toBe('54765');
  });
});

describe('visibility and workspaces', () => {
  test('sales=own does not find others’ contacts', async () => {
    const repCtx = { ...ctx('sales'), actorUserId: rep.id };
    expect(ids(await find('Dana', repCtx))).toEqual([dana]);
    expect(ids(await find('Noa', repCtx))).toEqual([]);
    expect(ids(await find('Cohen', repCtx))).toEqual([]);
  });
  test('team visibility finds the teammates’ records in every tier, not the others’', async () => {
    const manager = await makeMember(db, workspace.id, 'manager');
    const mate = await makeMember(db, workspace.id, 'sales');
    await createTeam(ctx(), { name: 'Zorba team', memberIds: [manager.id, mate.id] });
    await updateRecordSettings(ctx(), { recordVisibility: { sales: 'own', manager: 'team' } });
    const [mine, mates, outsiders] = await insertContacts(db, workspace.id, [
      { firstName: 'Zorbas', lastName: 'Mine', ownerId: manager.id },
      { firstName: 'Zorbas', lastName: 'Mates', ownerId: mate.id },
      { firstName: 'Zorbas', lastName: 'Outsider', ownerId: other.id },
    ]);
    const managerCtx = { ...ctx('manager'), actorUserId: manager.id };
    for (const q of ['Zorbas', 'Zor', 'orba', 'Zorbsa']) {
      expect(new Set(ids(await find(q, managerCtx))), q).toEqual(new Set([mine!.id, mates!.id]));
    }
    expect(ids(await find('Zorbas'))).toContain(outsiders!.id);
  });
  test('another workspace’s records are never found', async () => {
    const elsewhere = await makeWorkspace(db);
    expect((await find('Cohen', elsewhere.ctx())).groups).toEqual([]);
    expect(noa).toBeDefined();
  });
});

describe('GET /api/search', () => {
  let session: Session;
  const get = (url: string) => app.inject({ method: 'GET', url, headers: { cookie: session.cookie } });
  test('answers groups in registry order', async () => {
    session = await logIn(app, owner.email);
    const response = await get(`/api/search?q=${encodeURIComponent('Acme')}&types=contact,company`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().groups.map((g: { type: string }) => g.type)).toEqual(recordTypes().map((t) => t.name));
    expect((await get('/api/search?q=Acme&types=company')).json().groups.map((g: { type: string }) => g.type)).toEqual(['company']);
  });
  test.each([
    ['empty q', '/api/search?q='],
    ['no q', '/api/search'],
    ['over-long q', `/api/search?q=${'a'.repeat(201)}`],
    ['unknown type', '/api/search?q=a&types=contact,spaceship'],
    ['limit out of range', '/api/search?q=a&limit=21'],
  ])('400 for %s', async (_, url) => {
    expect((await get(url)).statusCode).toBe(400);
  });
  test('401 without a session; every role reads (viewer included)', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/search?q=Cohen' })).statusCode).toBe(401);
    const viewer = await makeMember(db, workspace.id, 'viewer');
    const response = await app.inject({ method: 'GET', url: '/api/search?q=Cohen', headers: { cookie: (await logIn(app, viewer.email)).cookie } });
    expect(response.statusCode).toBe(200);
  });
  test('the list q pages through the ranked matches', async () => {
    const all = ids(await find('Cohen'));
    const first = (await get('/api/contacts?q=Cohen&limit=1')).json() as { items: { id: string }[]; nextCursor: string };
    expect(first.items.map((i) => i.id)).toEqual(all.slice(0, 1));
    const second = (await get(`/api/contacts?q=Cohen&limit=1&cursor=${first.nextCursor}`)).json() as { items: { id: string }[] };
    expect(second.items.map((i) => i.id)).toEqual(all.slice(1, 2));
    expect((await get('/api/contacts?q=Cohen&cursor=nonsense')).statusCode).toBe(400);
    const sorted = (await get('/api/contacts?q=Cohen&sort=-name')).json() as { items: { id: string }[] };
    expect(new Set(sorted.items.map((i) => i.id))).toEqual(new Set(all));
  });
  test('the list q uses the same engine, in rank order', async () => {
    const list = (await get('/api/contacts?q=Cohen')).json() as { items: { id: string }[] };
    expect(list.items.map((i) => i.id)).toEqual(ids(await find('Cohen')));
  });
});
