import { boolean, index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Global table: one GCRA bucket per key (an API key, a user, an address…); `tat` is the theoretical
 * arrival time, `allowed` the last decision (RETURNING cannot see the old row on PostgreSQL 15, so the
 * statement writes its decision down). The migration makes it UNLOGGED: losing it in a crash only resets
 * the limits, and it saves a WAL flush on every API request. drizzle-kit cannot express UNLOGGED.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  tat: timestamp('tat', { withTimezone: true }).notNull(),
  allowed: boolean('allowed').notNull(),
});

/** Global table: failed logins per normalised email and client address, for the growing delay. */
export const loginThrottles = pgTable(
  'login_throttles',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    retryAt: timestamp('retry_at', { withTimezone: true }).notNull(),
    allowed: boolean('allowed').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('login_throttles_updated_idx').on(t.updatedAt)],
);
