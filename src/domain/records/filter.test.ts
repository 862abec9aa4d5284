import { describe, expect, test } from 'vitest';
import { useTestDb } from '../../test-support/db.js';
import { makeMember, makeWorkspace } from '../../test-support/fixtures.js';
import { contactRecord } from '../contacts/record.js';
import { createCustomField } from '../custom-fields/service.js';
import { createTeam } from '../teams/service.js';
import type { FilterNode } from './filter-schema.js';
import { listRecords } from './list.js';
import { insertContacts } from './test-records.js';

const { db } = await useTestDb();
const { workspace, owner, ctx } = await makeWorkspace(db);
const mate = await makeMember(db, workspace.id, 'sales');
const stranger = await makeMember(db, workspace.id, 'sales');
await createTeam(ctx(), { name: 'North', memberIds: [owner.id, mate.id] });

const interest = await createCustomField(ctx(), {
  recordType: 'contact',
  labelHe: 'תחום עניין',
  labelEn: 'Interest',
  type: 'select',
  options: [
    { labelHe: 'ספורט', labelEn: 'Sport' },
    { labelHe: 'מוזיקה', labelEn: 'Music' },
  ],
});
const [sport, music] = interest.options.map((o) => o.id) as [string, string];
const visited = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'ביקור', labelEn: 'Visited', type: 'date' });
const seen = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'נראה', labelEn: 'Seen at', type: 'datetime' });
const score = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'ניקוד', labelEn: 'Score', type: 'number' });
const budget = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'תקציב', labelEn: 'Budget', type: 'money' });
const vip = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'VIP', labelEn: 'VIP', type: 'boolean' });
const hobbies = await createCustomField(ctx(), {
  recordType: 'contact',
  labelHe: 'תחביבים',
  labelEn: 'Hobbies',
  type: 'multi_select',
  options: [
    { labelHe: 'שחייה', labelEn: 'Swim' },
    { labelHe: 'ריצה', labelEn: 'Run' },
  ],
});
const [swim, run] = hobbies.options.map((o) => o.id) as [string, string];
const nickname = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'כינוי', labelEn: 'Nickname', type: 'text' });
const old = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'ישן', labelEn: 'Old', type: 'text' });
const { updateCustomField } = await import('../custom-fields/service.js');
await updateCustomField(ctx(), old.id, { archived: true, version: old.version });

const today = new Date();
const daysAgo = (n: number) => new Date(today.getTime() - n * 86_400_000);
const day = (d: Date) => d.toISOString().slice(0, 10);

await insertContacts(db, workspace.id, [
  {
    firstName: 'Avi',
    lastName: 'Cohen',
    email: 'avi@example.com',
    stage: 'lead',
    type: 'customer',
    tags: ['vip', 'north'],
    city: 'Haifa',
    ownerId: owner.id,
    birthday: '1990-05-01',
    custom: {
      [interest.key]: sport,
      [visited.key]: day(daysAgo(3)),
      [seen.key]: daysAgo(1).toISOString(),
      [score.key]: 10,
      [budget.key]: { amount: 5000, currency: 'ILS' },
      [vip.key]: true,
      [hobbies.key]: [swim, run],
      [nickname.key]: 'Avi_100%',
    },
  },
  {
    firstName: 'Bella',
    lastName: 'Levi',
    email: 'bella@example.org',
    stage: 'customer',
    type: 'supplier',
    tags: ['north'],
    city: 'Tel Aviv',
    ownerId: mate.id,
    custom: { [interest.key]: music, [visited.key]: day(daysAgo(40)), [score.key]: 2.5, [vip.key]: false, [hobbies.key]: [run] },
  },
  { firstName: 'Chen', lastName: 'Mizrahi', stage: 'churned', ownerId: stranger.id, custom: { [score.key]: -1 } },
  { firstName: 'Dana', lastName: '', email: null, stage: 'lead', city: '', custom: {} },
]);

const names = async (filter: FilterNode, as = ctx()) =>
  (await listRecords(as, contactRecord, { filter, sort: 'firstName' })).items.map((c) => c.firstName);
const cf = (f: { key: string }) => `custom.${f.key}`;

describe('filter language: built-in fields', () => {
  test.each<[string, FilterNode, string[]]>([
    ['text eq is case-insensitive', { field: 'lastName', op: 'eq', value: 'cohen' }, ['Avi']],
    ['text neq includes empty values', { field: 'city', op: 'neq', value: 'Haifa' }, ['Bella', 'Chen', 'Dana']],
    ['text contains', { field: 'email', op: 'contains', value: 'EXAMPLE.c' }, ['Avi']],
    ['text starts_with', { field: 'city', op: 'starts_with', value: 'tel' }, ['Bella']],
    ['text in', { field: 'city', op: 'in', value: ['haifa', 'Tel Aviv'] }, ['Avi', 'Bella']],
    ['text not_in keeps empty ones', { field: 'city', op: 'not_in', value: ['Haifa'] }, ['Bella', 'Chen', 'Dana']],
    ['text empty (null or blank)', { field: 'city', op: 'empty' }, ['Chen', 'Dana']],
    ['text not_empty', { field: 'city', op: 'not_empty' }, ['Avi', 'Bella']],
    ['select eq', { field: 'stage', op: 'eq', value: 'lead' }, ['Avi', 'Dana']],
    ['select in', { field: 'stage', op: 'in', value: ['customer', 'churned'] }, ['Bella', 'Chen']],
    ['select not_in', { field: 'type', op: 'not_in', value: ['customer'] }, ['Bella']],
    ['tags has_tag', { field: 'tags', op: 'has_tag', value: 'vip' }, ['Avi']],
    ['tags lacks_tag', { field: 'tags', op: 'lacks_tag', value: 'north' }, ['Chen', 'Dana']],
    ['tags empty', { field: 'tags', op: 'empty' }, ['Chen', 'Dana']],
    ['date before', { field: 'birthday', op: 'before', value: '2000-01-01' }, ['Avi']],
    ['date between', { field: 'birthday', op: 'between', value: ['1990-05-01', '1990-05-01'] }, ['Avi']],
    ['date empty', { field: 'birthday', op: 'empty' }, ['Bella', 'Chen', 'Dana']],
    ['datetime within_last_days', { field: 'createdAt', op: 'within_last_days', value: 1 }, ['Avi', 'Bella', 'Chen', 'Dana']],
    ['datetime after now', { field: 'createdAt', op: 'after', value: day(daysAgo(-2)) }, []],
    ['member eq', { field: 'ownerId', op: 'eq', value: mate.id }, ['Bella']],
    ['member empty', { field: 'ownerId', op: 'empty' }, ['Dana']],
    ['owned_by_me', { field: 'ownerId', op: 'owned_by_me' }, ['Avi']],
    ['owned_by_my_team', { field: 'ownerId', op: 'owned_by_my_team' }, ['Avi', 'Bella']],
    ['and', { and: [{ field: 'stage', op: 'eq', value: 'lead' }, { field: 'tags', op: 'has_tag', value: 'vip' }] }, ['Avi']],
    ['or', { or: [{ field: 'stage', op: 'eq', value: 'churned' }, { field: 'city', op: 'eq', value: 'Haifa' }] }, ['Avi', 'Chen']],
    [
      'nested groups',
      { or: [{ and: [{ field: 'stage', op: 'eq', value: 'lead' }, { field: 'city', op: 'empty' }] }, { field: 'firstName', op: 'eq', value: 'chen' }] },
      ['Chen', 'Dana'],
    ],
  ])('%s', async (_, filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });
});

describe('filter language: custom fields', () => {
  test.each<[string, () => FilterNode, string[]]>([
    ['select eq', () => ({ field: cf(interest), op: 'eq', value: sport }), ['Avi']],
    ['select in', () => ({ field: cf(interest), op: 'in', value: [sport, music] }), ['Avi', 'Bella']],
    ['select neq keeps empty ones', () => ({ field: cf(interest), op: 'neq', value: sport }), ['Bella', 'Chen', 'Dana']],
    ['select empty', () => ({ field: cf(interest), op: 'empty' }), ['Chen', 'Dana']],
    ['multi_select in (has any)', () => ({ field: cf(hobbies), op: 'in', value: [swim] }), ['Avi']],
    ['multi_select not_in', () => ({ field: cf(hobbies), op: 'not_in', value: [swim] }), ['Bella', 'Chen', 'Dana']],
    ['multi_select empty', () => ({ field: cf(hobbies), op: 'empty' }), ['Chen', 'Dana']],
    ['date within_last_days', () => ({ field: cf(visited), op: 'within_last_days', value: 7 }), ['Avi']],
    ['date before', () => ({ field: cf(visited), op: 'before', value: day(daysAgo(10)) }), ['Bella']],
    ['date eq', () => ({ field: cf(visited), op: 'eq', value: day(daysAgo(40)) }), ['Bella']],
    ['date not_empty', () => ({ field: cf(visited), op: 'not_empty' }), ['Avi', 'Bella']],
    ['datetime after', () => ({ field: cf(seen), op: 'after', value: daysAgo(2).toISOString() }), ['Avi']],
    ['datetime within_last_days', () => ({ field: cf(seen), op: 'within_last_days', value: 1 }), []],
    ['number gt excludes empty', () => ({ field: cf(score), op: 'gt', value: 0 }), ['Avi', 'Bella']],
    ['number lte', () => ({ field: cf(score), op: 'lte', value: 2.5 }), ['Bella', 'Chen']],
    ['number between', () => ({ field: cf(score), op: 'between', value: [0, 5] }), ['Bella']],
    ['number eq', () => ({ field: cf(score), op: 'eq', value: -1 }), ['Chen']],
    ['number empty', () => ({ field: cf(score), op: 'empty' }), ['Dana']],
    ['money gte', () => ({ field: cf(budget), op: 'gte', value: 5000 }), ['Avi']],
    ['boolean eq true', () => ({ field: cf(vip), op: 'eq', value: true }), ['Avi']],
    ['boolean eq false', () => ({ field: cf(vip), op: 'eq', value: false }), ['Bella']],
    ['text contains takes % literally', () => ({ field: cf(nickname), op: 'contains', value: '_100%' }), ['Avi']],
    ['text contains does not treat _ as a wildcard', () => ({ field: cf(nickname), op: 'contains', value: 'i_1' }), ['Avi']],
    ['text contains: no match for a wildcard-looking pattern', () => ({ field: cf(nickname), op: 'contains', value: 'A%' }), []],
  ])('%s', async (_, filter, expected) => {
    expect(await names(filter())).toEqual(expected);
  });
});

describe('filter language: 400s name the path', () => {
  const refuse = async (filter: unknown, path: string, message?: RegExp) => {
    const error = await listRecords(ctx(), contactRecord, { filter: filter as FilterNode }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation_failed' });
    const fields = (error as { details: { fields: { path: string; message: string }[] } }).details.fields;
    expect(fields[0]!.path).toBe(path);
    if (message) expect(fields[0]!.message).toMatch(message);
  };

  test('an unknown field', () => refuse({ field: 'salary', op: 'eq', value: 1 }, 'filter.field', /salary/));
  test('an unknown custom field, deep in a group', () =>
    refuse({ and: [{ field: 'stage', op: 'eq', value: 'lead' }, { or: [{ field: 'custom.cf_nothere', op: 'empty' }] }] }, 'filter.and.1.or.0.field', /custom.cf_nothere/));
  test('an archived field', () => refuse({ field: cf(old), op: 'empty' }, 'filter.field', /archived/));
  test('an operator that does not fit the type', () => refuse({ field: 'stage', op: 'contains', value: 'le' }, 'filter.op', /stage/));
  test('has_tag on a text field', () => refuse({ field: 'city', op: 'has_tag', value: 'x' }, 'filter.op'));
  test('an unknown option id', () => refuse({ field: cf(interest), op: 'eq', value: 'opt_nope' }, 'filter.value', /opt_nope/));
  test('an unknown built-in select value', () => refuse({ field: 'stage', op: 'in', value: ['lead', 'prospect'] }, 'filter.value', /prospect/));
  test('a text where a number belongs', () => refuse({ field: cf(score), op: 'gt', value: 'ten' }, 'filter.value', /number/));
  test('a bad date', () => refuse({ field: 'birthday', op: 'before', value: '2020-02-30' }, 'filter.value', /date/));
  test('between without two values', () => refuse({ field: cf(score), op: 'between', value: [1] }, 'filter.value'));
  test('a member that is not a uuid', () => refuse({ field: 'ownerId', op: 'eq', value: 'me' }, 'filter.value'));
  test('within_last_days with a negative number', () => refuse({ field: 'createdAt', op: 'within_last_days', value: -3 }, 'filter.value'));
  test('a value for an operator that takes none', () => refuse({ field: 'ownerId', op: 'owned_by_me', value: 'x' }, 'filter.value'));

  test('the schema refuses more than 5 levels and more than 50 conditions', async () => {
    let deep: FilterNode = { field: 'stage', op: 'empty' };
    for (let i = 0; i < 5; i++) deep = { and: [deep] };
    await expect(listRecords(ctx(), contactRecord, { filter: deep })).rejects.toThrow(/deeper/);
    const wide = { or: Array.from({ length: 51 }, () => ({ field: 'stage', op: 'empty' as const })) };
    await expect(listRecords(ctx(), contactRecord, { filter: wide })).rejects.toThrow();
    const fiftyInTwoGroups = { and: [{ or: wide.or.slice(0, 26) }, { or: wide.or.slice(0, 26) }] };
    await expect(listRecords(ctx(), contactRecord, { filter: fiftyInTwoGroups })).rejects.toThrow(/50 conditions/);
  });

  test('a filter sent as JSON text is parsed; bad JSON is a 400', async () => {
    const page = await listRecords(ctx(), contactRecord, { filter: JSON.stringify({ field: 'stage', op: 'eq', value: 'churned' }) });
    expect(page.items.map((c) => c.firstName)).toEqual(['Chen']);
    await expect(listRecords(ctx(), contactRecord, { filter: '{"field":' })).rejects.toThrow();
  });
});

describe('filter language: relations', () => {
  test('a built-in relation (companyId) and a custom relation by record id', async () => {
    const { insertCompanies } = await import('./test-records.js');
    const [acme] = await insertCompanies(db, workspace.id, [{ name: 'Acme' }]);
    const partner = await createCustomField(ctx(), { recordType: 'contact', labelHe: 'שותף', labelEn: 'Partner', type: 'relation', config: { target: 'company' } });
    await insertContacts(db, workspace.id, [
      { firstName: 'Rel', lastName: 'One', companyId: acme!.id, custom: { [partner.key]: { recordType: 'company', id: acme!.id } } },
    ]);
    expect(await names({ field: 'companyId', op: 'eq', value: acme!.id })).toEqual(['Rel']);
    expect(await names({ field: cf(partner), op: 'in', value: [acme!.id] })).toEqual(['Rel']);
    expect(await names({ and: [{ field: 'companyId', op: 'empty' }, { field: 'firstName', op: 'eq', value: 'rel' }] })).toEqual([]);
    await expect(names({ field: 'companyId', op: 'eq', value: 'acme' })).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
