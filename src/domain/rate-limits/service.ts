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
  /** Only with `also`: the numbers are the shared bucket's, because it is the one that binds. */
  sharedBucket?: boolean;
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
  also?: { key: string; policy: RatePolicy },
): Promise<RateDecision> {
  const ms = sql`interval '1 millisecond'`;
  const upsert = (bucket: string, bucketPolicy: RatePolicy) => {
    const { step, tolerance } = msOf(bucketPolicy);
    const next = sql`greatest(r.tat, now()) + ${step}::float8 * ${ms}`;
    const fits = sql`${next} <= now() + ${tolerance}::float8 * ${ms}`;
    return {
      values: sql`${bucket}, now() + ${step}::float8 * ${ms}, true`,
      update: sql`allowed = ${fits}, tat = case when ${fits} then ${next} else r.tat end`,
    };
  };
  const first = upsert(key, policy);
  const peekAhead = peek
    ? sql`(select extract(epoch from p.tat - now())::float8 * 1000 from rate_limits p where p.key = ${peek.key})`
    : sql`null::float8`;
  const returning = sql`r.allowed, extract(epoch from r.tat - now())::float8 * 1000 as ahead_ms`;
  // With `also`, a second bucket (the workspace's) is taken in the same statement, and only when the
  // first allowed the request: one caller over its own limit never drains the bucket it shares.
  const query = also
    ? (() => {
        const second = upsert(also.key, also.policy);
        return sql`
          with first as (
            insert into rate_limits as r (key, tat, allowed) values (${first.values})
            on conflict (key) do update set ${first.update} returning ${returning}
          ), second as (
            insert into rate_limits as r (key, tat, allowed) select ${second.values} where (select allowed from first)
            on conflict (key) do update set ${second.update} returning ${returning}
          )
          select f.allowed, f.ahead_ms, s.allowed as also_allowed, s.ahead_ms as also_ahead_ms, ${peekAhead} as peek_ahead_ms
          from first f left join second s on true`;
      })()
    : sql`
        insert into rate_limits as r (key, tat, allowed) values (${first.values})
        on conflict (key) do update set ${first.update}
        returning ${returning}, null::boolean as also_allowed, null::float8 as also_ahead_ms, ${peekAhead} as peek_ahead_ms`;
  const [row] = await queryRows<{
    allowed: boolean;
    ahead_ms: number;
    also_allowed: boolean | null;
    also_ahead_ms: number | null;
    peek_ahead_ms: number | null;
  }>(db, query);
  if (++sincePurge >= purgeEvery) {
    sincePurge = 0;
    await purgeRateLimits(db);
  }
  const decide = (allowed: boolean, aheadMs: number, bucketPolicy: RatePolicy): RateDecision => {
    const { step, tolerance } = msOf(bucketPolicy);
    return {
      allowed,
      limit: bucketPolicy.burst,
      remaining: allowed ? Math.max(0, Math.floor((tolerance - aheadMs) / step)) : 0,
      resetSeconds: Math.max(0, Math.ceil(aheadMs / 1000)),
      retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((aheadMs + step - tolerance) / 1000)),
    };
  };
  let decision = decide(row!.allowed, Number(row!.ahead_ms), policy);
  if (also && row!.also_allowed !== null) {
    const shared = decide(row!.also_allowed, Number(row!.also_ahead_ms), also.policy);
    // The headers and the refusal speak of whichever bucket binds: the one with less left.
    if (!shared.allowed || shared.remaining < decision.remaining) decision = { ...shared, sharedBucket: true };
  }
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
