import { afterAll } from 'vitest';
import { buildApp, type AppOptions } from '../server/app.js';
import { testSecret } from './fixtures.js';
import { createDb, type DbHandle } from '../db/client.js';

/** The database of this test file: the run's PostgreSQL database, or a fresh in-memory PGlite. */
export async function useTestDb(): Promise<DbHandle> {
  const databaseUrl = process.env.KESHER_TEST_DATABASE_URL;
  const handle = createDb({ databaseUrl, poolSize: 4 });
  if (!databaseUrl) await handle.migrate();
  afterAll(() => handle.close());
  return handle;
}

/** The app over this file's database, built once and closed after the file. */
export async function useTestApp(options: Partial<Omit<AppOptions, 'db'>> = {}) {
  const handle = await useTestDb();
  const app = await buildApp({ db: handle.db, secret: testSecret, webDir: '/nonexistent', ...options });
  afterAll(() => app.close());
  return { db: handle.db, app };
}
