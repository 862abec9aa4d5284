import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { createDb } from '../../src/db/client.js';
import { seedDemo } from '../../src/cli/seed-demo.js';
import { buildApp } from '../../src/server/app.js';

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    demoLogin: { email: string; password: string };
  }
}

const webDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

/** A fresh database on the DATABASE_URL server for this run, dropped afterwards. */
async function createRunDatabase(serverUrl: string) {
  const name = `kesher_e2e_${Date.now()}_${process.pid}`;
  const query = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => query(`drop database if exists ${name} with (force)`) };
}

/**
 * Starts Kesher on a free loopback port over a fresh database (embedded PGlite in a temporary folder,
 * or a new database on the DATABASE_URL server) with the demo workspace seeded.
 */
export default async function setup(project: TestProject) {
  if (!existsSync(join(webDir, 'index.html'))) {
    throw new Error('dist/web is missing: run `npm run test:e2e` (it builds the web app first)');
  }
  const dataDir = mkdtempSync(join(tmpdir(), 'kesher-e2e-'));
  const database = process.env.DATABASE_URL ? await createRunDatabase(process.env.DATABASE_URL) : undefined;
  const handle = createDb(database ? { databaseUrl: database.url } : { dataDir: join(dataDir, 'pglite') });
  await handle.migrate();
  const { login } = await seedDemo(handle.db);
  // A first login delay of a minute (2 s by default), so the browser surely meets it in the delay test.
  const rateLimits = { loginDelay: { freeFailures: 5, baseSeconds: 60, maxSeconds: 15 * 60 } };
  const app = await buildApp({ db: handle.db, secret: randomBytes(32).toString('base64url'), logger: false, webDir, rateLimits });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;

  project.provide('baseURL', `http://127.0.0.1:${port}`);
  project.provide('demoLogin', { email: login.email, password: login.password });

  return async () => {
    await app.close();
    await handle.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
