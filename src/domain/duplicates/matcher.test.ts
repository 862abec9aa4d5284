import { describe, expect, it } from 'vitest';
import { emailKey, phoneKey, domainKey, digitsKey } from './canonical.js';
import { defaultRules, settingsOf } from './defaults.js';
import { jaroWinkler } from './jaro-winkler.js';
import { defaultParameters, prepare, scorePair, type MatchFields } from './matcher.js';
import { compareNames, nameForms } from './names.js';

const contactSettings = settingsOf(defaultRules('contact'));
const score = (a: MatchFields, b: MatchFields) => scorePair(prepare(a), prepare(b), contactSettings);

describe('canonical forms', () => {
  it('folds case, whitespace, gmail dots and +tags of an email', () => {
    expect(emailKey('  Dana.Cohen+crm@GoogleMail.com ')).toBe('danacohen@gmail.com');
    expect(emailKey('dana.cohen+x@example.co.il')).toBe('dana.cohen@example.co.il');
    expect(emailKey('not-an-email')).toBeNull();
  });
  it('writes a phone in any format as E.164', () => {
    for (const raw of ['054-765-1234', '0547651234', '+972 54 765 1234', '972547651234']) expect(phoneKey(raw)).toBe('+972547651234');
    expect(phoneKey('12')).toBeNull();
  });
  it('keeps the bare domain and the digits of an id', () => {
    expect(domainKey('https://www.Acme.co.il/about')).toBe('acme.co.il');
    expect(digitsKey('0-1234567-8')).toBe('12345678');
  });
});

describe('Jaro–Winkler', () => {
  it('gives the published values', () => {
    expect(jaroWinkler('martha', 'marhta')).toBeCloseTo(0.961, 3);
    expect(jaroWinkler('dixon', 'dicksonx')).toBeCloseTo(0.813, 3);
    expect(jaroWinkler('abc', 'abc')).toBe(1);
    expect(jaroWinkler('', 'abc')).toBe(0);
  });
});

describe('names', () => {
  const cmp = (a: string, b: string, given = true) => compareNames(nameForms(a, { given })!, nameForms(b, { given })!).agreement;
  it('knows nicknames in Hebrew and English', () => {
    for (const [a, b] of [['Yossi', 'Yosef'], ['Moti', 'Mordechai'], ['Avi', 'Avraham'], ['Dudu', 'David'], ['Beni', 'Binyamin'], ['Shuki', 'Yehoshua'], ['Bob', 'Robert'], ['Bill', 'William'], ['יוסי', 'יוסף']]) {
      expect(cmp(a!, b!), `${a} ~ ${b}`).toBe('nickname');
    }
  });
  it('ignores niqqud and final letters, and sees transliterations', () => {
    expect(cmp('כֹּהֵן', 'כהן', false)).toBe('exact');
    expect(cmp('Cohen', 'כהן', false)).toBe('transliteration');
  });
  it('scores a typo as similar and another name as different', () => {
    expect(cmp('Cohne', 'Cohen', false)).toBe('similar');
    expect(cmp('Levi', 'Mizrahi', false)).toBe('different');
  });
});

describe('scorePair', () => {
  const dana: MatchFields = { firstName: 'Dana', lastName: 'Cohen', emails: ['dana.cohen@gmail.com'], phones: ['054-765-1234'], city: 'Tel Aviv', birthday: '1985-03-02' };
  it('orders: same email and name > same name and city > same city only', () => {
    const strong = score(dana, { firstName: 'dana', lastName: 'כהן', emails: ['DanaCohen+x@googlemail.com'] });
    const medium = score(dana, { firstName: 'Dana', lastName: 'Cohen', city: 'Tel Aviv' });
    const weak = score(dana, { firstName: 'Yael', lastName: 'Levi', city: 'Tel Aviv' });
    expect(strong.score).toBeGreaterThan(0.99);
    expect(medium.score).toBeLessThan(strong.score);
    expect(weak.score).toBeLessThan(medium.score);
    expect(weak.score).toBeLessThan(0.01);
  });
  it('names every rule that matched, with what matched', () => {
    const { reasons } = score(dana, { firstName: 'Dana', lastName: 'Cohen', phones: ['+972547651234'], birthday: '1985-03-02' });
    expect(reasons.map((r) => r.rule).sort()).toEqual(['birthday', 'name', 'phone']);
    expect(reasons.find((r) => r.rule === 'phone')?.detail).toBe('+972547651234');
    expect(reasons.every((r) => r.weight > 0)).toBe(true);
  });
  it('does not take a relative sharing a phone for the same person', () => {
    const sibling = score(dana, { firstName: 'Moshe', lastName: 'Cohen', phones: ['0547651234'], birthday: '1990-11-20' });
    expect(sibling.score).toBeLessThan(0.6);
  });
  it('a disabled rule does not count, and a weight scales its rule', () => {
    const other: MatchFields = { firstName: 'D', lastName: 'X', emails: ['dana.cohen@gmail.com'] };
    const base = score(dana, other).score;
    const off = scorePair(prepare(dana), prepare(other), settingsOf(defaultRules('contact').map((r) => (r.rule === 'email' ? { ...r, enabled: false } : r))));
    const heavy = scorePair(prepare(dana), prepare(other), settingsOf(defaultRules('contact').map((r) => (r.rule === 'email' ? { ...r, weight: r.weight * 2 } : r))));
    expect(off.score).toBeLessThan(base);
    expect(heavy.score).toBeGreaterThan(base);
  });
  it('weighs agreeing on a common last name less than on a rare one when a scan learnt name frequencies', () => {
    const nameBits = { firstName: new Map<string, number>(), lastName: new Map([['cohen', 3], ['כהן', 3], ['zilberstein', 12]]) };
    const learnt = { ...contactSettings, parameters: { ...defaultParameters, nameBits } };
    const pair = (last: string, other = last) => scorePair(prepare({ firstName: 'Dana', lastName: last, city: 'Haifa' }), prepare({ firstName: 'Dana', lastName: other, city: 'Haifa' }), learnt).score;
    expect(pair('Zilberstein')).toBeGreaterThan(score({ firstName: 'Dana', lastName: 'Zilberstein', city: 'Haifa' }, { firstName: 'Dana', lastName: 'Zilberstein', city: 'Haifa' }).score);
    expect(pair('Cohen')).toBeLessThan(pair('Zilberstein'));
    // Another script's spelling of a common name is as common.
    expect(pair('Cohen', 'כהן')).toBeCloseTo(pair('Cohen'), 3);
  });
  it('matches companies by name without legal suffix, domain and phone', () => {
    const settings = settingsOf(defaultRules('company'));
    const r = scorePair(prepare({ name: 'Acme Ltd', domains: ['acme.co.il'] }), prepare({ name: 'ACME', domains: ['https://www.acme.co.il'] }), settings);
    expect(r.score).toBeGreaterThan(0.99);
    expect(r.reasons.map((x) => x.rule).sort()).toEqual(['domain', 'name']);
  });
});
