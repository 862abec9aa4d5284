import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../app/i18n/en.js';
import { he } from '../../app/i18n/he.js';
import type { FieldDef, MemberSummary } from '../card/api.js';
import { describeSystemEvent } from './systemSentence.js';

const members: MemberSummary[] = [{ userId: 'u-dana', name: 'Dana', role: 'sales' }];
const catalogue: FieldDef[] = [
  {
    key: 'cf_interest',
    type: 'select',
    custom: true,
    labelHe: 'תחום עניין',
    labelEn: 'Interest',
    options: [{ id: 'opt1', labelHe: 'פנסיה', labelEn: 'Pension', color: null }],
  },
];

let tHe: TFunction;
let tEn: TFunction;
beforeAll(async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { he: { translation: he }, en: { translation: en } }, lng: 'en', interpolation: { escapeValue: false } });
  tEn = i18n.getFixedT('en');
  tHe = i18n.getFixedT('he');
});

const ctx = (lang: 'he' | 'en') => ({ t: lang === 'he' ? tHe : tEn, lang, members, catalogue });

describe('system events as sentences', () => {
  it('says who changed a stage from what to what, in English', () => {
    const event = { action: 'update', changes: [{ field: 'stage', old: 'lead', new: 'customer' }] };
    expect(describeSystemEvent(ctx('en'), 'Dana', event)).toEqual(['Dana changed Stage from Lead to Customer']);
  });

  it('says it in Hebrew, with the stage names translated', () => {
    const event = { action: 'update', changes: [{ field: 'stage', old: 'lead', new: 'customer' }] };
    expect(describeSystemEvent(ctx('he'), 'דנה', event)).toEqual(['שלב שונה מ„ליד” ל„לקוח” על ידי דנה']);
  });

  it('writes one sentence per changed field', () => {
    const event = {
      action: 'update',
      changes: [
        { field: 'city', old: null, new: 'Haifa' },
        { field: 'notes', old: 'old text', new: null },
      ],
    };
    expect(describeSystemEvent(ctx('en'), 'Dana', event)).toEqual(['Dana set City to Haifa', 'Dana cleared Notes (was old text)']);
  });

  it('names owners and custom select options instead of showing ids', () => {
    const event = {
      action: 'update',
      changes: [
        { field: 'ownerId', old: null, new: 'u-dana' },
        { field: 'custom.cf_interest', old: null, new: 'opt1' },
      ],
    };
    expect(describeSystemEvent(ctx('en'), 'Avi', event)).toEqual(['Avi set Owner to Dana', 'Avi set Interest to Pension']);
    expect(describeSystemEvent(ctx('he'), 'אבי', event)[1]).toBe('תחום עניין נקבע ל„פנסיה” על ידי אבי');
  });

  it('describes creation, deletion and restore as one sentence', () => {
    expect(describeSystemEvent(ctx('en'), 'Dana', { action: 'create', changes: [{ field: 'firstName', old: null, new: 'Ron' }] })).toEqual([
      'Dana created this record',
    ]);
    expect(describeSystemEvent(ctx('en'), 'Dana', { action: 'delete' })).toEqual(['Dana moved this record to the trash']);
    expect(describeSystemEvent(ctx('he'), 'דנה', { action: 'restore' })).toEqual(['הרשומה שוחזרה מסל המחזור על ידי דנה']);
  });

  it('says "someone" when no person made the change (an API key of a removed member)', () => {
    expect(describeSystemEvent(ctx('en'), null, { action: 'create' })).toEqual(['Someone created this record']);
  });

  it('keeps an unknown action readable', () => {
    expect(describeSystemEvent(ctx('en'), 'Dana', { action: 'archive' })).toEqual(['Dana: archive']);
  });
});
