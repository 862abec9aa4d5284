import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { lockDataDir } from './data-dir-lock.js';

const root = mkdtempSync(join(tmpdir(), 'kesher-lockfile-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const dir = () => join(root, `data-${++n}`);
const deadPid = () => Number(execFileSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }));

describe('lockDataDir', () => {
  test('a second lock on the same directory is refused, naming the holder; release frees it', () => {
    const dataDir = dir();
    const lock = lockDataDir(dataDir);
    expect(() => lockDataDir(dataDir)).toThrow(`Kesher is running on this data directory (pid ${process.pid}); stop it or use the HTTP API`);
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    lockDataDir(dataDir).release();
  });

  test('a lock held by another live process is refused with its pid', () => {
    const dataDir = dir();
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: process.ppid, started: '' }));
    expect(() => lockDataDir(dataDir)).toThrow(`(pid ${process.ppid})`);
    expect(JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8'))).toEqual({ pid: process.ppid, started: '' });
  });

  test('a stale lock is taken over: dead pid, recycled pid (other start time), our own pid from a previous life', () => {
    for (const owner of [{ pid: deadPid(), started: '' }, { pid: process.ppid, started: '1' }, { pid: process.pid, started: '1' }]) {
      const dataDir = dir();
      writeFileSync(`${dataDir}.lock`, JSON.stringify(owner));
      const lock = lockDataDir(dataDir);
      expect((JSON.parse(readFileSync(lock.path, 'utf8')) as { pid: number }).pid).toBe(process.pid);
      lock.release();
    }
  });

  test('releasing never removes a lock another process has taken since', () => {
    const dataDir = dir();
    const lock = lockDataDir(dataDir);
    writeFileSync(lock.path, JSON.stringify({ pid: process.ppid, started: '' }));
    lock.release();
    expect(existsSync(lock.path)).toBe(true);
  });

  test('six processes racing for one stale lock: exactly one gets it', async () => {
    const dataDir = dir();
    writeFileSync(`${dataDir}.lock`, JSON.stringify({ pid: deadPid(), started: '' }));
    const script = `import { lockDataDir } from './src/db/data-dir-lock.ts';
      try { lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); await new Promise((r) => setTimeout(r, 1500)); }
      catch (e) { console.log(e.message); }`;
    const run = () => promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]).then((r) => r.stdout.trim());
    const results = await Promise.all(Array.from({ length: 6 }, run));
    expect(results.filter((r) => r === 'locked')).toHaveLength(1);
    expect(results.filter((r) => r.startsWith('Kesher is running on this data directory (pid '))).toHaveLength(5);
  }, 60_000);
});
