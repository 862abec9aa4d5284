import { createDb } from '../db/client.js';
import { loadConfig, pgliteDir, type Config } from '../server/config.js';

/** Opens the configured database (PostgreSQL with DATABASE_URL, else PGlite in the data dir) and migrates it. */
export async function openDatabase(config: Config = loadConfig()) {
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: pgliteDir(config) });
  await handle.migrate();
  return handle;
}

export const describeDatabase = (config: Config) =>
  config.databaseUrl ? `PostgreSQL ${new URL(config.databaseUrl).host}` : `embedded PGlite in ${pgliteDir(config)}`;
