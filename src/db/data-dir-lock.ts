import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { AppError } from '../core/errors.js';

/**
 * One writer per embedded database: PGlite has no locking of its own, and two processes on one data
 * directory silently lose each other's writes. The lock is a file beside the data directory holding the
 * owner's pid and process start time; it is created atomically (a complete temp file hard-linked into
 * place, so nobody ever reads a half-written lock) and is stale when that process no longer exists.
 * See docs/decisions.md.
 */
export interface DataDirLock {
  path: string;
  release(): void;
}

interface Owner {
  pid: number;
  started: string;
}

/** The locks this process holds: path -> the content it wrote. */
const held = new Map<string, string>();
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/** The kernel's start time of a process (Linux /proc), so a recycled pid is not taken for the owner. */
function startTime(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? '';
  } catch {
    return '';
  }
}

function isAlive(owner: Owner): boolean {
  // Our own pid on a lock we do not hold is a previous life of this process (a container restarted).
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = startTime(owner.pid);
  return !owner.started || !now || now === owner.started;
}

function readOwner(path: string): Owner | undefined {
  try {
    const owner = JSON.parse(readFileSync(path, 'utf8')) as Owner;
    return Number.isInteger(owner.pid) ? owner : undefined;
  } catch {
    return undefined;
  }
}

/** Removes a stale lock under a short-lived guard, so two processes cannot both remove and retake it. */
function breakStaleLock(path: string, stale: string) {
  const guard = `${path}.break`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch {
    // Someone else is breaking it; a guard left by a crash in those few microseconds expires.
    try {
      if (Date.now() - statSync(guard).mtimeMs > 5000) unlinkSync(guard);
    } catch { /* gone already */ }
    return;
  }
  try {
    const current = (() => { try { return readFileSync(path, 'utf8'); } catch { return undefined; } })();
    if (current === stale) unlinkSync(path);
  } finally {
    closeSync(fd);
    unlinkSync(guard);
  }
}

/** Takes the lock or throws AppError('conflict') naming the pid that holds it. */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = `${dataDir.replace(/\/+$/, '')}.lock`;
  const mine: Owner = { pid: process.pid, started: startTime(process.pid) };
  const content = JSON.stringify(mine);
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(temp, content);
  try {
    for (let attempt = 0; attempt < 50; attempt++) {
      try {
        if (held.has(path)) throw Object.assign(new Error('held'), { code: 'EEXIST' });
        linkSync(temp, path);
        held.set(path, content);
        return { path, release: () => releaseLock(path) };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const raw = (() => { try { return readFileSync(path, 'utf8'); } catch { return undefined; } })();
      if (raw === undefined) continue; // released meanwhile: try again
      const owner = readOwner(path);
      if (held.has(path) || (owner && isAlive(owner))) {
        throw new AppError('conflict', `Kesher is running on this data directory (pid ${owner?.pid ?? process.pid}); stop it or use the HTTP API`, { lock: path });
      }
      breakStaleLock(path, raw);
      sleep(10 + attempt * 5);
    }
    throw new AppError('conflict', `Could not lock the data directory (${path}); remove the file if no Kesher process runs`);
  } finally {
    unlinkSync(temp);
  }
}

function releaseLock(path: string) {
  const content = held.get(path);
  if (content === undefined) return;
  held.delete(path);
  try {
    if (readFileSync(path, 'utf8') === content) unlinkSync(path);
  } catch { /* already gone */ }
}

// A process that ends without closing its database (an error, process.exit) still frees the lock;
// one killed outright leaves a stale lock, which the next process detects by the dead pid.
process.on('exit', () => {
  for (const path of [...held.keys()]) releaseLock(path);
});
