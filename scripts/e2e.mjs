// `npm run test:e2e`: build the web app, then run the browser tests (extra arguments go to vitest).
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;

function run(args) {
  const result = spawnSync('npx', args, { cwd: root, stdio: 'inherit' });
  if (result.error) throw result.error;
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(['vite', 'build', '--config', 'web/vite.config.ts']);
run(['vitest', 'run', '-c', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
