import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../../core/errors.js';
import { isPublishedPassword } from './published-passwords.js';
import { minPasswordLength, passwordProblem, passwordReasons } from './schema.js';

// zxcvbn-ts with its common-password and diceware lists (see docs/decisions.md); built once, on first use.
// Only the first 100 characters are scored: a 256-character password takes ~0.6 s of CPU otherwise.
let estimator: ZxcvbnFactory | undefined;
const strength = () =>
  (estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs, maxLength: 100 }));

/** Score 3 = about 10^8 guesses: rules out common passwords and their usual variants (Password1234). */
const minScore = 3;

export interface PasswordPolicyOptions {
  /** Only for the demo seed's own accounts: their password is the published one. */
  allowPublished?: boolean;
}

/**
 * The one password policy, for every place a password is chosen (createUser: CLI, invitations, demo
 * seed); never for logging in, so old passwords still work. Throws a 400 on the `password` field.
 * A published password (the demo's) scores well but is known to everyone, so it counts as common.
 */
export async function checkNewPassword(password: string, person: { email: string; name: string }, options: PasswordPolicyOptions = {}) {
  const reason =
    password.length < minPasswordLength
      ? passwordReasons.short
      : (passwordProblem(password, person) ??
        (!options.allowPublished && isPublishedPassword(password) ? passwordReasons.common : undefined) ??
        ((await strength().check(password)).score < minScore ? passwordReasons.common : undefined));
  if (reason) throw new AppError('validation_failed', `Password refused: ${reason}`, { fields: [{ path: 'password', message: reason }] });
}
