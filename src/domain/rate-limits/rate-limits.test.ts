import { sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { queryRows } from '../../db/client.js';
import { useTestDb } from '../../test-support/db.js';
import { consumeRate, purgeRateLimits, refundRate } from './service.js';

const { db } = await useTestDb();
const policy = { perSecond: 0.1, burst: 10 };

describe('the database-backed limiter', () => {
  test('of concurrent requests exactly the burst passes', async () => {
    const decisions = await Promise.all(Array.from({ length: 25 }, () => consumeRate(db, 'test:concurrent', policy)));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.filter((d) => !d.allowed).every((d) => d.retryAfterSeconds > 0 && d.remaining === 0)).toBe(true);
  });

  test('a refused request does not push the bucket further away', async () => {
    for (let i = 0; i < 10; i++) await consumeRate(db, 'test:refused', policy);
    const first = await consumeRate(db, 'test:refused', policy);
    for (let i = 0; i < 20; i++) await consumeRate(db, 'test:refused', policy);
    const later = await consumeRate(db, 'test:refused', policy);
    expect(later.retryAfterSeconds).toBeLessThanOrEqual(first.retryAfterSeconds);
    expect(later.retryAfterSeconds).toBeLessThanOrEqual(10);
  });

  test('a refund gives one request back', async () => {
    for (let i = 0; i < 10; i++) await consumeRate(db, 'test:refund', policy);
    await refundRate(db, 'test:refund', policy);
    expect((await consumeRate(db, 'test:refund', policy)).allowed).toBe(true);
    expect((await consumeRate(db, 'test:refund', policy)).allowed).toBe(false);
  });

  test('the purge drops full buckets only', async () => {
    await consumeRate(db, 'test:busy', policy);
    await db.execute(sql`insert into rate_limits (key, tat, allowed) values ('test:idle', now() - interval '1 minute', true)`);
    await purgeRateLimits(db);
    const keys = await queryRows<{ key: string }>(db, sql`select key from rate_limits where key in ('test:busy', 'test:idle')`);
    expect(keys.map((k) => k.key)).toEqual(['test:busy']);
  });

  test('with a shared bucket, of concurrent requests from many keys exactly the shared burst passes', async () => {
    const shared = { key: 'test:shared-ws', policy };
    const decisions = await Promise.all(
      Array.from({ length: 30 }, (_, i) => consumeRate(db, `test:member-${i % 6}`, { perSecond: 0.1, burst: 4 }, undefined, shared)),
    );
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
    expect(decisions.filter((d) => !d.allowed && d.sharedBucket)).not.toHaveLength(0);
  });
});
