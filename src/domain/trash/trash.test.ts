import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { activityExists, auditOf, eventsOf, makeActivity, setRecordVisibility } from '../../test-support/records.js';
import { createCompany, deleteCompany, getCompany } from '../companies/service.js';
import { createContact, deleteContact, getContact } from '../contacts/service.js';
import { contactCompanies, contacts } from '../contacts/table.js';
import { companies } from '../companies/table.js';
import { workspaces } from '../workspaces/table.js';
import { purgeExpired } from './purge.js';
import { listTrash, purgeRecord, restoreRecord } from './service.js';

const { db, app } = await useTestApp();

describe('trash', () => {
  test('lists deleted records of every type, newest first, in keyset pages, with who deleted them', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const names = ['A', 'B', 'C'];
    for (const name of names) {
      const contact = await createContact(ctx(), { firstName: name });
      await deleteContact(ctx(), contact.id);
    }
    const company = await createCompany(ctx(), { name: 'Acme' });
    await createContact(ctx(), { firstName: 'Alive' });
    await app.inject({ method: 'DELETE', url: `/api/companies/${company.id}`, headers: (await logIn(app, owner.email)).headers });
    const first = await listTrash(ctx(), { limit: 2 });
    expect(first.items).toMatchObject([
      { recordType: 'company', id: company.id, name: 'Acme', deletedBy: owner.id, deletedByName: 'Owner' },
      { recordType: 'contact', name: 'C' },
    ]);
    const second = await listTrash(ctx(), { limit: 2, cursor: first.nextCursor! });
    expect(second.items.map((i) => i.name)).toEqual(['B', 'A']);
    expect(second.nextCursor).toBeNull();
    expect((await listTrash(ctx(), { recordType: 'company' })).items.map((i) => i.name)).toEqual(['Acme']);
  });

  test('a sales rep who sees only their own records sees only their own in the trash', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    await setRecordVisibility(db, workspace.id, { sales: 'own' });
    const rep = await makeMember(db, workspace.id, 'sales');
    const repCtx = { ...ctx('sales'), user: { ...rep, locale: 'en' as const }, actorUserId: rep.id };
    await deleteContact(ctx(), (await createContact(ctx(), { firstName: 'Theirs' })).id);
    await deleteContact(repCtx, (await createContact(repCtx, { firstName: 'Mine' })).id);
    expect((await listTrash(repCtx, {})).items.map((i) => i.name)).toEqual(['Mine']);
    expect((await listTrash(ctx(), {})).items).toHaveLength(2);
  });

  test('restore brings back the contact with its company links and its activities', async () => {
    const { ctx, workspace, owner } = await makeWorkspace(db);
    const company = await createCompany(ctx(), { name: 'Acme' });
    const contact = await createContact(ctx(), { firstName: 'Noa', companies: [{ companyId: company.id, role: 'buyer' }] });
    const note = await makeActivity(db, workspace.id, 'note', [{ recordType: 'contact', recordId: contact.id }]);
    const session = await logIn(app, owner.email);
    await app.inject({ method: 'DELETE', url: `/api/contacts/${contact.id}`, headers: session.headers });
    expect((await getCompany(ctx(), company.id)).contactCount).toBe(0);
    const restored = await app.inject({ method: 'POST', url: `/api/trash/contact/${contact.id}/restore`, headers: session.headers });
    expect(restored.json()).toEqual({ recordType: 'contact', id: contact.id, version: 3 });
    expect(await getContact(ctx(), contact.id)).toMatchObject({ companies: [{ companyId: company.id, role: 'buyer', isPrimary: true }] });
    expect((await getCompany(ctx(), company.id)).contactCount).toBe(1);
    expect(await activityExists(db, workspace.id, note.id)).toBe(true);
    expect((await auditOf(db, workspace.id, contact.id))[0]).toMatchObject({ action: 'restore', channel: 'web' });
    // Restoring twice, or a live record, is a 404.
    expect((await app.inject({ method: 'POST', url: `/api/trash/contact/${contact.id}/restore`, headers: session.headers })).statusCode).toBe(404);
  });

  test('an unknown record type or another workspace’s record is a 404', async () => {
    const { ctx, owner } = await makeWorkspace(db);
    const stranger = await makeWorkspace(db);
    const theirs = await createContact(stranger.ctx(), { firstName: 'X' });
    await deleteContact(stranger.ctx(), theirs.id);
    const session = await logIn(app, owner.email);
    for (const url of [`/api/trash/contact/${theirs.id}/restore`, `/api/trash/dragon/${theirs.id}/restore`]) {
      expect((await app.inject({ method: 'POST', url, headers: session.headers })).statusCode).toBe(404);
    }
    expect((await app.inject({ method: 'DELETE', url: `/api/trash/contact/${theirs.id}`, headers: session.headers })).statusCode).toBe(404);
    await expect(restoreRecord(ctx(), 'contact', theirs.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('purge', () => {
  test('deletes for good: links cascade, activities linked only to it go, shared ones stay; audited as purge', async () => {
    const { ctx, workspace, owner } = await makeWorkspace(db);
    const company = await createCompany(ctx(), { name: 'Acme' });
    const gone = await createContact(ctx(), { firstName: 'Gone', companyId: company.id });
    const other = await createContact(ctx(), { firstName: 'Other' });
    const note = await makeActivity(db, workspace.id, 'note', [{ recordType: 'contact', recordId: gone.id }]);
    const meeting = await makeActivity(db, workspace.id, 'meeting', [
      { recordType: 'contact', recordId: gone.id },
      { recordType: 'contact', recordId: other.id },
    ]);
    const session = await logIn(app, owner.email);
    const live = await app.inject({ method: 'DELETE', url: `/api/trash/contact/${gone.id}`, headers: session.headers });
    expect(live.statusCode).toBe(404);
    await deleteContact(ctx(), gone.id);
    const rep = await logIn(app, (await makeMember(db, workspace.id, 'manager')).email);
    expect((await app.inject({ method: 'DELETE', url: `/api/trash/contact/${gone.id}`, headers: rep.headers })).statusCode).toBe(403);
    expect((await app.inject({ method: 'DELETE', url: `/api/trash/contact/${gone.id}`, headers: session.headers })).statusCode).toBe(204);
    expect(await db.select().from(contacts).where(eq(contacts.id, gone.id))).toEqual([]);
    expect(await db.select().from(contactCompanies).where(eq(contactCompanies.contactId, gone.id))).toEqual([]);
    expect(await activityExists(db, workspace.id, note.id)).toBe(false);
    expect(await activityExists(db, workspace.id, meeting.id)).toBe(true);
    expect((await auditOf(db, workspace.id, gone.id))[0]).toMatchObject({ action: 'purge', changes: [{ field: 'name', old: 'Gone', new: null }] });
    expect((await eventsOf(db, workspace.id, gone.id))[0]).toMatchObject({ action: 'purged' });
  });

  test('purging a company unlinks the contacts that had it as primary', async () => {
    const { ctx } = await makeWorkspace(db);
    const company = await createCompany(ctx(), { name: 'Acme' });
    const contact = await createContact(ctx(), { firstName: 'Noa', companyId: company.id });
    await deleteCompany(ctx(), company.id);
    await purgeRecord(ctx(), 'company', company.id);
    expect(await getContact(ctx(), contact.id)).toMatchObject({ companyId: null, companies: [], version: 2 });
    expect(await db.select().from(companies).where(eq(companies.id, company.id))).toEqual([]);
  });

  test('purgeExpired removes only what is past the workspace’s retention; a dry run removes nothing', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    await db.update(workspaces).set({ trashRetentionDays: 7 }).where(eq(workspaces.id, workspace.id));
    const old = await createContact(ctx(), { firstName: 'Old' });
    const recent = await createContact(ctx(), { firstName: 'Recent' });
    await deleteContact(ctx(), old.id);
    await deleteContact(ctx(), recent.id);
    await db
      .update(contacts)
      .set({ deletedAt: sql`now() - interval '8 days'` })
      .where(and(eq(contacts.workspaceId, workspace.id), eq(contacts.id, old.id)));
    const dry = await purgeExpired(db, { workspace: workspace.slug, dryRun: true });
    expect(dry).toContainEqual({ workspace: workspace.slug, recordType: 'contact', purged: 1 });
    expect((await listTrash(ctx(), {})).items).toHaveLength(2);
    expect(await purgeExpired(db, { workspace: workspace.slug })).toContainEqual({ workspace: workspace.slug, recordType: 'contact', purged: 1 });
    expect((await listTrash(ctx(), {})).items.map((i) => i.name)).toEqual(['Recent']);
    expect((await auditOf(db, workspace.id, old.id))[0]).toMatchObject({ action: 'purge', channel: 'cli', actorUserId: null });
    await expect(purgeExpired(db, { workspace: 'no-such-workspace' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('kesher purge', () => {
  const run = promisify(execFile);
  const dataDir = mkdtempSync(join(tmpdir(), 'kesher-purge-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const kesher = (...args: string[]) =>
    run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
      env: { ...process.env, KESHER_DATA_DIR: dataDir, DATABASE_URL: process.env.KESHER_TEST_DATABASE_URL ?? '' },
      timeout: 140_000,
    }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );

  // One run only: each starts a process that migrates its own database, slow on a shared machine.
  test('a dry run reports what it would purge and exits 0', { timeout: 150_000 }, async () => {
    const dry = await kesher('purge', '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: would purge');
  });
});
