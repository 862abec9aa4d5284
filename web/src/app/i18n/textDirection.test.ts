import { describe, expect, it } from 'vitest';
import { isolate, textDirection } from './textDirection.js';

describe('textDirection', () => {
  it('follows the first letter, reads bare numbers left to right, and inherits when empty', () => {
    expect(textDirection('דנה')).toBe('rtl');
    expect(textDirection('+972 דנה')).toBe('rtl');
    expect(textDirection('Dana כהן')).toBe('ltr');
    expect(textDirection('+9725')).toBe('ltr');
    expect(textDirection('')).toBeUndefined();
    expect(textDirection('  ')).toBeUndefined();
  });
});

describe('isolate', () => {
  it('wraps a name in first-strong isolates so it keeps its own direction inside a sentence', () => {
    expect(isolate('קשר — הדגמה')).toBe('\u2068קשר — הדגמה\u2069');
  });
});
