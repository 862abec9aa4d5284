import { afterAll } from 'vitest';
import { buildApp, type AppOptions } from '../server/app.js';
import { testSecret } from './fixtures.js';
import { createDb, type DbHandle } from '../db/client.js';
import { listenerFor } from '../server/realtime/listen.js';

/** The database of this test file: the run's PostgreSQL database, or a fresh in-memory PGlite. */
export async function useTestDb(): Promise<DbHandle> {
  const databaseUrl = process.env.KESHER_TEST_DATABASE_URL;
  const handle = createDb({ databaseUrl, poolSize: 4 });
  if (!databaseUrl) await handle.migrate();
  afterAll(() => handle.close());
  return handle;
}

/**
 * The app over this file's database, built once and closed after the file. The per-credential API limit
 * is off unless a test passes one: on PostgreSQL all files share one database, and every inject comes
 * from 127.0.0.1, so one file's anonymous calls would eat another's bucket.
 */
export async function useTestApp(options: Partial<Omit<AppOptions, 'db'>> = {}) {
  const handle = await useTestDb();
  const rateLimits = { api: false as const, ...options.rateLimits };
  const app = await buildApp({ db: handle.db, secret: testSecret, webDir: '/nonexistent', listen: listenerFor(handle), ...options, rateLimits });
  afterAll(() => app.close());
  return { db: handle.db, app, handle };
}
