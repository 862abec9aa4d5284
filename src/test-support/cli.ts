import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll } from 'vitest';

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
  return { dataDir, kesher };
}
