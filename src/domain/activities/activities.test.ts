import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import type { Ctx } from '../../core/context.js';
import type { Role } from '../../core/roles.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { insertCompany, insertContact, setRecordVisibility } from '../../test-support/records.js';
import { contacts } from '../contacts/table.js';
import { events } from '../events/table.js';
import { createActivity, deleteActivity, getActivity, updateActivity } from './service.js';
import { activityLinks } from './table.js';
import { listTimeline } from './timeline.js';

const { db, app } = await useTestApp();

async function memberCtx(workspaceId: string, role: Role): Promise<Ctx> {
  const user = await makeMember(db, workspaceId, role);
  return { db, workspaceId, role, user, apiKeyId: null, actorUserId: user.id, channel: 'api' };
}

describe('activities', () => {
  test('a call linked to a contact and a company: both links copy occurred_at and kind, one event per record', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id, { ownerId: owner.id });
    const acme = await insertCompany(db, workspace.id);
    const call = await createActivity(ctx(), {
      kind: 'call',
      occurredAt: '2026-03-01T10:00:00.000Z',
      subject: 'Renewal',
      direction: 'out',
      durationSeconds: 300,
      outcome: 'answered',
      recordingUrl: 'https://calls.example.test/1.mp3',
      links: [
        { recordType: 'contact', recordId: dana.id },
        { recordType: 'company', recordId: acme.id },
      ],
    });
    expect(call).toMatchObject({ kind: 'call', direction: 'out', durationSeconds: 300, createdBy: owner.id, createdByName: 'Owner', version: 1 });
    expect(call.links).toEqual([
      { recordType: 'company', recordId: acme.id, name: 'Acme' },
      { recordType: 'contact', recordId: dana.id, name: 'Dana Cohen' },
    ]);
    const links = await db.select().from(activityLinks).where(eq(activityLinks.activityId, call.id));
    expect(links.map((l) => [l.kind, l.occurredAt.toISOString()])).toEqual([
      ['call', '2026-03-01T10:00:00.000Z'],
      ['call', '2026-03-01T10:00:00.000Z'],
    ]);
    const published = await db.select().from(events).where(eq(events.workspaceId, workspace.id));
    expect(published.map((e) => [e.recordType, e.recordId, e.action, e.ownerId]).sort()).toEqual(
      [
        ['company', acme.id, 'activity', null],
        ['contact', dana.id, 'activity', owner.id],
      ].sort(),
    );
    expect(published[0]!.payload).toEqual({ activityId: call.id, kind: 'call' });
  });

  test('occurredAt defaults to now; a meeting must end after it starts', async () => {
    const { workspace, ctx } = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id);
    const links = [{ recordType: 'contact', recordId: dana.id }];
    const note = await createActivity(ctx(), { kind: 'note', body: 'line 1\nline 2', links });
    expect(Math.abs(Date.parse(note.occurredAt) - Date.now())).toBeLessThan(10_000);
    const at = '2026-03-01T10:00:00Z';
    await expect(createActivity(ctx(), { kind: 'meeting', occurredAt: at, endsAt: at, links })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { fields: [{ path: 'endsAt' }] },
    });
    const meeting = await createActivity(ctx(), { kind: 'meeting', occurredAt: at, endsAt: '2026-03-01T11:00:00Z', location: 'Haifa', links });
    expect(meeting).toMatchObject({ location: 'Haifa', endsAt: '2026-03-01T11:00:00.000Z' });
  });

  test.each([
    [{ kind: 'note', durationSeconds: 10 }, 'durationSeconds'],
    [{ kind: 'email', recordingUrl: 'https://x.example.test/a' }, 'recordingUrl'],
    [{ kind: 'call', outcome: 'held' }, 'outcome'],
    [{ kind: 'note', location: 'Tel Aviv' }, 'location'],
    [{ kind: 'call', recordingUrl: 'javascript:alert(1)' }, 'recordingUrl'],
    [{ kind: 'system' }, 'kind'],
    [{ kind: 'call', direction: 'sideways' }, 'direction'],
  ])('refuses %j with a 400 naming %s', async (fields, path) => {
    const { workspace, ctx } = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id);
    const error = await createActivity(ctx(), { ...fields, links: [{ recordType: 'contact', recordId: dana.id }] } as never).catch((e: unknown) => e);
    const named = (error as { details?: { fields?: { path: string }[] }; issues?: { path: string[] }[] });
    const paths = named.details?.fields?.map((f) => f.path) ?? named.issues?.map((i) => i.path.join('.'));
    expect(paths).toContain(path);
  });

  test('links: unknown type, missing, deleted, another workspace’s and invisible records are 400s naming links.<i>', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    const other = await makeWorkspace(db);
    const sales = await memberCtx(workspace.id, 'sales');
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const mine = await insertContact(db, workspace.id, { ownerId: sales.actorUserId });
    const theirs = await insertContact(db, workspace.id, { ownerId: owner.id });
    const gone = await insertContact(db, workspace.id, { ownerId: sales.actorUserId });
    await db.update(contacts).set({ deletedAt: new Date() }).where(and(eq(contacts.workspaceId, workspace.id), eq(contacts.id, gone.id)));
    const foreign = await insertContact(db, other.workspace.id);
    const cases: [{ recordType: string; recordId: string }, string][] = [
      [{ recordType: 'deal', recordId: mine.id }, 'links.1.recordType'],
      [{ recordType: 'contact', recordId: '00000000-0000-4000-8000-000000000000' }, 'links.1.recordId'],
      [{ recordType: 'contact', recordId: gone.id }, 'links.1.recordId'],
      [{ recordType: 'contact', recordId: foreign.id }, 'links.1.recordId'],
      [{ recordType: 'contact', recordId: theirs.id }, 'links.1.recordId'],
    ];
    for (const [link, path] of cases) {
      await expect(createActivity(sales, { kind: 'note', links: [{ recordType: 'contact', recordId: mine.id }, link] })).rejects.toMatchObject({
        code: 'validation_failed',
        details: { fields: [{ path }] },
      });
    }
    // The owner sees every record, so theirs is fine for them.
    await createActivity(ctx(), { kind: 'note', links: [{ recordType: 'contact', recordId: theirs.id }] });
    const tooMany = Array.from({ length: 21 }, () => ({ recordType: 'contact', recordId: mine.id }));
    await expect(createActivity(sales, { kind: 'note', links: tooMany })).rejects.toMatchObject({ name: 'ZodError' });
    await expect(createActivity(sales, { kind: 'note', links: [] })).rejects.toMatchObject({ name: 'ZodError' });
  });

  test('update checks the version, moves the links with occurredAt; delete takes it off the timeline', async () => {
    const { workspace, ctx, owner } = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id);
    const acme = await insertCompany(db, workspace.id);
    const note = await createActivity(ctx(), { kind: 'note', body: 'first', links: [{ recordType: 'contact', recordId: dana.id }] });
    const edited = await updateActivity(ctx(), note.id, {
      body: 'second',
      occurredAt: '2025-01-01T00:00:00Z',
      links: [{ recordType: 'company', recordId: acme.id }],
      version: 1,
    });
    expect(edited).toMatchObject({ body: 'second', version: 2, occurredAt: '2025-01-01T00:00:00.000Z', links: [{ recordType: 'company', recordId: acme.id }] });
    const links = await db.select().from(activityLinks).where(eq(activityLinks.activityId, note.id));
    expect(links.map((l) => [l.recordId, l.occurredAt.toISOString()])).toEqual([[acme.id, '2025-01-01T00:00:00.000Z']]);
    await expect(updateActivity(ctx(), note.id, { body: 'stale', version: 1 })).rejects.toMatchObject({
      code: 'version_conflict',
      details: { currentVersion: 2, updatedBy: owner.id, updatedByName: owner.name },
    });
    await expect(updateActivity(ctx(), note.id, { durationSeconds: 5, version: 2 })).rejects.toMatchObject({ details: { fields: [{ path: 'durationSeconds' }] } });
    await expect(deleteActivity(ctx(), note.id, { version: 1 })).rejects.toMatchObject({ code: 'version_conflict' });
    await deleteActivity(ctx(), note.id, { version: 2 });
    await expect(getActivity(ctx(), note.id)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listTimeline(ctx(), 'company', acme.id, {})).items).toEqual([]);
    // The company refreshes on each change, and the contact it left refreshes on the edit.
    const published = await db.select().from(events).where(eq(events.workspaceId, workspace.id));
    expect(published.filter((e) => e.recordId === dana.id)).toHaveLength(2);
    expect(published.filter((e) => e.recordId === acme.id)).toHaveLength(2);
  });

  test('a viewer may read but not write; a sales rep cannot see an activity only on others’ records', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const viewer = await memberCtx(workspace.id, 'viewer');
    const sales = await memberCtx(workspace.id, 'sales');
    const theirs = await insertContact(db, workspace.id, { ownerId: owner.id });
    const note = await createActivity(ctx(), { kind: 'note', links: [{ recordType: 'contact', recordId: theirs.id }] });
    expect((await getActivity(viewer, note.id)).id).toBe(note.id);
    await expect(createActivity(viewer, { kind: 'note', links: [{ recordType: 'contact', recordId: theirs.id }] })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(getActivity(sales, note.id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(updateActivity(sales, note.id, { body: 'x', version: 1 })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteActivity(sales, note.id)).rejects.toMatchObject({ code: 'not_found' });
  });

  test('an edit by someone who sees only some links keeps the links they cannot see', async () => {
    const { workspace, owner, ctx } = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const sales = await memberCtx(workspace.id, 'sales');
    const mine = await insertContact(db, workspace.id, { firstName: 'Mine', ownerId: sales.actorUserId });
    const theirs = await insertContact(db, workspace.id, { firstName: 'Theirs', ownerId: owner.id });
    const other = await insertContact(db, workspace.id, { firstName: 'Other', ownerId: sales.actorUserId });
    const note = await createActivity(ctx(), {
      kind: 'note',
      links: [
        { recordType: 'contact', recordId: mine.id },
        { recordType: 'contact', recordId: theirs.id },
      ],
    });
    expect((await getActivity(sales, note.id)).links.map((l) => l.name)).toEqual(['Mine Cohen']);
    await updateActivity(sales, note.id, { links: [{ recordType: 'contact', recordId: other.id }], version: 1 });
    expect((await getActivity(ctx(), note.id)).links.map((l) => l.name)).toEqual(['Other Cohen', 'Theirs Cohen']);
  });

  test('over HTTP: create, read, a bad link is a 400 naming it, another workspace’s activity is a 404', async () => {
    const { workspace, owner } = await makeWorkspace(db);
    const other = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id);
    const session = await logIn(app, owner.email);
    const created = await app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: session.headers,
      payload: { kind: 'call', direction: 'in', outcome: 'voicemail', links: [{ recordType: 'contact', recordId: dana.id }] },
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect((await app.inject({ url: `/api/activities/${id}`, headers: session.headers })).json()).toMatchObject({ id, createdByName: 'Owner', links: [{ name: 'Dana Cohen' }] });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: session.headers,
      payload: { kind: 'note', links: [{ recordType: 'contact', recordId: dana.id }, { recordType: 'contact', recordId: other.workspace.id }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().fields).toEqual([{ path: 'links.1.recordId', message: 'No such contact in this workspace' }]);
    const otherSession = await logIn(app, other.owner.email);
    expect((await app.inject({ url: `/api/activities/${id}`, headers: otherSession.headers })).statusCode).toBe(404);
    const patch = await app.inject({ method: 'PATCH', url: `/api/activities/${id}`, headers: { ...otherSession.headers, 'if-match': '"1"' }, payload: { subject: 'x' } });
    expect(patch.statusCode).toBe(404);
    const remove = await app.inject({ method: 'DELETE', url: `/api/activities/${id}`, headers: { ...session.headers, 'if-match': '"1"' } });
    expect(remove.statusCode).toBe(204);
  });
});
