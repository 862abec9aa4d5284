// `npm start`: build if needed, then `kesher start` (migrate, seed the demo on a new embedded database, listen).
// A supervisor must see what happened to the server: its exit status is ours, and when it dies from a
// signal we die from the same signal. SIGINT/SIGTERM to us stop it; if we are killed outright, the IPC
// channel closes and the server stops itself (src/cli/commands/start.ts).
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { buildIfNeeded } from './build-if-needed.mjs';

const root = new URL('..', import.meta.url).pathname;
// KESHER_FROM_SOURCE=1 runs the TypeScript sources with tsx instead of building (tests use it).
const fromSource = process.env.KESHER_FROM_SOURCE === '1';
if (!fromSource) buildIfNeeded();
const entry = fromSource ? ['--import', 'tsx', 'src/cli/main.ts'] : ['dist/cli/main.js'];
const child = spawn(process.execPath, [...entry, 'start', ...process.argv.slice(2)], {
  cwd: root,
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});

const forward = (signal) => child.kill(signal);
const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'];
for (const signal of signals) process.on(signal, forward);

// npm 11 passes SIGTERM to its script shell, which dies without passing it on to us: when our parent
// is gone we are orphaned (re-parented), and stop the server as if we had been told to.
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid !== parent) forward('SIGTERM');
}, 500);

child.on('exit', (code, signal) => {
  clearInterval(watch);
  if (signal) {
    for (const s of signals) process.off(s, forward);
    process.kill(process.pid, signal);
    // Should the signal not end us (one that is ignored by default), exit as a shell would report it.
    setTimeout(() => process.exit(128 + (constants.signals[signal] ?? 0)), 100);
    return;
  }
  process.exit(code ?? 1);
});

