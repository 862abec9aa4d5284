import { describe, expect, test } from 'vitest';
import { ifMatchSchema, int4, multilineText, rawText, text, versionSchema } from './schema.js';

describe('shared text types', () => {
  test.each(['\u0000', 'a\u0000b', '\u0001', '\u0008', 'a\u000bb', '\u001b', '\u001f', '\u007f', 'a\tb', 'a\nb', 'a\rb'])(
    'one-line text refuses %j with a message that says why',
    (value) => {
      for (const schema of [text(), rawText()]) {
        const result = schema.safeParse(value);
        expect(result.success).toBe(false);
        expect(result.error?.issues[0]?.message).toContain('control characters');
      }
    },
  );

  test('one-line text keeps Hebrew, emoji and punctuation, and trims', () => {
    expect(text().parse('  דנה כהן 💥 "O\'Brien" ')).toBe('דנה כהן 💥 "O\'Brien"');
    expect(rawText().parse(' pass word ')).toBe(' pass word ');
  });

  test('multi-line text allows tab and line breaks but not NUL or escape', () => {
    expect(multilineText().parse('line one\n\tline two\r\n')).toBe('line one\n\tline two\r\n');
    expect(multilineText().safeParse('a\u0000b').success).toBe(false);
    expect(multilineText().safeParse('a\u001bb').success).toBe(false);
  });
});

describe('integers bounded to their column', () => {
  test('int4 and version stop at 2147483647', () => {
    expect(int4().parse(2147483647)).toBe(2147483647);
    expect(int4().safeParse(2147483648).success).toBe(false);
    expect(int4().safeParse(-2147483649).success).toBe(false);
    for (const bad of [0, -1, 1.5, 2147483648, 2 ** 53, 1e308, Number.NaN]) expect(versionSchema.safeParse(bad).success).toBe(false);
  });

  test('If-Match takes one version in ETag form, within int4', () => {
    expect(ifMatchSchema.parse('"3"')).toBe(3);
    expect(ifMatchSchema.parse('W/"3"')).toBe(3);
    expect(ifMatchSchema.parse('3')).toBe(3);
    expect(ifMatchSchema.parse('"2147483647"')).toBe(2147483647);
    for (const bad of ['"2147483648"', '"99999999999"', '"0"', '"-1"', '*', '"1", "2"', '"abc"', '', '"1e3"']) {
      expect(ifMatchSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
