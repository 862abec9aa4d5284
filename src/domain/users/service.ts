import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { AppError } from '../../core/errors.js';
import { burnPasswordCheck, hashPassword, verifyPassword } from '../../core/passwords.js';
import { checkNewPassword, type PasswordPolicyOptions } from './password-policy.js';
import { createUserSchema, type CreateUserInput, type LoginInput, type User } from './schema.js';
import { users } from './table.js';

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

export async function createUser(db: Db, input: CreateUserInput, policy: PasswordPolicyOptions = {}): Promise<User> {
  const data = createUserSchema.parse(input);
  await checkNewPassword(data.password, data, policy);
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
 * Checks email and password; an unknown email costs the same hash as a wrong password. Throttling
 * (per address, and the growing delay per email and address) is the caller's, before this runs.
 */
export async function verifyLogin(db: Db, input: LoginInput): Promise<User> {
  const row = await findUserByEmail(db, input.email);
  if (!row) {
    await burnPasswordCheck(input.password);
    throw new AppError('invalid_credentials', 'Wrong email or password');
  }
  if (!(await verifyPassword(row.passwordHash, input.password))) {
    throw new AppError('invalid_credentials', 'Wrong email or password');
  }
  return toUser(row);
}

export { isUniqueViolation };
