import { describe, expect, test } from 'vitest';
import { formatPhone } from './PhoneNumber.js';

describe('formatPhone', () => {
  test('shows Israeli numbers in the national form Israelis write', () => {
    expect(formatPhone('+972501234567')).toBe('050-123-4567');
    expect(formatPhone('+97236123456')).toBe('03-612-3456');
  });
  test('shows other numbers in international form', () => {
    expect(formatPhone('+14155552671')).toBe('+1 415 555 2671');
    expect(formatPhone('+442079460958')).toBe('+44 20 7946 0958');
  });
  test('leaves something it cannot parse as it is', () => {
    expect(formatPhone('not a phone')).toBe('not a phone');
  });
});
