import i18next from 'i18next';
import { describe, expect, it, vi } from 'vitest';
import { createContactSchema } from '../../../src/domain/contacts/schema.js';
import { ApiError } from './api.js';
import { applyServerFieldErrors, describeError, fieldErrorText } from './errors.js';
import { resources } from './i18n/i18n.js';

async function translator(lng: 'he' | 'en') {
  const instance = i18next.createInstance();
  await instance.init({ resources, lng, initAsync: false, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('describeError', () => {
  it('translates the problem code', async () => {
    const error = new ApiError(401, 'invalid_credentials', 'Wrong email or password');
    expect(describeError(await translator('he'), error, 'he')).toBe('דוא"ל או סיסמה שגויים.');
    expect(describeError(await translator('en'), error, 'en')).toBe('Wrong email or password.');
  });

  it('adds when to try again when the server said', async () => {
    const error = new ApiError(429, 'too_many_requests', 'slow down', [], 600);
    expect(describeError(await translator('en'), error, 'en')).toMatch(/^Too many attempts.* You can try again at \d{1,2}:\d{2}/);
  });

  it('treats anything that is not an ApiError as an internal error', async () => {
    expect(describeError(await translator('en'), new Error('boom'), 'en')).toBe('Server error. Try again later.');
  });
});

describe('form field errors', () => {
  it('maps zod issue codes and server errors to translated texts', async () => {
    const t = await translator('he');
    expect(fieldErrorText(t, 'firstName', { type: 'too_small' })).toBe('שדה חובה');
    expect(fieldErrorText(t, 'phone', { type: 'server', message: 'Not a valid phone number' })).toBe('מספר טלפון לא תקין');
    expect(fieldErrorText(t, 'lastName', { type: 'invalid_type' })).toBe('ערך לא תקין');
    expect(fieldErrorText(t, 'email', undefined)).toBeUndefined();
    const nul = createContactSchema.safeParse({ firstName: 'a\u0000b' }).error!.issues[0]!;
    expect(fieldErrorText(t, 'firstName', { type: nul.code, message: nul.message })).toBe(t('validation.controlCharacters'));
    expect(fieldErrorText(t, 'firstName', { type: 'server', message: nul.message })).toContain('תווי בקרה');
  });

  it('puts the fields of a validation_failed answer on the matching form fields only', () => {
    const setError = vi.fn();
    const error = new ApiError(400, 'validation_failed', 'bad', [
      { path: 'phone', message: 'Not a valid phone number' },
      { path: 'version', message: 'Required' },
    ]);
    expect(applyServerFieldErrors(error, setError, ['firstName', 'phone'])).toBe(true);
    expect(setError).toHaveBeenCalledTimes(1);
    expect(setError).toHaveBeenCalledWith('phone', { type: 'server', message: 'Not a valid phone number' }, { shouldFocus: true });
    expect(applyServerFieldErrors(new ApiError(409, 'version_conflict', 'stale'), setError, ['phone'])).toBe(false);
  });
});
