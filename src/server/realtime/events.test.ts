import { eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import type { Ctx } from '../../core/context.js';
import { createActivity } from '../../domain/activities/service.js';
import { createApiKey } from '../../domain/api-keys/service.js';
import { pruneEvents } from '../../domain/events/service.js';
import { events } from '../../domain/events/table.js';
import { recordChange } from '../../domain/records/changes.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { insertContact, setRecordVisibility } from '../../test-support/records.js';
import { openSse, type SseStream } from '../../test-support/sse.js';

// No safety poll within these tests: every event must come through NOTIFY (PGlite's listen, or LISTEN).
const { db, app } = await useTestApp({ realtime: { heartbeatMs: 300, maxStreamsPerUser: 3, replayMaxEvents: 5, pollMs: 600_000 } });
await app.listen({ port: 0, host: '127.0.0.1' });
const { port } = app.server.address() as { port: number };
const base = `http://127.0.0.1:${port}`;

const streams: SseStream[] = [];
afterAll(() => streams.forEach((s) => s.close()));
async function stream(headers: Record<string, string>, query = '') {
  const opened = await openSse(`${base}/api/events${query}`, headers);
  streams.push(opened);
  return opened;
}
const connected = (s: SseStream) => s.waitFor((f) => f.comments.includes('connected'));

/** A contact change through the pipeline every record write uses. */
async function change(ctx: Ctx, recordId: string, ownerId: string | null = null) {
  await db.transaction((tx) =>
    recordChange(tx, { ...ctx, db: tx }, { recordType: 'contact', recordId, action: 'update', changes: [{ field: 'city', old: null, new: 'Haifa' }], ownerId, version: 2 }),
  );
}

describe('GET /api/events', () => {
  test('a change reaches an open stream within a second, as a change frame with the event id', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const s = await stream({ cookie: session.cookie });
    expect(s.status).toBe(200);
    expect(s.headers.get('content-type')).toContain('text/event-stream');
    expect(s.headers.get('x-accel-buffering')).toBe('no');
    await connected(s);
    expect(s.frames[0]!.retry).toBe(3000);
    const dana = await insertContact(db, workspace.id);
    const started = Date.now();
    await change(ctx(), dana.id);
    const frame = await s.waitFor((f) => f.event === 'change', 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(JSON.parse(frame.data)).toEqual({
      id: Number(frame.id),
      recordType: 'contact',
      recordId: dana.id,
      action: 'updated',
      version: 2,
      actorUserId: owner.id,
      actorName: 'Owner',
      fields: ['city'],
    });
    await createActivity(ctx(), { kind: 'note', links: [{ recordType: 'contact', recordId: dana.id }] });
    const activity = await s.waitFor((f) => f.event === 'change' && JSON.parse(f.data).action === 'activity', 1000);
    expect(JSON.parse(activity.data)).toMatchObject({ recordId: dana.id, activityId: expect.any(String) });
  });

  test("another workspace's events never arrive; an API key streams too", async () => {
    const mine = await makeWorkspace(db);
    const theirs = await makeWorkspace(db);
    const { secret } = await createApiKey(mine.ctx(), { name: 'live', role: 'viewer' });
    const s = await stream({ authorization: `Bearer ${secret}` });
    await connected(s);
    const foreign = await insertContact(db, theirs.workspace.id);
    await change(theirs.ctx(), foreign.id);
    const local = await insertContact(db, mine.workspace.id);
    await change(mine.ctx(), local.id);
    await s.waitFor((f) => f.event === 'change');
    await new Promise((r) => setTimeout(r, 300));
    expect(s.changes().map((c) => c.recordId)).toEqual([local.id]);
  });

  test("a sales rep who sees only their own records gets only their records' events", async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const s = await stream({ cookie: (await logIn(app, rep.email)).cookie });
    await connected(s);
    const others = await insertContact(db, workspace.id, { ownerId: owner.id });
    const nobodys = await insertContact(db, workspace.id);
    const theirs = await insertContact(db, workspace.id, { ownerId: rep.id });
    await change(ctx(), others.id, owner.id);
    await change(ctx(), nobodys.id, null);
    await change(ctx(), theirs.id, rep.id);
    await s.waitFor((f) => f.event === 'change');
    await new Promise((r) => setTimeout(r, 300));
    expect(s.changes().map((c) => c.recordId)).toEqual([theirs.id]);
  });

  test('Last-Event-ID replays what was missed in the workspace; past the bound it says reload', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    const other = await makeWorkspace(db);
    const { cookie } = await logIn(app, owner.email);
    const dana = await insertContact(db, workspace.id);
    const first = await stream({ cookie });
    await connected(first);
    await change(ctx(), dana.id);
    const seen = await first.waitFor((f) => f.event === 'change');
    first.close();
    await change(ctx(), dana.id);
    await change(other.ctx(), (await insertContact(db, other.workspace.id)).id);
    await change(ctx(), dana.id);

    const header = await stream({ cookie, 'last-event-id': seen.id! });
    await header.waitFor(() => header.changes().length === 2);
    const missed = header.changes();
    expect(missed.every((c) => c.recordId === dana.id && c.id > Number(seen.id))).toBe(true);
    const query = await stream({ cookie }, `?lastEventId=${seen.id}`);
    await query.waitFor(() => query.changes().length === 2);
    expect(query.changes()).toEqual(missed);
    // Nothing missed since the last one: no replay, no reload.
    const upToDate = await stream({ cookie, 'last-event-id': String(missed[1]!.id) });
    await upToDate.waitFor((f) => f.comments.includes('connected'));
    header.close();
    query.close();
    upToDate.close();

    // More than the bound (5 in this app) is a reload, whose id moves the client to now.
    for (let i = 0; i < 6; i++) await change(ctx(), dana.id);
    const tooMany = await stream({ cookie, 'last-event-id': seen.id! });
    const reload = await tooMany.waitFor((f) => f.event === 'reload');
    expect(Number(reload.id)).toBeGreaterThan(Number(seen.id));
    expect(tooMany.changes()).toEqual([]);
    tooMany.close();

    // An event older than 24 h, or one pruned, is a reload too.
    await db.update(events).set({ at: sql`now() - interval '25 hours'` }).where(eq(events.id, Number(seen.id)));
    const stale = await stream({ cookie, 'last-event-id': seen.id! });
    await stale.waitFor((f) => f.event === 'reload');
    stale.close();
    const unknown = await stream({ cookie, 'last-event-id': '999999999999' });
    await unknown.waitFor((f) => f.event === 'reload');
    unknown.close();
  });

  test('a malformed Last-Event-ID is a 400 naming it; no credential is a 401', async () => {
    const { owner } = await makeWorkspace(db);
    const { cookie } = await logIn(app, owner.email);
    const bad = await app.inject({ url: '/api/events', headers: { cookie, 'last-event-id': 'abc' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields[0].path).toContain('last-event-id');
    expect((await app.inject({ url: '/api/events?lastEventId=-1', headers: { cookie } })).statusCode).toBe(400);
    expect((await app.inject({ url: '/api/events' })).statusCode).toBe(401);
  });

  test('a stream ends when its session ends or its member is removed (checked on the heartbeat)', async () => {
    const { workspace, owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const s = await stream({ cookie: session.cookie });
    await s.waitFor((f) => f.comments.includes('heartbeat'), 2000);
    await app.inject({ method: 'POST', url: '/api/auth/logout', headers: session.headers });
    await s.ended;

    const member = await makeMember(db, workspace.id, 'sales');
    const memberSession = await logIn(app, member.email);
    const removed = await stream({ cookie: memberSession.cookie });
    await connected(removed);
    const ownerSession = await logIn(app, owner.email);
    const { items: members } = (await app.inject({ url: '/api/members', headers: ownerSession.headers })).json() as { items: { id: string; userId: string }[] };
    const membership = members.find((m) => m.userId === member.id)!;
    const gone = await app.inject({ method: 'DELETE', url: `/api/members/${membership.id}`, headers: ownerSession.headers });
    expect(gone.statusCode).toBe(204);
    await removed.ended;
  });

  test('more open streams than the per-person cap is a 429; closing one makes room', async () => {
    const { owner } = await makeWorkspace(db);
    const { cookie } = await logIn(app, owner.email);
    const open = [await stream({ cookie }), await stream({ cookie }), await stream({ cookie })];
    await Promise.all(open.map(connected));
    const refused = await fetch(`${base}/api/events`, { headers: { cookie } });
    expect(refused.status).toBe(429);
    open[0]!.close();
    await new Promise((r) => setTimeout(r, 200));
    const again = await stream({ cookie });
    expect(again.status).toBe(200);
  });

  test('pruneEvents deletes events older than seven days', async () => {
    const { workspace, ctx } = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id);
    await change(ctx(), dana.id);
    await change(ctx(), dana.id);
    const [old] = await db.select({ id: events.id }).from(events).where(eq(events.workspaceId, workspace.id)).limit(1);
    await db.update(events).set({ at: sql`now() - interval '8 days'` }).where(eq(events.id, old!.id));
    expect(await pruneEvents(db)).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(events).where(eq(events.workspaceId, workspace.id))).toHaveLength(1);
  });
});
