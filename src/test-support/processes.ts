import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { afterAll } from 'vitest';

/** Real processes for the CLI and `npm start` tests: spawned from source with tsx, stopped after the file. */
const started: ChildProcess[] = [];
afterAll(() => {
  // Each was spawned as the leader of its own process group: stop what is left of the group (an
  // orphaned server too), not processes by name.
  for (const child of started) if (child.pid && groupMembers(child.pid).length) signalGroup(child.pid, 'SIGKILL');
});

export const cliEntry = ['--import', 'tsx', 'src/cli/main.ts'];

export function signalGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch { /* the group is gone */ }
}

/** The live (not zombie) processes of a process group, from /proc: our init may not reap orphans. */
export function groupMembers(pgid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid && state !== 'Z') members.push(Number(entry));
    } catch { /* ended meanwhile */ }
  }
  return members;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Spawned {
  child: ChildProcess;
  output: () => string;
  /** Resolves when the output contains `text`; rejects when the process ends first or after 90 s. */
  waitFor: (text: string) => Promise<void>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Spawns a long-running command (a server) in its own process group, collecting stdout and stderr. */
export function spawnProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Spawned {
  const child = spawn(command, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (wanted: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for "${wanted}":\n${text}`)), 90_000);
      const check = () => {
        if (!text.includes(wanted)) return;
        clearTimeout(timer);
        resolve();
      };
      child.stdout!.on('data', check);
      child.stderr!.on('data', check);
      void exited.then(() => {
        clearTimeout(timer);
        if (text.includes(wanted)) resolve();
        else reject(new Error(`exited before "${wanted}":\n${text}`));
      });
      check();
    });
  return { child, output: () => text, waitFor, exited };
}

/** Runs `kesher …` from source to completion. */
export function runKesher(args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, [...cliEntry, ...args], { env, timeout: 90_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

/** Environment for a child on the embedded database in `dataDir` (DATABASE_URL removed). */
export function embeddedEnv(dataDir: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, KESHER_DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...extra };
  delete env.DATABASE_URL;
  return env;
}
