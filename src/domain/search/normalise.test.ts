import { describe, expect, test } from 'vitest';
import { hebrewPrefixVariants, normaliseText, phoneDigitForms, queryDigits, words } from './normalise.js';

describe('normaliseText, one rule of the issue each', () => {
  test('niqqud and cantillation are ignored', () => {
    expect(normaliseText('גֶּרְשׁוֹן')).toBe(normaliseText('גרשון'));
    expect(normaliseText('בְּרֵאשִׁ֖ית')).toBe(normaliseText('בראשית'));
  });
  test('final letters equal their plain forms', () => {
    expect(normaliseText('ךםןףץ')).toBe('כמנפצ');
    expect(normaliseText('כהן')).toBe(normaliseText('כהנ'));
  });
  test('geresh, gershayim and quote marks are removed', () => {
    expect(normaliseText('ג׳ורג׳')).toBe('גורג');
    expect(normaliseText("ג'ורג'")).toBe('גורג');
    expect(normaliseText('גורג')).toBe('גורג');
    expect(normaliseText('צה״ל')).toBe(normaliseText('צה"ל'));
    expect(normaliseText('O’Brien')).toBe('obrien');
  });
  test('maqaf, paseq, sof pasuq and other punctuation become a space', () => {
    expect(normaliseText('בית־לחם')).toBe('בית לחמ');
    expect(normaliseText('א׀ב׃ג׆ד')).toBe('א ב ג ד');
    expect(normaliseText('Dana.Levi@Example.COM')).toBe('dana levi example com');
  });
  test('lower case, accents removed, spaces collapsed and trimmed', () => {
    expect(normaliseText('  Renée   ÇELİK  ')).toBe('renee celik');
    expect(normaliseText('ПЕТРОВ')).toBe('петров');
    expect(normaliseText('\u200Fשלום\u200E')).toBe('שלומ');
  });
  test('words', () => expect(words(' Dana  כֹּהֵן ')).toEqual(['dana', 'כהנ']));
});

describe('phones', () => {
  test('a stored phone is found by its local and international digits', () => {
    expect(phoneDigitForms('+972547651234')).toEqual(['0547651234', '972547651234']);
    expect(phoneDigitForms('+14155550100')).toEqual(['14155550100']);
  });
  test('a query that looks like a phone gives its digits, in the 4 formats', () => {
    expect(queryDigits('054-765')).toBe('054765');
    expect(queryDigits('0547651234')).toBe('0547651234');
    expect(queryDigits('+972 54 765')).toBe('97254765');
    expect(queryDigits('972547651234')).toBe('972547651234');
    expect(queryDigits('Cohen')).toBeNull();
  });
  test('every format is a fragment of the stored forms', () => {
    const stored = phoneDigitForms('+972547651234').join(' ');
    for (const q of ['054-765', '0547651234', '+972 54 765', '972547651234']) expect(stored).toContain(queryDigits(q));
  });
});

describe('Hebrew prefixes', () => {
  test('one leading prefix letter is removed when 2 letters remain', () => {
    expect(hebrewPrefixVariants(normaliseText('לכהן'))).toContain(normaliseText('כהן'));
    expect(hebrewPrefixVariants(normaliseText('וכהן'))).toContain(normaliseText('כהן'));
    expect(hebrewPrefixVariants('לא')).toEqual([]);
  });
  test('two-letter combinations', () => {
    expect(hebrewPrefixVariants(normaliseText('והכהן'))).toEqual([normaliseText('הכהן'), normaliseText('כהן')]);
    expect(hebrewPrefixVariants(normaliseText('שהלוי'))).toContain('לוי');
  });
  test('a Latin word has none', () => expect(hebrewPrefixVariants('cohen')).toEqual([]));
});
