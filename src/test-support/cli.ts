import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { afterAll, expect } from 'vitest';
import { createDb } from '../db/client.js';
import { workspaces } from '../db/tables.js';

const run = promisify(execFile);

/**
 * `kesher …` from source on the test database (PostgreSQL run) or a PGlite data dir of this file's
 * own (removed after the file): the runner and the data dir.
 */
export function useCli(prefix: string) {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const kesher = (...args: string[]) => {
    const env = { ...process.env, KESHER_DATA_DIR: dataDir, DATABASE_URL: process.env.KESHER_TEST_DATABASE_URL ?? '' };
    return run(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { env, timeout: 60_000 }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
    );
  };
  /** The database the commands write (close it before the next command on PGlite: the data dir is locked). */
  const openDb = () => createDb({ databaseUrl: process.env.KESHER_TEST_DATABASE_URL, dataDir: join(dataDir, 'pglite') });
  /** A new owner and workspace made with `kesher user create` and `kesher workspace create`, and the database opened on them. */
  const newWorkspace = async (prefix: string) => {
    const stamp = Date.now();
    const slug = `${prefix}-${stamp}`;
    const email = `${slug}@example.test`;
    await kesher('user', 'create', '--email', email, '--name', 'Owner', '--password', 'a-long-password');
    expect((await kesher('workspace', 'create', '--name', prefix, '--slug', slug, '--owner', email)).code).toBe(0);
    const handle = openDb();
    const [workspace] = await handle.db.select().from(workspaces).where(eq(workspaces.slug, slug));
    return { stamp, slug, workspaceId: workspace!.id, handle };
  };
  return { dataDir, kesher, openDb, newWorkspace };
}
