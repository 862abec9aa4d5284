import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { queryRows } from '../../db/client.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { createActivity } from '../activities/service.js';
import { createContact } from '../contacts/service.js';
import { pseudonymOf } from './erase.js';
import { applyRetention } from './retention.js';
import { getPrivacySettings, updatePrivacySettings } from './settings.js';

const { db, app } = await useTestApp();

/** Moves a contact and everything on its timeline `years` into the past. */
async function age(workspaceId: string, id: string, years: number) {
  const past = sql`now() - make_interval(years => ${years}::int)`;
  await db.execute(sql`update contacts set created_at = ${past}, updated_at = ${past} where workspace_id = ${workspaceId} and id = ${id}`);
  await db.execute(sql`update activity_links set occurred_at = ${past} where workspace_id = ${workspaceId} and record_type = 'contact' and record_id = ${id}`);
}

const names = async (workspaceId: string) =>
  (await queryRows<{ id: string; name: string; erased: boolean }>(db, sql`select id, first_name as name, erased_at is not null as erased from contacts where workspace_id = ${workspaceId} order by created_at`));

describe('retention', () => {
  test('off by default; a dry run counts, then only the inactive are anonymised', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    expect(await getPrivacySettings(ctx())).toEqual({ retentionYears: null, retentionAction: 'anonymise', version: 1 });
    const old = await createContact(ctx(), { firstName: 'Old', email: 'old@example.test' });
    const oldButCalled = await createContact(ctx(), { firstName: 'Called' });
    const fresh = await createContact(ctx(), { firstName: 'Fresh' });
    await age(workspace.id, old.id, 4);
    await age(workspace.id, oldButCalled.id, 4);
    await createActivity(ctx(), { kind: 'call', links: [{ recordType: 'contact', recordId: oldButCalled.id }] });
    expect(await applyRetention(db, { workspace: workspace.slug })).toEqual([{ workspace: workspace.slug, years: null, action: 'anonymise', contacts: 0 }]);

    await updatePrivacySettings(ctx(), { retentionYears: 3, version: 1 });
    expect(await applyRetention(db, { workspace: workspace.slug, dryRun: true })).toEqual([{ workspace: workspace.slug, years: 3, action: 'anonymise', contacts: 1 }]);
    expect((await names(workspace.id)).every((c) => !c.erased)).toBe(true);
    await applyRetention(db, { workspace: workspace.slug });
    expect(await names(workspace.id)).toEqual([
      { id: old.id, name: pseudonymOf(old.id), erased: true },
      { id: oldButCalled.id, name: 'Called', erased: false },
      { id: fresh.id, name: 'Fresh', erased: false },
    ]);
    expect((await applyRetention(db, { workspace: workspace.slug, dryRun: true }))[0]!.contacts).toBe(0);
  });

  test('the erase action deletes the inactive contact for good', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const old = await createContact(ctx(), { firstName: 'Gone' });
    const fresh = await createContact(ctx(), { firstName: 'Stays' });
    await age(workspace.id, old.id, 11);
    await updatePrivacySettings(ctx(), { retentionYears: 10, retentionAction: 'erase' });
    expect(await applyRetention(db, { workspace: workspace.slug })).toMatchObject([{ contacts: 1, action: 'erase' }]);
    expect((await names(workspace.id)).map((c) => c.id)).toEqual([fresh.id]);
    await expect(applyRetention(db, { workspace: 'no-such-workspace' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('GET/PUT /api/workspace/privacy-settings', () => {
  test('admins read and change it; a manager is 403; a stale version 409; bad input 400', async () => {
    const { workspace, owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const url = '/api/workspace/privacy-settings';
    expect((await app.inject({ method: 'GET', url, headers: session.headers })).json()).toEqual({ retentionYears: null, retentionAction: 'anonymise', version: 1 });
    const put = await app.inject({ method: 'PUT', url, headers: session.headers, payload: { retentionYears: 7, retentionAction: 'erase', version: 1 } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toEqual({ retentionYears: 7, retentionAction: 'erase', version: 2 });
    expect((await app.inject({ method: 'PUT', url, headers: session.headers, payload: { retentionYears: null, version: 1 } })).statusCode).toBe(409);
    for (const bad of [{ retentionYears: 0 }, { retentionYears: 'five' }, { retentionAction: 'delete' }, { other: 1 }]) {
      expect((await app.inject({ method: 'PUT', url, headers: session.headers, payload: bad })).statusCode).toBe(400);
    }
    const manager = await makeMember(db, workspace.id, 'manager');
    const managerSession = await logIn(app, manager.email);
    expect((await app.inject({ method: 'GET', url, headers: managerSession.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'PUT', url, headers: managerSession.headers, payload: { retentionYears: 1 } })).statusCode).toBe(403);
    const off = await app.inject({ method: 'PUT', url, headers: session.headers, payload: { retentionYears: null } });
    expect(off.json()).toMatchObject({ retentionYears: null, version: 3 });
  });
});
