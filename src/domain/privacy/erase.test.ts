import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { queryRows, type Db } from '../../db/client.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { makeCustomField } from '../../test-support/records.js';
import { duplicateDismissals, duplicateScanGroups, duplicateScans } from '../duplicates/table.js';
import { createActivity } from '../activities/service.js';
import { createCompany, updateCompany } from '../companies/service.js';
import { createContact, deleteContact, getContact, updateContact } from '../contacts/service.js';
import { createMerge } from '../merge/service.js';
import { createView, findVisibleView } from '../views/service.js';
import { listConsents, recordConsent } from './consents.js';
import { eraseContact, pseudonymOf } from './erase.js';
import { unsubscribe, unsubscribeUrl } from './unsubscribe.js';

const { db, app } = await useTestApp();

/** Every text, varchar, json(b) and text[] column of every table, as "table"."column". */
async function textColumns(db: Db) {
  return queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
        where c.table_schema = 'public'
          and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb') or (c.data_type = 'ARRAY' and c.udt_name in ('_text', '_varchar')))
        order by 1, 2`,
  );
}

/** Where any needle appears in the database, as "table.column: needle". */
async function scan(db: Db, needles: string[]) {
  const found: string[] = [];
  for (const { table_name, column_name } of await textColumns(db)) {
    for (const needle of needles) {
      const [hit] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${sql.identifier(table_name)} where ${sql.identifier(column_name)}::text ilike ${`%${needle}%`}`,
      );
      if (hit!.n > 0) found.push(`${table_name}.${column_name}: ${needle}`);
    }
  }
  return found;
}

describe('erasing a person', () => {
  test('leaves their name, email and phone nowhere in the database, and keeps what is not personal under a pseudonym', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    const tag = randomUUID().replace(/\d/g, '').slice(0, 5);
    const first = `Zorbulon${tag}`;
    const last = `Quaxley${tag}`;
    const email = `zq.${tag}@example.test`;
    const phoneTyped = '054-731-9862';
    const needles = [first, last, email, '+972547319862', '0547319862', '547319862', phoneTyped, 'Herzl 77 Erasedville', 'secret note'];

    const nickname = await makeCustomField(db, workspace.id, { key: 'cf_nickname', type: 'text' });
    await makeCustomField(db, workspace.id, { key: 'cf_score', type: 'number' });
    await makeCustomField(db, workspace.id, { recordType: 'company', key: 'cf_contact', type: 'relation', config: { target: 'contact' } });
    const company = await createCompany(ctx(), { name: 'Keep Ltd' });
    const person = await createContact(ctx(), {
      firstName: first,
      lastName: last,
      email,
      phone: phoneTyped,
      street: 'Herzl 77 Erasedville',
      notes: `A secret note about ${first}`,
      stage: 'customer',
      tags: ['vip'],
      custom: { [nickname.key]: `Zorbi ${first}`, cf_score: 42 },
      companyId: company.id,
    });
    const other = await createContact(ctx(), { firstName: 'Dana', lastName: 'Other' });
    await updateContact(ctx(), person.id, { city: 'Haifa', lastName: `${last}-x`, version: 1 });
    await updateContact(ctx(), person.id, { lastName: last, version: 2 });
    await updateCompany(ctx(), company.id, { custom: { cf_contact: { recordType: 'contact', id: person.id } }, version: 1 });
    const alone = await createActivity(ctx(), { kind: 'call', subject: `Call with ${first}`, body: `Phoned ${phoneTyped}`, links: [{ recordType: 'contact', recordId: person.id }] });
    const shared = await createActivity(ctx(), {
      kind: 'meeting',
      subject: `${first} ${last} and Dana`,
      body: `Dana met ${first}; write to ${email} or call +972 54 731 9862`,
      links: [{ recordType: 'contact', recordId: person.id }, { recordType: 'contact', recordId: other.id }],
    });
    await recordConsent(ctx(), person.id, { channel: 'email', status: 'granted', method: 'form', evidence: `https://example.test/form?email=${email}` });
    await recordConsent(ctx(), person.id, { channel: 'sms', status: 'granted', method: 'verbal', evidence: `${first} told me on the phone` });
    const link = await unsubscribeUrl(ctx(), person.id, 'email');
    const [scanRow] = await db.insert(duplicateScans).values({ workspaceId: workspace.id, recordType: 'contact', status: 'done' }).returning();
    await db.insert(duplicateScanGroups).values({
      workspaceId: workspace.id,
      scanId: scanRow!.id,
      position: 0,
      score: 0.9,
      recordIds: [person.id, other.id],
      pairs: [{ a: person.id, b: other.id, score: 0.9, reasons: [{ rule: 'email', detail: email, weight: 10 }] }],
    });
    const [a, b] = [person.id, other.id].sort();
    await db.insert(duplicateDismissals).values({ workspaceId: workspace.id, recordType: 'contact', aId: a!, bId: b! });
    // Saved views holding the person as a filter value: their email, a name in a list, their id in a relation filter.
    const byEmail = await createView(ctx(), { recordType: 'contact', name: `${first}'s twins`, filter: { and: [{ field: 'email', op: 'eq', value: email }, { field: 'stage', op: 'eq', value: 'customer' }] } });
    const byName = await createView(ctx(), { recordType: 'contact', name: 'Named', filter: { or: [{ field: 'lastName', op: 'in', value: ['Other', last] }, { and: [{ field: 'phone', op: 'contains', value: phoneTyped }] }] } });
    const byId = await createView(ctx(), { recordType: 'company', name: 'Theirs', filter: { field: 'custom.cf_contact', op: 'eq', value: person.id } });
    const untouched = await createView(ctx(), { recordType: 'contact', name: 'Danas', filter: { field: 'firstName', op: 'eq', value: 'Dana' } });

    expect((await scan(db, needles)).length).toBeGreaterThan(0);
    const result = await eraseContact(ctx('admin'), person.id, { confirm: `${first} ${last}` });
    expect(result).toMatchObject({ pseudonym: pseudonymOf(person.id), activitiesCleared: 1, activitiesScrubbed: expect.any(Number) });
    expect(await scan(db, needles)).toEqual([]);
    expect(await findVisibleView(ctx(), byEmail.id)).toMatchObject({ name: `${result.pseudonym}'s twins`, filter: { and: [{ field: 'stage', op: 'eq', value: 'customer' }] }, version: byEmail.version + 1 });
    expect((await findVisibleView(ctx(), byName.id)).filter).toBeNull();
    expect((await findVisibleView(ctx(), byId.id)).filter).toBeNull();
    expect(await findVisibleView(ctx(), untouched.id)).toMatchObject({ filter: untouched.filter, version: untouched.version });

    const after = await getContact(ctx(), person.id);
    expect(after).toMatchObject({ name: result.pseudonym, email: null, phones: [], street: null, notes: null, stage: 'customer', tags: ['vip'], doNotContact: true, companyId: company.id });
    expect(after.custom).toEqual({ cf_score: 42 });
    const [sharedNow] = await queryRows<{ subject: string; body: string }>(db, sql`select subject, body from activities where id = ${shared.id}`);
    expect(sharedNow).toEqual({ subject: `${result.pseudonym} and Dana`, body: `Dana met ${result.pseudonym}; write to ${result.pseudonym} or call ${result.pseudonym}` });
    const [aloneNow] = await queryRows<{ subject: string | null; kind: string }>(db, sql`select subject, kind from activities where id = ${alone.id}`);
    expect(aloneNow).toEqual({ subject: null, kind: 'call' });
    // Consents stay as proof, without the person; the unsubscribe link is gone with them.
    expect((await listConsents(ctx(), person.id)).history.map((c) => c.status)).toEqual(['granted', 'granted']);
    await expect(unsubscribe(db, link.split('/').pop()!)).rejects.toMatchObject({ code: 'not_found' });
    const [erasure] = await queryRows<{ action: string; changes: unknown; actor_user_id: string }>(
      db,
      sql`select action, changes, actor_user_id from audit_log where workspace_id = ${workspace.id} and record_id = ${person.id} order by id desc limit 1`,
    );
    expect(erasure).toEqual({ action: 'erase', changes: [], actor_user_id: ctx().actorUserId });
    await expect(eraseContact(ctx(), person.id, { confirm: person.id })).rejects.toMatchObject({ code: 'conflict' });
  });

  test('a trashed contact is erased too', async () => {
    const { ctx } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Trashed', email: 'trashed.person@example.test' });
    await deleteContact(ctx(), person.id);
    await eraseContact(ctx(), person.id, { confirm: person.id });
    expect(await scan(db, ['trashed.person@example.test'])).toEqual([]);
  });

  test('a merged person: consents move to the survivor, an old unsubscribe link speaks for it, and erasing it erases what was merged in', async () => {
    const { ctx } = await makeWorkspace(db);
    const kept = await createContact(ctx(), { firstName: 'Mergekeep', email: 'merge.keep@example.test' });
    const away = await createContact(ctx(), { firstName: 'Mergeaway', lastName: 'Twin', email: 'merge.away@example.test', phone: '052-418-9930' });
    await recordConsent(ctx(), away.id, { channel: 'email', status: 'granted', method: 'form', evidence: 'signup form' });
    const link = await unsubscribeUrl(ctx(), away.id, 'sms');
    const versions = { [kept.id]: (await getContact(ctx(), kept.id)).version, [away.id]: (await getContact(ctx(), away.id)).version };
    await createMerge(ctx(), { type: 'contact', survivorId: kept.id, mergedIds: [away.id], versions });

    expect((await listConsents(ctx(), kept.id)).current.email).toMatchObject({ status: 'granted', evidence: 'signup form' });
    await unsubscribe(db, link.split('/').pop()!);
    expect((await listConsents(ctx(), kept.id)).current.sms).toMatchObject({ status: 'withdrawn', method: 'unsubscribe_link' });

    await eraseContact(ctx(), kept.id, { confirm: kept.id });
    expect(await scan(db, ['Mergekeep', 'Mergeaway', 'merge.keep@example.test', 'merge.away@example.test', '524189930'])).toEqual([]);
  });

  test('refuses a wrong confirmation (400) and leaves the person as they were', async () => {
    const { ctx } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Noa', lastName: 'Levi' });
    await expect(eraseContact(ctx(), person.id, { confirm: 'Noa' })).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await getContact(ctx(), person.id)).name).toBe('Noa Levi');
  });
});

describe('POST /api/contacts/:id/erase', () => {
  test('admins only (a manager is 403), another workspace’s contact is 404, a bad body is 400', async () => {
    const { ctx, workspace, owner } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Route', lastName: 'Person' });
    const manager = await makeMember(db, workspace.id, 'manager');
    const managerSession = await logIn(app, manager.email);
    const url = `/api/contacts/${person.id}/erase`;
    expect((await app.inject({ method: 'POST', url, headers: managerSession.headers, payload: { confirm: 'Route Person' } })).statusCode).toBe(403);
    const stranger = await makeWorkspace(db);
    const strangerSession = await logIn(app, stranger.owner.email);
    expect((await app.inject({ method: 'POST', url, headers: strangerSession.headers, payload: { confirm: 'Route Person' } })).statusCode).toBe(404);
    const session = await logIn(app, owner.email);
    expect((await app.inject({ method: 'POST', url, headers: session.headers, payload: { confirm: '' } })).statusCode).toBe(400);
    expect((await app.inject({ method: 'POST', url, headers: session.headers, payload: { confirm: 'x', extra: 1 } })).statusCode).toBe(400);
    const done = await app.inject({ method: 'POST', url, headers: session.headers, payload: { confirm: 'route person' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ id: person.id, pseudonym: pseudonymOf(person.id) });
  });
});
