import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeWorkspace } from '../../test-support/fixtures.js';
import { makeCustomField } from '../../test-support/records.js';
import { createCompany } from '../companies/service.js';
import { createContact, getContact, updateContact } from '../contacts/service.js';
import { deleteContact } from '../contacts/service.js';

const { db, app } = await useTestApp();
const { workspace, owner, ctx } = await makeWorkspace(db);
const session = await logIn(app, owner.email);
const stranger = await makeWorkspace(db);
const foreignContact = await createContact(stranger.ctx(), { firstName: 'Foreign' });
const deletedContact = await createContact(ctx(), { firstName: 'Deleted' });
await deleteContact(ctx(), deletedContact.id);
const liveCompany = await createCompany(ctx(), { name: 'Live' });

await makeCustomField(db, workspace.id, { key: 'cf_text', type: 'text' });
await makeCustomField(db, workspace.id, { key: 'cf_long', type: 'long_text' });
await makeCustomField(db, workspace.id, { key: 'cf_number', type: 'number' });
await makeCustomField(db, workspace.id, { key: 'cf_money', type: 'money', config: { currency: 'ILS' } });
await makeCustomField(db, workspace.id, { key: 'cf_date', type: 'date' });
await makeCustomField(db, workspace.id, { key: 'cf_datetime', type: 'datetime' });
await makeCustomField(db, workspace.id, { key: 'cf_bool', type: 'boolean' });
await makeCustomField(db, workspace.id, { key: 'cf_select', type: 'select', options: [{ id: 'opt_a' }, { id: 'opt_old', archived: true }] });
await makeCustomField(db, workspace.id, { key: 'cf_multi', type: 'multi_select', options: [{ id: 'm1' }, { id: 'm2' }] });
await makeCustomField(db, workspace.id, { key: 'cf_url', type: 'url' });
await makeCustomField(db, workspace.id, { key: 'cf_email', type: 'email' });
await makeCustomField(db, workspace.id, { key: 'cf_phone', type: 'phone' });
await makeCustomField(db, workspace.id, { key: 'cf_rating', type: 'rating', config: { max: 3 } });
await makeCustomField(db, workspace.id, { key: 'cf_rel', type: 'relation', config: { target: 'contact' } });
await makeCustomField(db, workspace.id, { key: 'cf_archived', type: 'text', archived: true });
await makeCustomField(db, workspace.id, { key: 'cf_company_only', type: 'text', recordType: 'company' });

const post = (payload: object, url = '/api/contacts') => app.inject({ method: 'POST', url, headers: session.headers, payload });
const pathsOf = (response: { json(): unknown }) => [...new Set((response.json() as { fields?: { path: string }[] }).fields?.map((f) => f.path))];

describe('built-in fields: a 400 naming the field', () => {
  test.each([
    ['firstName', { firstName: '' }],
    ['type', { type: 'alien' }],
    ['stage', { stage: 'prospect' }],
    ['ownerId', { ownerId: 'not-a-uuid' }],
    ['ownerId', { ownerId: stranger.owner.id }],
    ['tags', { tags: Array.from({ length: 51 }, (_, i) => `t${i}`) }],
    ['tags.0', { tags: ['x'.repeat(51)] }],
    ['tags.0', { tags: ['  '] }],
    ['email', { email: 'not-an-email' }],
    ['emails.0.value', { emails: [{ value: 'nope' }] }],
    ['emails.0.label', { emails: [{ value: 'a@b.example', label: 'fax' }] }],
    ['emails', { emails: [{ value: 'a@b.example', primary: true }, { value: 'c@b.example', primary: true }] }],
    ['emails', { emails: Array.from({ length: 21 }, (_, i) => ({ value: `a${i}@b.example` })) }],
    ['email', { email: 'a@b.example', emails: [] }],
    ['phone', { phone: '12' }],
    ['phones.1.value', { phones: [{ value: '050-1234567' }, { value: 'abc' }] }],
    ['phones', { phones: Array.from({ length: 21 }, () => ({ value: '050-1234567' })) }],
    ['birthday', { birthday: '2023-02-29' }],
    ['birthday', { birthday: '3000-01-01' }],
    ['birthday', { birthday: '01/02/1990' }],
    ['country', { country: 'Israel' }],
    ['country', { country: 'XX' }],
    ['language', { language: 'english please' }],
    ['language', { language: 'e' }],
    ['notes', { notes: 'a\u0000b' }],
    ['notes', { notes: 'x'.repeat(20_001) }],
    ['city', { city: 'two\nlines' }],
    ['companyId', { companyId: foreignContact.id }],
    ['companies.0.companyId', { companies: [{ companyId: foreignContact.id }] }],
    ['companies', { companies: [{ companyId: liveCompany.id, isPrimary: true }, { companyId: liveCompany.id }] }],
  ])('%s: %j', async (path, body) => {
    const response = await post({ firstName: 'Valid', ...body });
    expect(response.statusCode, response.body).toBe(400);
    expect(pathsOf(response)).toEqual([path]);
  });

  test('companies: domain, size and industry', async () => {
    for (const [path, body] of [
      ['domain', { domain: 'not a domain' }],
      ['size', { size: '5' }],
      ['industry', { industry: 'a\u0001' }],
      ['phones.0.value', { phones: [{ value: 'x' }] }],
    ] as const) {
      const response = await post({ name: 'Acme', ...body }, '/api/companies');
      expect(response.statusCode, path).toBe(400);
      expect(pathsOf(response)).toEqual([path]);
    }
    const ok = await post({ name: 'Acme', domain: 'https://www.ACME.co.il/', size: '11-50', country: 'us' }, '/api/companies');
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ domain: 'acme.co.il' });
  });

  test('a language tag is canonicalised and a birthday today is accepted', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const contact = await createContact(ctx(), { firstName: 'L', language: 'en-us', birthday: today });
    expect(contact).toMatchObject({ language: 'en-US', birthday: today });
  });
});

describe('custom values: a 400 naming custom.<key> and why', () => {
  test.each([
    ['cf_nope', 'x', 'Unknown field'],
    ['cf_company_only', 'x', 'Unknown field'],
    ['cf_archived', 'x', 'This field is archived'],
    ['cf_text', 5, ''],
    ['cf_text', 'a\u0000b', 'control characters'],
    ['cf_long', 'x'.repeat(20_001), ''],
    ['cf_number', '5', 'Expected a number'],
    ['cf_money', 5, 'Expected { amount'],
    ['cf_money', { amount: 5 }, 'Expected { amount'],
    ['cf_money', { amount: 5, currency: 'USD' }, 'currency must be ILS'],
    ['cf_date', '2023-02-30', 'Expected a date'],
    ['cf_datetime', '2023-02-01 10:00', 'ISO date-time'],
    ['cf_bool', 'yes', 'Expected true or false'],
    ['cf_select', 'opt_b', 'Not one of the field’s options'],
    ['cf_select', 'opt_old', 'Not one of the field’s options'],
    ['cf_multi', ['m1', 'zz'], 'Not one of the field’s options'],
    ['cf_multi', 'm1', 'Expected a list'],
    ['cf_url', 'javascript:alert(1)', 'Not a web address'],
    ['cf_email', 'nope', 'Not a valid email'],
    ['cf_phone', '12', 'Not a valid phone number'],
    ['cf_rating', 4, 'from 1 to 3'],
    ['cf_rating', 1.5, 'from 1 to 3'],
    ['cf_rel', { recordType: 'company', id: liveCompany.id }, 'recordType must be contact'],
    ['cf_rel', { recordType: 'contact', id: foreignContact.id }, 'No such record in this workspace'],
    ['cf_rel', { recordType: 'contact', id: deletedContact.id }, 'No such record in this workspace'],
    ['cf_rel', { id: 'x' }, 'Expected { recordType, id }'],
  ])('%s = %j', async (key, value, why) => {
    const response = await post({ firstName: 'Valid', custom: { [key]: value } });
    expect(response.statusCode).toBe(400);
    expect(response.json().fields).toEqual([{ path: `custom.${key}`, message: expect.stringContaining(why) }]);
  });

  test('valid values of every type are stored in one form and merged key by key; null clears one', async () => {
    const target = await createContact(ctx(), { firstName: 'Target' });
    const contact = await createContact(ctx(), {
      firstName: 'Custom',
      custom: {
        cf_text: ' hello ',
        cf_long: 'a\nb',
        cf_number: 1.5,
        cf_money: { amount: 99.9, currency: 'ILS' },
        cf_date: '2024-02-29',
        cf_datetime: '2024-02-29T12:00:00+02:00',
        cf_bool: false,
        cf_select: 'opt_a',
        cf_multi: ['m2', 'm1', 'm2'],
        cf_url: 'https://example.com/x',
        cf_email: 'A@B.example',
        cf_phone: '050-1234567',
        cf_rating: 3,
        cf_rel: { recordType: 'contact', id: target.id },
      },
    });
    expect(contact.custom).toEqual({
      cf_text: 'hello',
      cf_long: 'a\nb',
      cf_number: 1.5,
      cf_money: { amount: 99.9, currency: 'ILS' },
      cf_date: '2024-02-29',
      cf_datetime: '2024-02-29T10:00:00.000Z',
      cf_bool: false,
      cf_select: 'opt_a',
      cf_multi: ['m2', 'm1'],
      cf_url: 'https://example.com/x',
      cf_email: 'a@b.example',
      cf_phone: '+972501234567',
      cf_rating: 3,
      // Stored as { recordType, id }; read with the record's name.
      cf_rel: { recordType: 'contact', id: target.id, name: 'Target' },
    });
    const merged = await updateContact(ctx(), contact.id, { custom: { cf_text: null, cf_number: 2 }, version: 1 });
    expect(merged.custom).not.toHaveProperty('cf_text');
    expect(merged.custom).toMatchObject({ cf_number: 2, cf_select: 'opt_a' });
  });

  test('a required field must be given on create and cannot be cleared', async () => {
    const other = await makeWorkspace(db);
    await makeCustomField(db, other.workspace.id, { key: 'cf_source', type: 'text', required: true });
    await expect(createContact(other.ctx(), { firstName: 'X' })).rejects.toMatchObject({ details: { fields: [{ path: 'custom.cf_source', message: 'Required' }] } });
    const contact = await createContact(other.ctx(), { firstName: 'X', custom: { cf_source: 'Ad' } });
    await expect(updateContact(other.ctx(), contact.id, { custom: { cf_source: null }, version: 1 })).rejects.toMatchObject({
      details: { fields: [{ path: 'custom.cf_source', message: 'Required' }] },
    });
    expect((await getContact(other.ctx(), contact.id)).custom).toEqual({ cf_source: 'Ad' });
  });

  test('a company takes its own custom fields', async () => {
    const response = await post({ name: 'Acme', custom: { cf_company_only: 'yes', cf_text: 'no' } }, '/api/companies');
    expect(response.statusCode).toBe(400);
    expect(pathsOf(response)).toEqual(['custom.cf_text']);
  });
});
