import type { TFunction } from 'i18next';
import { isApiError } from '../../app/api.js';
import { fieldErrorText } from '../../app/errors.js';

/** The server's field errors of a validation_failed answer, by path ("firstName", "phones.0.value"). */
export function serverFieldErrors(error: unknown): Map<string, string> {
  if (!isApiError(error, 'validation_failed')) return new Map();
  return new Map(error.fields.map((f) => [f.path, f.message]));
}

/** The translated text for the error at `path`, worded for what the field holds (`kind`: email, phone…). */
export function errorAt(t: TFunction, errors: Map<string, string>, path: string, kind = path): string | undefined {
  const message = errors.get(path);
  return message === undefined ? undefined : fieldErrorText(t, kind, { type: 'server', message });
}

/** Error texts for each row of a list field (emails, phones), matching "emails.0", "emails.0.value". */
export const rowErrors = (t: TFunction, errors: Map<string, string>, list: string, count: number, kind: string) =>
  Array.from({ length: count }, (_, i) => errorAt(t, errors, `${list}.${i}.value`, kind) ?? errorAt(t, errors, `${list}.${i}`, kind) ?? (i === 0 ? errorAt(t, errors, kind) : undefined));
