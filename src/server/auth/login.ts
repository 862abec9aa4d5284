import type { Db } from '../../db/client.js';
import { claimLoginAttempt, clearLoginDelay, loginDelayKey } from '../../domain/rate-limits/login-delays.js';
import { consumeRate, refundRate } from '../../domain/rate-limits/service.js';
import type { LoginInput, User } from '../../domain/users/schema.js';
import { verifyLogin } from '../../domain/users/service.js';
import { tooMany, type RateLimits } from '../rate-limit.js';

/**
 * A login that neither leaks nor locks out: the address pays for every failure whatever the account
 * (password spraying), and each email from each address waits longer after every failure past a few,
 * keyed on the email whether or not it exists, so unknown and known emails answer alike. The owner at
 * another address is not slowed by a stranger's failures; a success from that address resets its wait.
 */
export async function throttledLogin(db: Db, address: string, input: LoginInput, limits: RateLimits): Promise<User> {
  const addressKey = `login:${address}`;
  const perAddress = await consumeRate(db, addressKey, limits.login);
  if (!perAddress.allowed) throw tooMany('Too many failed logins from this address; try again later', perAddress.retryAfterSeconds);
  const delayKey = loginDelayKey(address, input.email);
  const attempt = await claimLoginAttempt(db, delayKey, limits.loginDelay);
  if (!attempt.allowed) throw tooMany('Too many failed logins; try again later', attempt.retryAfterSeconds);
  const user = await verifyLogin(db, input);
  await clearLoginDelay(db, delayKey);
  await refundRate(db, addressKey, limits.login);
  return user;
}
