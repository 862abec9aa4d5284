import { describe, expect, test } from 'vitest';
import type { Ctx } from '../../core/context.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { insertCompany, insertContact, linkContactToCompany, setRecordVisibility } from '../../test-support/records.js';
import { recordChange } from '../records/changes.js';
import { createActivity } from './service.js';
import { listTimeline } from './timeline.js';
import type { Activity, TimelineQuery } from './schema.js';

const { db, app } = await useTestApp();

async function allPages(ctx: Ctx, recordType: string, id: string, query: TimelineQuery = {}) {
  const ids: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await listTimeline(ctx, recordType, id, { ...query, cursor });
    ids.push(...page.items.map((a) => a.id));
    cursor = page.nextCursor ?? undefined;
    pages += 1;
  } while (cursor);
  return { ids, pages };
}

const minute = (n: number) => new Date(Date.UTC(2026, 0, 1, 12, n)).toISOString();

describe('timeline', () => {
  test('pages newest first, each activity once, ties on occurred_at broken by id', async () => {
    const { workspace, ctx } = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id);
    const links = [{ recordType: 'contact', recordId: dana.id }];
    const created: Activity[] = [];
    for (let i = 0; i < 23; i++) created.push(await createActivity(ctx(), { kind: i % 3 ? 'note' : 'call', occurredAt: minute(i % 10), links }));
    const expected = [...created].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.id.localeCompare(a.id)).map((a) => a.id);
    const { ids, pages } = await allPages(ctx(), 'contact', dana.id, { limit: 5 });
    expect(ids).toEqual(expected);
    expect(pages).toBe(5);
    const calls = await allPages(ctx(), 'contact', dana.id, { kinds: 'call', limit: 3 });
    expect(calls.ids).toEqual(expected.filter((id) => created.find((a) => a.id === id)!.kind === 'call'));
  });

  test('system events written by recordChange are on the timeline, with their action and changes, at microsecond precision', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id);
    for (let i = 0; i < 4; i++) {
      await db.transaction((tx) =>
        recordChange(tx, { ...ctx(), db: tx }, { recordType: 'contact', recordId: dana.id, action: 'update', changes: [{ field: 'stage', old: 'lead', new: `s${i}` }], ownerId: null, version: i + 2 }),
      );
    }
    const first = await listTimeline(ctx(), 'contact', dana.id, { limit: 3 });
    expect(first.items[0]).toMatchObject({ kind: 'system', event: { action: 'update', changes: [{ field: 'stage', old: 'lead', new: 's3' }] }, createdByName: owner.name });
    const second = await listTimeline(ctx(), 'contact', dana.id, { limit: 3, cursor: first.nextCursor! });
    expect(second.items.map((a) => a.event?.changes[0]?.new)).toEqual(['s0']);
    expect((await listTimeline(ctx(), 'contact', dana.id, { kinds: 'note' })).items).toEqual([]);
    expect((await listTimeline(ctx(), 'contact', dana.id, { kinds: ['system'], limit: 25 })).items).toHaveLength(4);
  });

  test("a company's timeline shows its people's activities once, not their system events nor other companies' people", async () => {
    const { workspace, ctx } = await makeWorkspace(db);
    const acme = await insertCompany(db, workspace.id, { name: 'Acme' });
    const globex = await insertCompany(db, workspace.id, { name: 'Globex' });
    const dana = await insertContact(db, workspace.id, { firstName: 'Dana' });
    const yossi = await insertContact(db, workspace.id, { firstName: 'Yossi' });
    const stranger = await insertContact(db, workspace.id, { firstName: 'Stranger' });
    await linkContactToCompany(db, workspace.id, dana.id, acme.id);
    await linkContactToCompany(db, workspace.id, yossi.id, acme.id);
    await linkContactToCompany(db, workspace.id, stranger.id, globex.id);
    const link = (type: string, id: string) => ({ recordType: type, recordId: id });
    const own = await createActivity(ctx(), { kind: 'note', occurredAt: minute(1), links: [link('company', acme.id)] });
    const danaCall = await createActivity(ctx(), { kind: 'call', occurredAt: minute(2), links: [link('contact', dana.id)] });
    const meeting = await createActivity(ctx(), {
      kind: 'meeting',
      occurredAt: minute(3),
      links: [link('company', acme.id), link('contact', dana.id), link('contact', yossi.id)],
    });
    await createActivity(ctx(), { kind: 'note', occurredAt: minute(4), links: [link('contact', stranger.id)] });
    await db.transaction((tx) => recordChange(tx, { ...ctx(), db: tx }, { recordType: 'contact', recordId: yossi.id, action: 'create', ownerId: null }));
    const page = await listTimeline(ctx(), 'company', acme.id, {});
    expect(page.items.map((a) => a.id)).toEqual([meeting.id, danaCall.id, own.id]);
    expect(page.items[0]!.links.map((l) => l.name)).toEqual(['Acme', 'Dana Cohen', 'Yossi Cohen']);
    const paged = await allPages(ctx(), 'company', acme.id, { limit: 1 });
    expect(paged.ids).toEqual([meeting.id, danaCall.id, own.id]);
    expect((await listTimeline(ctx(), 'company', acme.id, { kinds: 'call' })).items.map((a) => a.id)).toEqual([danaCall.id]);
  });

  test("a company's timeline leaves out the people the caller may not see", async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const repCtx: Ctx = { ...ctx('sales'), user: rep, actorUserId: rep.id };
    const acme = await insertCompany(db, workspace.id, { ownerId: rep.id });
    const hidden = await insertContact(db, workspace.id, { ownerId: owner.id });
    await linkContactToCompany(db, workspace.id, hidden.id, acme.id);
    await createActivity(ctx(), { kind: 'note', links: [{ recordType: 'contact', recordId: hidden.id }] });
    expect((await listTimeline(ctx(), 'company', acme.id, {})).items).toHaveLength(1);
    expect((await listTimeline(repCtx, 'company', acme.id, {})).items).toEqual([]);
    await expect(listTimeline(repCtx, 'contact', hidden.id, {})).rejects.toMatchObject({ code: 'not_found' });
  });

  test('over HTTP: another workspace’s record and an unknown type are 404s, a bad kind or cursor a 400', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    const other = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id);
    await createActivity(ctx(), { kind: 'sms', direction: 'in', body: 'שלום', links: [{ recordType: 'contact', recordId: dana.id }] });
    const session = await logIn(app, owner.email);
    const ok = await app.inject({ url: `/api/timeline/contact/${dana.id}?kinds=sms,note&limit=10`, headers: session.headers });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ items: [{ kind: 'sms', body: 'שלום', links: [{ recordType: 'contact', name: 'Dana Cohen' }] }], nextCursor: null });
    const otherSession = await logIn(app, other.owner.email);
    expect((await app.inject({ url: `/api/timeline/contact/${dana.id}`, headers: otherSession.headers })).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/timeline/deal/${dana.id}`, headers: session.headers })).statusCode).toBe(404);
    const badKind = await app.inject({ url: `/api/timeline/contact/${dana.id}?kinds=note,party`, headers: session.headers });
    expect(badKind.statusCode).toBe(400);
    const badCursor = await app.inject({ url: `/api/timeline/contact/${dana.id}?cursor=abc`, headers: session.headers });
    expect(badCursor.json()).toMatchObject({ code: 'validation_failed', fields: [{ path: 'cursor' }] });
  });
});
