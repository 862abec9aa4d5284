import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, test } from 'vitest';
import { cliEntry, embeddedEnv, freePort, runKesher, spawnProcess } from '../test-support/processes.js';
import { firstOwnerExample } from './first-owner.js';
import { demoLogin } from './seed-demo.js';

const root = mkdtempSync(join(tmpdir(), 'kesher-start-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const ownerPassword = 'Tzfat-harbour-7391-q';

async function startServer(env: NodeJS.ProcessEnv, ...args: string[]) {
  const port = await freePort();
  const server = spawnProcess(process.execPath, [...cliEntry, 'start', ...args], { ...env, PORT: String(port) });
  await server.waitFor('API docs');
  const login = (email: string, password: string) =>
    fetch(`http://127.0.0.1:${port}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }).then((r) => r.status);
  const stop = async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  };
  return { ...server, login, stop };
}

/** The `npx kesher …` commands a first start printed, before the line about colleagues, as argument lists. */
function printedCommands(output: string): string[][] {
  const block = output.slice(output.indexOf('No users yet'), output.indexOf('Colleagues join'));
  return [...block.matchAll(/npx kesher (.*)$/gm)].map((m) => [...m[1]!.matchAll(/"([^"]*)"|(\S+)/g)].map((t) => t[1] ?? t[2]!));
}

describe('kesher start: demo data only where a person asked for it', () => {
  test('the quick start (embedded, new data dir) seeds the demo and prints its login', async () => {
    const server = await startServer(embeddedEnv(join(root, 'quick')));
    expect(server.output()).toContain(`Demo login: ${demoLogin.email} / ${demoLogin.password}`);
    expect(await server.login(demoLogin.email, demoLogin.password)).toBe(200);
    await server.stop();
  }, 180_000);

  test('--no-demo on a new embedded database: no demo account, and the printed first-owner commands work in order', async () => {
    const env = embeddedEnv(join(root, 'no-demo'));
    const first = await startServer(env, '--no-demo');
    expect(first.output()).not.toContain(demoLogin.email);
    expect(first.output()).toContain('No users yet');
    expect(await first.login(demoLogin.email, demoLogin.password)).toBe(401);
    await first.stop();

    const commands = printedCommands(first.output());
    expect(commands.map((c) => c.slice(0, 2).join(' '))).toEqual(['user create', 'workspace create']);
    for (const args of commands) {
      const result = await runKesher(args, { ...env, KESHER_PASSWORD: ownerPassword });
      expect(result).toMatchObject({ code: 0, stderr: '' });
    }
    const second = await startServer(env);
    expect(second.output()).not.toContain('No users yet');
    expect(second.output()).not.toContain(demoLogin.email); // an existing database never gets the demo by default
    expect(await second.login(firstOwnerExample.email, ownerPassword)).toBe(200);
    await second.stop();
  }, 240_000);
});

const serverUrl = process.env.KESHER_TEST_DATABASE_URL;
describe.runIf(serverUrl)('kesher start on PostgreSQL', () => {
  test('without --demo creates no demo account and prints the first-owner commands, which work while it runs', async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const name = `kesher_start_${Date.now()}`;
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      const env = { ...embeddedEnv(join(root, 'pg')), DATABASE_URL: url.toString() };
      const server = await startServer(env);
      expect(server.output()).toContain('No users yet');
      expect(server.output()).toContain('with the same DATABASE_URL');
      expect(server.output()).not.toContain(demoLogin.email);
      const db = new pg.Client({ connectionString: url.toString() });
      await db.connect();
      expect((await db.query('select count(*)::int as n from users')).rows).toEqual([{ n: 0 }]);
      await db.end();

      for (const args of printedCommands(server.output())) {
        const result = await runKesher(args, { ...env, KESHER_PASSWORD: ownerPassword });
        expect(result).toMatchObject({ code: 0, stderr: '' });
      }
      expect(await server.login(firstOwnerExample.email, ownerPassword)).toBe(200);
      expect(await server.login(demoLogin.email, demoLogin.password)).toBe(401);
      await server.stop();

      const withDemo = await startServer(env, '--demo');
      expect(withDemo.output()).toContain(`Demo login: ${demoLogin.email}`);
      expect(await withDemo.login(demoLogin.email, demoLogin.password)).toBe(200);
      await withDemo.stop();
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 240_000);
});
