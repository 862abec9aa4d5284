import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { embeddedEnv, freePort, groupMembers, spawnProcess } from '../src/test-support/processes.js';

const root = mkdtempSync(join(tmpdir(), 'kesher-npm-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `npm start -- --no-demo` from source (no build) on a new data dir, in a process group of its own. */
async function npmStart(name: string) {
  const port = await freePort();
  const env = embeddedEnv(join(root, name), { PORT: String(port), KESHER_FROM_SOURCE: '1' });
  const npm = spawnProcess('npm', ['start', '--', '--no-demo'], env);
  await npm.waitFor('API docs');
  const serverPid = Number(/pid (\d+)\)/.exec(npm.output())![1]);
  return { ...npm, port, serverPid };
}

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.on('connect', () => { socket.destroy(); resolve(true); });
    socket.on('error', () => resolve(false));
  });

async function eventually(check: () => boolean | Promise<boolean>, ms = 15_000) {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) if (await check()) return true;
  return check();
}

describe('npm start under a supervisor', () => {
  // A supervisor sends SIGTERM to the process it started; Ctrl+C sends SIGINT to the terminal's whole
  // process group (npm 11 ignores a SIGINT sent to it alone, expecting its script to get it too).
  test.each([
    { to: 'SIGTERM to the npm process', signal: 'SIGTERM', group: false },
    { to: 'SIGINT to the process group (Ctrl+C)', signal: 'SIGINT', group: true },
  ] as const)('$to stops the server: the port is released and no process of it remains', async ({ signal, group }) => {
    const started = await npmStart(signal);
    expect(await portOpen(started.port)).toBe(true);
    process.kill(group ? -started.child.pid! : started.child.pid!, signal);
    await started.exited;
    expect(await eventually(async () => !(await portOpen(started.port)))).toBe(true);
    expect(await eventually(() => groupMembers(started.child.pid!).length === 0)).toBe(true);
  }, 180_000);

  test('when the server is killed, npm start fails too (a supervisor sees it and restarts)', async () => {
    const started = await npmStart('killed');
    process.kill(started.serverPid, 'SIGKILL');
    const { code, signal } = await started.exited;
    expect({ code, signal }).not.toEqual({ code: 0, signal: null });
    expect(await eventually(() => groupMembers(started.child.pid!).length === 0)).toBe(true);
  }, 180_000);
});
