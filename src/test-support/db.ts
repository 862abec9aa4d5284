import { afterAll } from 'vitest';
import { createDb, type DbHandle } from '../db/client.js';

/** The database of this test file: the run's PostgreSQL database, or a fresh in-memory PGlite. */
export async function useTestDb(): Promise<DbHandle> {
  const databaseUrl = process.env.KESHER_TEST_DATABASE_URL;
  const handle = createDb({ databaseUrl, poolSize: 4 });
  if (!databaseUrl) await handle.migrate();
  afterAll(() => handle.close());
  return handle;
}
