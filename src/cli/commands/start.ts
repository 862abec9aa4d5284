import { count, eq } from 'drizzle-orm';
import { users, workspaces } from '../../db/tables.js';
import { ensureFieldIndexes } from '../../domain/custom-fields/service.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { listenerFor } from '../../server/realtime/listen.js';
import { describeDatabase, openDatabase } from '../database.js';
import { firstOwnerInstructions } from '../first-owner.js';
import { demoLogin, demoSlug, seedDemo } from '../seed-demo.js';
import { progressBar } from '../progress.js';

/**
 * Migrates, seeds the demo where a person asked for it, and serves Kesher until SIGINT/SIGTERM.
 * The demo (five accounts sharing one published password) is seeded with --demo, or by default only on
 * an empty embedded database — the README's quick start; never by default on DATABASE_URL.
 */
export async function start(options: { demo?: boolean }) {
  const config = loadConfig();
  const handle = await openDatabase(config);
  const [{ value: workspaceCount } = { value: 0 }] = await handle.db.select({ value: count() }).from(workspaces);
  const seed = options.demo ?? (!config.databaseUrl && workspaceCount === 0);
  if (seed) {
    const bar = progressBar('Demo workspace');
    await seedDemo(handle.db, { onProgress: bar.update });
    bar.stop();
  }
  const [demo] = await handle.db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, demoSlug));
  const [{ value: userCount } = { value: 0 }] = await handle.db.select({ value: count() }).from(users);

  const app = await buildApp({
    db: handle.db,
    secret: config.secret,
    trustProxy: config.trustProxy,
    rateLimits: { api: config.rateLimit ?? false, workspace: config.workspaceRateLimit ?? false, login: config.loginRateLimit },
    maxWorkspacesPerUser: config.maxWorkspacesPerUser,
    credentialCacheMs: config.credentialCacheMs,
    listen: listenerFor(handle),
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
  });
  await app.listen({ port: config.port, host: config.host });
  // Indexes of sortable custom fields that a stopped process left unbuilt (or the demo's): built while serving.
  void ensureFieldIndexes(handle.db).catch((error: Error) => console.error(`kesher: field indexes not checked: ${error.message}`));
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  const url = `http://${shown}:${config.port}`;
  const note = demo
    ? `\n  Demo login: ${demoLogin.email} / ${demoLogin.password}  (start with --no-demo on a new data directory for none)`
    : userCount === 0 ? firstOwnerInstructions(config, url) : '';
  console.log(`\n  Kesher is running on ${url}  (${describeDatabase(config)}, pid ${process.pid})${note}\n  API docs: ${url}/api/docs\n`);

  // A terminal's Ctrl+C reaches both `npm start` and us, and npm start forwards it again: the second
  // signal must not kill a server that is closing its database.
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Started by `npm start` with an IPC channel: when that parent dies (even by SIGKILL) the channel
  // closes, and the server stops instead of running on orphaned.
  if (process.send) process.on('disconnect', stop);
}
