import pg from 'pg';
import { createDb } from '../db/client.js';

/**
 * With DATABASE_URL set, every run gets a fresh database on that server (migrated once here, dropped
 * at the end); test files find it in KESHER_TEST_DATABASE_URL. Without it, each file uses in-memory PGlite.
 */
export default async function setup() {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return;
  const name = `kesher_test_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.KESHER_TEST_DATABASE_URL = url.toString();
  const handle = createDb({ databaseUrl: url.toString(), poolSize: 1 });
  await handle.migrate();
  await handle.close();
  return async () => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
}
