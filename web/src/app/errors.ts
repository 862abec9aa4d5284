import type { TFunction } from 'i18next';
import type { FieldError as FormFieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { controlCharacterMessages } from '../../../src/domain/common/schema.js';
import { isApiError } from './api.js';
import type { Messages } from './i18n/he.js';

/** The translated sentence for a failed request, with the retry time when the server gave one. */
export function describeError(t: TFunction, error: unknown, locale: string): string {
  if (!isApiError(error)) return t('errors.internal');
  const text = t(`errors.${error.code}`);
  if (!error.retryAfterSeconds) return text;
  const at = new Date(Date.now() + error.retryAfterSeconds * 1000);
  const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  return `${text} ${t('errors.retryAt', { time })}`;
}

type FieldWithText = keyof Messages['validation'];
const hasFieldText = (field: string): field is FieldWithText =>
  ['email', 'phone', 'companyId'].includes(field);

/**
 * The translated text of a form field error. Zod issue codes arrive as `type` (from zodResolver),
 * server field errors as type `server`; neither message is shown as is, since both are English.
 */
export function fieldErrorText(t: TFunction, field: string, error: FormFieldError | undefined): string | undefined {
  if (!error) return undefined;
  if (error.message && controlCharacterMessages.includes(error.message)) return t('validation.controlCharacters');
  if (error.type === 'too_small') return t('validation.required');
  if (error.type === 'too_big') return t('validation.tooLong');
  return hasFieldText(field) ? t(`validation.${field}`) : t('validation.invalid');
}

/** Puts the server's `fields` of a validation_failed answer onto the form; true when any matched. */
export function applyServerFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly Path<T>[],
): boolean {
  if (!isApiError(error, 'validation_failed')) return false;
  const matched = error.fields.filter((f) => (fields as readonly string[]).includes(f.path));
  matched.forEach((f, i) => setError(f.path as Path<T>, { type: 'server', message: f.message }, { shouldFocus: i === 0 }));
  return matched.length > 0;
}
