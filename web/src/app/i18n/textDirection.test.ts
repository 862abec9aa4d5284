import { describe, expect, it } from 'vitest';
import { textDirection } from './textDirection.js';

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
