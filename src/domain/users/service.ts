import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../server/errors.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../server/auth/passwords.js';
import { checkNewPassword } from './password-policy.js';
import { createUserSchema, type CreateUserInput, type LoginInput, type User } from './schema.js';
import { users } from './table.js';

export const maxFailedLogins = 5;
export const lockMinutes = 15;

type UserRow = typeof users.$inferSelect;
export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  name: row.name,
  locale: row.locale as User['locale'],
});

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && ((error as { code?: string }).code === '23505' ||
    (error as { cause?: { code?: string } }).cause?.code === '23505');

export async function createUser(db: Db, input: CreateUserInput): Promise<User> {
  const data = createUserSchema.parse(input);
  await checkNewPassword(data.password, data);
  const passwordHash = await hashPassword(data.password);
  try {
    const [row] = await db
      .insert(users)
      .values({ email: data.email, name: data.name, passwordHash, locale: data.locale })
      .returning();
    return toUser(row!);
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('conflict', 'A user with this email already exists', { fields: [{ path: 'email', message: 'taken' }] });
    }
    throw error;
  }
}

export async function findUserByEmail(db: Db, email: string) {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = lower(${email})`);
  return row;
}

export async function setUserLocale(db: Db, userId: string, locale: User['locale']) {
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/**
 * Checks email and password. Failures are counted per account; after `maxFailedLogins` in a row the
 * account is locked for `lockMinutes`, and a locked account is refused before its password is checked.
 */
export async function verifyLogin(db: Db, input: LoginInput, now = new Date()): Promise<User> {
  const row = await findUserByEmail(db, input.email);
  if (!row) {
    await burnPasswordCheck(input.password);
    throw new AppError('invalid_credentials', 'Wrong email or password');
  }
  if (row.lockedUntil && row.lockedUntil > now) {
    const retryAfterSeconds = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 1000);
    throw new AppError('account_locked', 'Too many failed logins; try again later', { retryAfterSeconds });
  }
  if (!(await verifyPassword(row.passwordHash, input.password))) {
    // One statement, so concurrent failures are all counted.
    await db
      .update(users)
      .set({
        failedLogins: sql`case when ${users.failedLogins} + 1 >= ${maxFailedLogins} then 0 else ${users.failedLogins} + 1 end`,
        lockedUntil: sql`case when ${users.failedLogins} + 1 >= ${maxFailedLogins}
          then now() + make_interval(mins => ${lockMinutes}) else ${users.lockedUntil} end`,
      })
      .where(eq(users.id, row.id));
    throw new AppError('invalid_credentials', 'Wrong email or password');
  }
  if (row.failedLogins > 0 || row.lockedUntil) {
    await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, row.id));
  }
  return toUser(row);
}

export { isUniqueViolation };
