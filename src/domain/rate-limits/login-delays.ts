import { sql, type SQL } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

/** Failed logins for one email from one address: the first `freeFailures` cost nothing, then each waits longer. */
export interface LoginDelayPolicy {
  freeFailures: number;
  /** The wait after the first failure past the free ones; doubles with each further failure. */
  baseSeconds: number;
  maxSeconds: number;
}

/** A quiet day forgets the failures of a key that never logged in. */
const forgetAfter = sql`interval '1 day'`;
const purgeEvery = 100;
let sincePurge = 0;

/** The key of the delay: the normalised email whether or not an account has it, and the client address. */
export const loginDelayKey = (address: string, email: string) => `${address}|${email.trim().toLowerCase()}`;

/**
 * Claims one login attempt for `key`, counting it as a failure in advance, in one statement: of concurrent
 * attempts at the end of a delay only one gets through. Refused attempts change nothing and learn when
 * to come back. A successful login clears the key (`clearLoginDelay`).
 */
export async function claimLoginAttempt(db: Db, key: string, policy: LoginDelayPolicy) {
  const delay = (failures: SQL) =>
    sql`make_interval(secs => case when ${failures} < ${policy.freeFailures} then 0
      else least(${policy.baseSeconds}::float8 * power(2, ${failures} - ${policy.freeFailures}), ${policy.maxSeconds}) end)`;
  const due = sql`l.retry_at <= now()`;
  const [row] = await queryRows<{ allowed: boolean; wait_ms: number }>(db, sql`
    insert into login_throttles as l (key, failures, retry_at, allowed, updated_at)
    values (${key}, 1, now() + ${delay(sql`1`)}, true, now())
    on conflict (key) do update set
      allowed = ${due},
      failures = case when ${due} then l.failures + 1 else l.failures end,
      retry_at = case when ${due} then now() + ${delay(sql`(l.failures + 1)`)} else l.retry_at end,
      updated_at = now()
    returning l.allowed, extract(epoch from l.retry_at - now())::float8 * 1000 as wait_ms`);
  if (++sincePurge >= purgeEvery) {
    sincePurge = 0;
    await db.execute(sql`delete from login_throttles where updated_at < now() - ${forgetAfter}`);
  }
  return { allowed: row!.allowed, retryAfterSeconds: Math.max(1, Math.ceil(Number(row!.wait_ms) / 1000)) };
}

export async function clearLoginDelay(db: Db, key: string) {
  await db.execute(sql`delete from login_throttles where key = ${key}`);
}
