import { count } from 'drizzle-orm';
import { workspaces } from '../../db/tables.js';
import { buildApp } from '../../server/app.js';
import { loadConfig } from '../../server/config.js';
import { describeDatabase, openDatabase } from '../database.js';
import { seedDemo } from '../seed-demo.js';
import { progressBar } from '../progress.js';

/** Migrates, seeds the demo on an empty database, and serves Kesher until SIGINT/SIGTERM. */
export async function start(options: { demo: boolean }) {
  const config = loadConfig();
  const handle = await openDatabase(config);
  let demoNote = '';
  const [{ value: workspaceCount } = { value: 0 }] = await handle.db.select({ value: count() }).from(workspaces);
  if (options.demo && workspaceCount === 0) {
    const bar = progressBar('Demo workspace');
    const { login } = await seedDemo(handle.db, { onProgress: bar.update });
    bar.stop();
    demoNote = `\n  Demo login: ${login.email} / ${login.password}`;
  } else if (options.demo) {
    demoNote = '\n  Demo login (if the demo workspace was seeded): demo@kesher.dev / kesher-sample-2026';
  }
  const app = await buildApp({ db: handle.db, secret: config.secret, trustProxy: config.trustProxy,
    rateLimits: { api: config.rateLimit ?? false, login: config.loginRateLimit },
    maxWorkspacesPerUser: config.maxWorkspacesPerUser,
    logger: { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] } });
  await app.listen({ port: config.port, host: config.host });
  const shown = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  console.log(`\n  Kesher is running on http://${shown}:${config.port}  (${describeDatabase(config)})${demoNote}\n  API docs: http://${shown}:${config.port}/api/docs\n`);
  const stop = async () => {
    await app.close();
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
