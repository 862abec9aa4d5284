import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { cliEntry, embeddedEnv, freePort, runKesher, spawnProcess } from '../test-support/processes.js';

const root = mkdtempSync(join(tmpdir(), 'kesher-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const password = 'lock-test-password-2026';

/** A new embedded data directory with one user created by the CLI. */
async function dataDirWithUser(name: string) {
  const dataDir = join(root, name);
  const created = await runKesher(['user', 'create', '--email', `first@${name}.test`, '--name', 'First', '--password', password], embeddedEnv(dataDir));
  expect(created.stderr).toBe('');
  return dataDir;
}

const lockOwner = (dataDir: string) => (JSON.parse(readFileSync(join(dataDir, 'pglite.lock'), 'utf8')) as { pid: number }).pid;

describe('one process per embedded data directory', () => {
  test('a CLI command refuses, naming the pid, while the server runs; the data dir is unharmed', async () => {
    const dataDir = await dataDirWithUser('running');
    const server = spawnProcess(process.execPath, [...cliEntry, 'start', '--no-demo'], embeddedEnv(dataDir, { PORT: String(await freePort()) }));
    await server.waitFor('Kesher is running');

    const refused = await runKesher(['user', 'create', '--email', 'second@running.test', '--name', 'Second', '--password', password], embeddedEnv(dataDir));
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain(`Kesher is running on this data directory (pid ${server.child.pid}); stop it or use the HTTP API`);
    expect(refused.stdout).not.toContain('created');

    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
    // After the server stopped: the first user is there, the refused one was never written.
    const again = await runKesher(['user', 'create', '--email', 'first@running.test', '--name', 'First', '--password', password], embeddedEnv(dataDir));
    expect(again.stderr).toMatch(/exists|taken|already/i);
    const second = await runKesher(['user', 'create', '--email', 'second@running.test', '--name', 'Second', '--password', password], embeddedEnv(dataDir));
    expect(second).toMatchObject({ code: 0, stderr: '' });
  }, 180_000);

  test('a lock left by a server killed with SIGKILL is taken over by the next command', async () => {
    const dataDir = await dataDirWithUser('crashed');
    const server = spawnProcess(process.execPath, [...cliEntry, 'start', '--no-demo'], embeddedEnv(dataDir, { PORT: String(await freePort()) }));
    await server.waitFor('Kesher is running');
    expect(lockOwner(dataDir)).toBe(server.child.pid);
    server.child.kill('SIGKILL');
    await server.exited;

    const next = await runKesher(['user', 'create', '--email', 'after@crashed.test', '--name', 'After', '--password', password], embeddedEnv(dataDir));
    expect(next).toMatchObject({ code: 0, stderr: '' });
    expect(next.stdout).toContain('User after@crashed.test created');
    expect(existsSync(join(dataDir, 'pglite.lock'))).toBe(false);
  }, 180_000);

  test('two CLI commands at once: one proceeds, the other refuses clearly, nothing is lost', async () => {
    const dataDir = await dataDirWithUser('concurrent');
    const create = (who: string) => runKesher(['user', 'create', '--email', `${who}@concurrent.test`, '--name', who, '--password', password], embeddedEnv(dataDir));
    const results = await Promise.all([create('alpha'), create('beta')]);
    const succeeded = results.filter((r) => r.code === 0);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    for (const r of results.filter((r) => r.code !== 0)) expect(r.stderr).toMatch(/Kesher is running on this data directory \(pid \d+\)/);

    // Whatever succeeded is stored: creating it again is refused as a duplicate, the rest can be created now.
    for (const who of ['alpha', 'beta']) {
      const again = await create(who);
      const first = results[who === 'alpha' ? 0 : 1]!;
      if (first.code === 0) expect(again.stderr).toMatch(/exists|taken|already/i);
      else expect(again).toMatchObject({ code: 0, stderr: '' });
    }
  }, 180_000);

  test('a CLI command stopped by SIGTERM frees the lock as it exits', async () => {
    const dataDir = join(root, 'interrupted');
    const seeding = spawnProcess(process.execPath, [...cliEntry, 'seed', '--demo', '--contacts', '100000'], embeddedEnv(dataDir));
    const lock = join(dataDir, 'pglite.lock');
    for (let i = 0; i < 300 && !existsSync(lock); i++) await new Promise((r) => setTimeout(r, 100));
    expect(lockOwner(dataDir)).toBe(seeding.child.pid);
    seeding.child.kill('SIGTERM');
    expect(await seeding.exited).toEqual({ code: 143, signal: null });
    expect(existsSync(lock)).toBe(false);
  }, 180_000);
});
