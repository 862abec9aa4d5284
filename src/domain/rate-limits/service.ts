import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../../db/client.js';

/** A sustained rate and how many requests may come at once (GCRA: a token bucket without a timer). */
export interface RatePolicy {
  perSecond: number;
  burst: number;
}

/** What one request learnt: whether it may go on, and the numbers of the RateLimit-* headers. */
export interface RateDecision {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the bucket is full again. */
  resetSeconds: number;
  /** Seconds until one more request is allowed; 0 when allowed. */
  retryAfterSeconds: number;
  /** Only with `peek`: seconds until the peeked bucket takes a request again; 0 when it would now. */
  peekRetryAfterSeconds?: number;
}

const msOf = (policy: RatePolicy) => ({ step: 1000 / policy.perSecond, tolerance: (1000 / policy.perSecond) * policy.burst });

/** How often a process sweeps out full buckets (a missing row and an expired one mean the same). */
const purgeEvery = 1000;
let sincePurge = 0;

export async function purgeRateLimits(db: Db) {
  await db.execute(sql`delete from rate_limits where tat < now()`);
}

/**
 * Takes one request from the bucket `key`, in ONE statement that decides, writes and answers, so every
 * process on the database shares the limit and concurrent requests are serialised by the row lock.
 * A refused request leaves the bucket as it was. `peek` reads another bucket in the same statement
 * (an address's failed API keys, checked at no extra round trip).
 */
export async function consumeRate(
  db: Db,
  key: string,
  policy: RatePolicy,
  peek?: { key: string; policy: RatePolicy },
): Promise<RateDecision> {
  const { step, tolerance } = msOf(policy);
  const ms = sql`interval '1 millisecond'`;
  const next = sql`greatest(r.tat, now()) + ${step}::float8 * ${ms}`;
  const fits = sql`${next} <= now() + ${tolerance}::float8 * ${ms}`;
  const peekAhead = peek
    ? sql`(select extract(epoch from p.tat - now())::float8 * 1000 from rate_limits p where p.key = ${peek.key})`
    : sql`null::float8`;
  const [row] = await queryRows<{ allowed: boolean; ahead_ms: number; peek_ahead_ms: number | null }>(db, sql`
    insert into rate_limits as r (key, tat, allowed) values (${key}, now() + ${step}::float8 * ${ms}, true)
    on conflict (key) do update set allowed = ${fits}, tat = case when ${fits} then ${next} else r.tat end
    returning r.allowed, extract(epoch from r.tat - now())::float8 * 1000 as ahead_ms, ${peekAhead} as peek_ahead_ms`);
  if (++sincePurge >= purgeEvery) {
    sincePurge = 0;
    await purgeRateLimits(db);
  }
  const ahead = Number(row!.ahead_ms);
  const decision: RateDecision = {
    allowed: row!.allowed,
    limit: policy.burst,
    remaining: row!.allowed ? Math.max(0, Math.floor((tolerance - ahead) / step)) : 0,
    resetSeconds: Math.max(0, Math.ceil(ahead / 1000)),
    retryAfterSeconds: row!.allowed ? 0 : Math.max(1, Math.ceil((ahead + step - tolerance) / 1000)),
  };
  if (peek) {
    const peeked = msOf(peek.policy);
    const peekAhead = row!.peek_ahead_ms === null ? -Infinity : Number(row!.peek_ahead_ms);
    const wait = peekAhead + peeked.step - peeked.tolerance;
    decision.peekRetryAfterSeconds = wait > 0 ? Math.max(1, Math.ceil(wait / 1000)) : 0;
  }
  return decision;
}

/** Gives one request back (a login that succeeded should not count against its address). */
export async function refundRate(db: Db, key: string, policy: RatePolicy) {
  const { step } = msOf(policy);
  await db.execute(sql`update rate_limits set tat = tat - ${step}::float8 * interval '1 millisecond' where key = ${key}`);
}
