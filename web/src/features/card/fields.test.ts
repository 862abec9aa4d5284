import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.js';
import { he } from '../../app/i18n/he.js';
import type { FieldDef } from './api.js';
import { cardFields, describeLinkChange, fieldLabel, formatValue } from './fields.js';

const catalogue: FieldDef[] = [
  { key: 'stage', type: 'select', custom: false, values: ['lead'] },
  {
    key: 'cf_topics',
    type: 'multi_select',
    custom: true,
    labelHe: 'נושאים',
    labelEn: 'Topics',
    options: [
      { id: 'a', labelHe: 'פנסיה', labelEn: 'Pension', color: '#228be6', archived: false },
      { id: 'b', labelHe: 'ביטוח', labelEn: 'Insurance', color: null, archived: true },
    ],
  },
  { key: 'cf_budget', type: 'money', custom: true, labelHe: 'תקציב', labelEn: 'Budget' },
];

let t: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { he: { translation: he }, en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
  t = i18n.getFixedT('en');
});

describe('card fields', () => {
  it('lists the built-ins of the type and then the custom fields, without archived options', () => {
    const fields = cardFields(t, 'he', 'contact', catalogue);
    expect(fields[0]).toMatchObject({ key: 'firstName', custom: false, label: 'First name' });
    const topics = fields.find((f) => f.key === 'cf_topics')!;
    expect(topics).toMatchObject({ custom: true, kind: 'multi_select', label: 'נושאים' });
    expect(topics.options.map((o) => o.label)).toEqual(['פנסיה']);
    expect(cardFields(t, 'en', 'company', []).some((f) => f.key === 'size')).toBe(true);
  });

  it('formats values for people: option names, money, stages, empties', () => {
    const ctx = { t, lang: 'en', catalogue };
    expect(formatValue(ctx, 'custom.cf_topics', ['a', 'b'])).toBe('Pension, Insurance');
    expect(formatValue(ctx, 'custom.cf_budget', { amount: 1500, currency: 'ILS' })).toBe('1,500 ILS');
    expect(formatValue(ctx, 'stage', 'won_back')).toBe('Won back');
    expect(formatValue(ctx, 'tags', ['vip', 'north'])).toBe('vip, north');
    expect(formatValue(ctx, 'city', null)).toBe('');
    expect(formatValue(ctx, 'companies', [{ name: 'Acme', role: 'buyer' }])).toBe('Acme (buyer)');
  });

  it('names custom fields by their label in the reader’s language', () => {
    expect(fieldLabel({ t, lang: 'en', catalogue }, 'custom.cf_budget')).toBe('Budget');
    expect(fieldLabel({ t, lang: 'he', catalogue }, 'cf_budget')).toBe('תקציב');
    expect(fieldLabel({ t, lang: 'en', catalogue }, 'ownerId')).toBe('Owner');
  });

  it('names linked companies, relations and owners from the server’s names, never as ids', () => {
    const names = { 'company:c1': 'Acme', 'company:c2': null, 'member:u1': 'Dana' };
    const ctx = { t, lang: 'en', catalogue: [...catalogue, { key: 'cf_ref', type: 'relation', custom: true, labelEn: 'Referrer' }], names };
    const old = [{ companyId: 'c2', role: null, isPrimary: true }, { companyId: 'c1', role: 'buyer', isPrimary: false }];
    const next = [{ companyId: 'c1', role: 'director', isPrimary: true }, { companyId: 'c3', role: null }];
    expect(describeLinkChange({ ...ctx, names: { ...names, 'company:c3': 'Initech' } }, old, next)).toBe(
      'Acme (buyer → director), + Initech, − hidden record',
    );
    expect(describeLinkChange(ctx, [], [{ companyId: 'c1', role: 'director' }])).toBe('+ Acme (director)');
    // Without names from the server (the timeline) nothing is said rather than ids.
    expect(describeLinkChange({ t, lang: 'en' }, [], [{ companyId: 'c1', role: 'director' }])).toBe('');
    expect(formatValue({ t, lang: 'en' }, 'companies', [{ companyId: 'c1' }])).toBe('');
    expect(formatValue(ctx, 'companyId', 'c1')).toBe('Acme');
    expect(formatValue(ctx, 'companyId', 'c2')).toBe('hidden record');
    expect(formatValue({ t, lang: 'en' }, 'companyId', 'c1')).toBe('');
    expect(formatValue(ctx, 'custom.cf_ref', { recordType: 'company', id: 'c1' })).toBe('Acme');
    expect(formatValue(ctx, 'custom.cf_ref', { recordType: 'company', id: 'c2' })).toBe('hidden record');
    expect(formatValue(ctx, 'ownerId', 'u1')).toBe('Dana');
    expect(formatValue(ctx, 'phones', [{ value: '+972501234567', label: 'mobile', primary: true }])).toBe('050-123-4567');
  });
});
