import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { queryRows } from '../../db/client.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { makeCustomField } from '../../test-support/records.js';
import { createActivity } from '../activities/service.js';
import { createCompany } from '../companies/service.js';
import { createContact, updateContact } from '../contacts/service.js';
import { recordConsent } from './consents.js';
import { exportContact } from './export.js';

const { db, app } = await useTestApp();

describe('subject-access export', () => {
  test('holds the record, custom fields with labels, companies, activities, consents and the audit, and is itself audited', async () => {
    const { ctx, workspace } = await makeWorkspace(db);
    await makeCustomField(db, workspace.id, { key: 'cf_nick', type: 'text' });
    const company = await createCompany(ctx(), { name: 'Acme' });
    const person = await createContact(ctx(), { firstName: 'דנה', lastName: 'כהן', email: 'dana@example.test', phone: '052-555-1234', custom: { cf_nick: 'Dani' }, companyId: company.id });
    await updateContact(ctx(), person.id, { city: 'Haifa', version: 1 });
    await createActivity(ctx(), { kind: 'note', subject: 'Likes tea', body: 'Green tea', links: [{ recordType: 'contact', recordId: person.id }] });
    await recordConsent(ctx(), person.id, { channel: 'email', status: 'granted', method: 'form', evidence: 'https://example.test/form' });
    const data = await exportContact(ctx('manager'), person.id);
    expect(data).toMatchObject({
      format: 'kesher.subject-access',
      version: 1,
      contact: { id: person.id, firstName: 'דנה', lastName: 'כהן', email: 'dana@example.test', phone: '+972525551234', city: 'Haifa', doNotContact: false },
      customFields: [{ key: 'cf_nick', labelEn: 'cf_nick', type: 'text', value: 'Dani' }],
      companies: [{ companyId: company.id, name: 'Acme', isPrimary: true }],
      activities: [{ kind: 'note', subject: 'Likes tea', body: 'Green tea' }],
      consents: [{ channel: 'email', status: 'granted', method: 'form', evidence: 'https://example.test/form' }],
      merges: [],
      duplicateDecisions: [],
    });
    expect(data.contact).not.toHaveProperty('searchText');
    expect(data.audit.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    const [logged] = await queryRows<{ action: string }>(db, sql`select action from audit_log where workspace_id = ${workspace.id} and record_id = ${person.id} order by id desc limit 1`);
    expect(logged!.action).toBe('export');
  });

  test('GET …/privacy-export: JSON to download, HTML in Hebrew (RTL) or English; sales 403, another workspace 404, bad format 400', async () => {
    const { ctx, workspace, owner } = await makeWorkspace(db);
    const person = await createContact(ctx(), { firstName: 'Noa', lastName: '<b>Levi</b>' });
    const session = await logIn(app, owner.email);
    const url = `/api/contacts/${person.id}/privacy-export`;
    const json = await app.inject({ method: 'GET', url, headers: session.headers });
    expect(json.statusCode).toBe(200);
    expect(json.headers['content-disposition']).toContain('attachment');
    expect(json.json()).toMatchObject({ format: 'kesher.subject-access', contact: { firstName: 'Noa' } });
    const he = await app.inject({ method: 'GET', url: `${url}?format=html&lang=he`, headers: session.headers });
    expect(he.statusCode).toBe(200);
    expect(he.headers['content-type']).toContain('text/html');
    expect(he.body).toContain('dir="rtl"');
    expect(he.body).toContain('&lt;b&gt;Levi&lt;/b&gt;');
    expect(he.body).not.toContain('<b>Levi');
    const en = await app.inject({ method: 'GET', url: `${url}?format=html&lang=en`, headers: session.headers });
    expect(en.body).toContain('dir="ltr"');
    expect(en.body).toContain('Personal data held about');
    expect((await app.inject({ method: 'GET', url: `${url}?format=pdf`, headers: session.headers })).statusCode).toBe(400);
    const sales = await makeMember(db, workspace.id, 'sales');
    expect((await app.inject({ method: 'GET', url, headers: (await logIn(app, sales.email)).headers })).statusCode).toBe(403);
    const stranger = await makeWorkspace(db);
    expect((await app.inject({ method: 'GET', url, headers: (await logIn(app, stranger.owner.email)).headers })).statusCode).toBe(404);
  });
});
