import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (m=19 MiB, t=2, p=1).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, options);

export const verifyPassword = (passwordHash: string, password: string) =>
  verify(passwordHash, password).catch(() => false);

let dummyHash: Promise<string> | undefined;
/** Spend the same time on an unknown email as on a wrong password, so logins do not reveal accounts. */
export async function burnPasswordCheck(password: string) {
  dummyHash ??= hashPassword('kesher-dummy-password');
  await verifyPassword(await dummyHash, password);
}
