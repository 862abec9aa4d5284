import { loadConfig } from '../../server/config.js';
import { describeDatabase, openDatabase } from '../database.js';
import { progressBar } from '../progress.js';
import { seedDemo } from '../seed-demo.js';

export async function migrateCommand() {
  const config = loadConfig();
  const handle = await openDatabase(config);
  await handle.close();
  console.log(`Migrations applied (${describeDatabase(config)}).`);
}

export async function seedCommand(options: { demo: boolean; contacts: number }) {
  const handle = await openDatabase();
  try {
    const bar = progressBar('Demo data');
    const result = await seedDemo(handle.db, { contacts: options.contacts, onProgress: bar.update });
    bar.stop();
    console.log(
      result.created
        ? `Demo workspace created. Log in as ${result.login.email} / ${result.login.password}`
        : `The demo workspace exists already; log in as ${result.login.email}.`,
    );
  } finally {
    await handle.close();
  }
}
