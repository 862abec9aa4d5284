import type { TFunction } from 'i18next';
import type { FieldError } from 'react-hook-form';
import { passwordReasons } from '../../../../src/domain/users/schema.js';
import { fieldErrorText } from '../../app/errors.js';

const keys = {
  [passwordReasons.short]: 'validation.passwordShort',
  [passwordReasons.email]: 'validation.passwordEmail',
  [passwordReasons.name]: 'validation.passwordName',
  [passwordReasons.common]: 'validation.passwordCommon',
} as const;

/** Why a new password is refused, in the user's language (the policy's reasons come from the server or the shared check). */
export function passwordErrorText(t: TFunction, error: FieldError | undefined): string | undefined {
  const key = error?.message ? keys[error.message as keyof typeof keys] : undefined;
  return key ? t(key) : fieldErrorText(t, 'password', error);
}
