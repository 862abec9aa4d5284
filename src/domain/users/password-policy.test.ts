import { describe, expect, test } from 'vitest';
import { useTestDb } from '../../test-support/db.js';
import { testPassword } from '../../test-support/fixtures.js';
import { demoLogin } from '../../cli/seed-demo.js';
import { AppError } from '../../core/errors.js';
import { checkNewPassword } from './password-policy.js';
import { createUser } from './service.js';

const { db } = await useTestDb();
const person = { email: 'dana.levi@example.test', name: 'Dana Levi' };

async function refusal(password: string, who = person, options = {}) {
  try {
    await checkNewPassword(password, who, options);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).details.fields?.[0]?.path).toBe('password');
    return (error as AppError).details.fields?.[0]?.message;
  }
  return undefined;
}

describe('password policy', () => {
  test('refuses fewer than 10 characters', async () => {
    expect(await refusal('Xq7#pL2!v')).toBe('At least 10 characters');
  });

  test.each(['password123', 'Password1234', 'qwertyuiop', '1234567890', 'iloveyou12', 'letmein12345', 'aaaaaaaaaaaa'])(
    'refuses the common or guessable password %s',
    async (password) => {
      expect(await refusal(password)).toBe('Too common or too easy to guess');
    },
  );

  test('refuses a password containing the email’s local part, in any case', async () => {
    expect(await refusal('my-DANA.LEVI-secret-99')).toBe('Must not contain your email address');
  });

  test('refuses a password containing a name token of 3+ letters, Hebrew names too', async () => {
    expect(await refusal('purple-levi-mountain')).toBe('Must not contain your name');
    expect(await refusal('סגול-נועה-הר-גבוה', { email: 'n@example.test', name: 'נועה לוי' })).toBe('Must not contain your name');
    // A two-letter token is not a name to avoid: "Al" would forbid too much.
    expect(await refusal('purple-almond-mountain', { email: 'a@example.test', name: 'Al B' })).toBeUndefined();
  });

  test('scores a 256-character password quickly (only its first 100 characters are scored)', async () => {
    await refusal('warm-up-the-word-lists');
    const started = performance.now();
    expect(await refusal('password'.repeat(32))).toBe('Too common or too easy to guess');
    expect(performance.now() - started).toBeLessThan(400);
  });

  test('accepts the test fixtures’ password, and the demo’s only for the demo seed’s own accounts', async () => {
    expect(await refusal(testPassword, { email: 'user-1@example.test', name: 'Member sales' })).toBeUndefined();
    const seed = { allowPublished: true };
    expect(await refusal(demoLogin.password, { email: demoLogin.email, name: 'Demo Owner' }, seed)).toBeUndefined();
    for (const name of ['נועה לוי', 'יוסי מזרחי', 'Emma Clarke', 'Read Only']) {
      expect(await refusal(demoLogin.password, { email: 'viewer@kesher.dev', name }, seed)).toBeUndefined();
    }
  });

  test('refuses the published demo password for every other account, in any case', async () => {
    for (const password of [demoLogin.password, demoLogin.password.toUpperCase(), ` ${demoLogin.password} `]) {
      expect(await refusal(password)).toBe('Too common or too easy to guess');
    }
    // The demo's own email does not make it acceptable either: only the seed's explicit option does.
    expect(await refusal(demoLogin.password, { email: demoLogin.email, name: 'Demo Owner' })).toBe('Too common or too easy to guess');
    const error = await createUser(db, { email: `pub-${Date.now()}@example.test`, name: 'Real Person', password: demoLogin.password }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation_failed', details: { fields: [{ path: 'password', message: 'Too common or too easy to guess' }] } });
  });

  test('a product-name password that the estimator scores 3 or more is accepted', async () => {
    expect(await refusal('Kesher2026!')).toBeUndefined();
  });

  test('createUser applies it: a 400 on the password field saying why, and no user is created', async () => {
    const email = `weak-${Date.now()}@example.test`;
    const error = await createUser(db, { email, name: 'Weak', password: 'Password1234' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'validation_failed', details: { fields: [{ path: 'password', message: 'Too common or too easy to guess' }] } });
    const again = await createUser(db, { email, name: 'Weak', password: testPassword });
    expect(again.email).toBe(email);
  });
});
