import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.js';
import { he } from '../../app/i18n/he.js';
import type { FieldDef } from './api.js';
import { cardFields, fieldLabel, formatValue } from './fields.js';

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
});
