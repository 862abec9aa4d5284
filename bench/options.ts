import { execFile } from 'node:child_process';
import { parseArgs, promisify } from 'node:util';
import type { Kind } from './databases.js';
import type { Measurement } from './measure.js';

/**
 * The options every bench script takes (`--db`, `--contacts`, `--duration`, `--warmup`, `--connections`,
 * or BENCH_* in the environment), and what follows from them.
 */
export function benchOptions(defaultContacts: number) {
  const { values } = parseArgs({
    options: {
      db: { type: 'string', default: process.env.BENCH_DB ?? 'both' },
      contacts: { type: 'string', default: process.env.BENCH_CONTACTS ?? String(defaultContacts) },
      duration: { type: 'string', default: process.env.BENCH_DURATION ?? '10' },
      warmup: { type: 'string', default: process.env.BENCH_WARMUP ?? '2' },
      connections: { type: 'string', default: process.env.BENCH_CONNECTIONS ?? '10' },
      // bench/records.ts only: PGlite's own size (default a tenth of --contacts), a CPU profile of the server.
      'pglite-contacts': { type: 'string', default: process.env.BENCH_PGLITE_CONTACTS },
      profile: { type: 'boolean', default: process.env.BENCH_PROFILE === '1' },
      'load-only': { type: 'boolean', default: false },
      // bench/search.ts only: use the kept database as it is (fail rather than generate).
      reuse: { type: 'boolean', default: false },
    },
  });
  if (!['both', 'pglite', 'postgres'].includes(values.db!)) throw new Error(`--db is pglite, postgres or both, not ${values.db}`);
  const run = { seconds: Number(values.duration), warmup: Number(values.warmup), connections: Number(values.connections) };
  return {
    contacts: Number(values.contacts),
    pgliteContacts: values['pglite-contacts'] ? Number(values['pglite-contacts']) : Math.round(Number(values.contacts) / 10),
    profile: values.profile === true,
    loadOnly: values['load-only'] === true,
    reuse: values.reuse === true,
    run,
    kinds: (values.db === 'both' ? ['pglite', 'postgres'] : [values.db]) as Kind[],
    serverUrl: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    /** autocannon in a child process (bench/http-load.ts), so the load does not share the server's event loop. */
    httpLoad: async (url: string, authorization = '-', request: { method?: string; body?: unknown; connections?: number } = {}): Promise<Measurement> => {
      const connections = request.connections ?? run.connections;
      const args = ['--import', 'tsx', 'bench/http-load.ts', url, authorization, String(connections), String(run.seconds), String(run.warmup)];
      if (request.method) args.push(request.method, ...(request.body === undefined ? [] : [JSON.stringify(request.body)]));
      const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { maxBuffer: 1 << 24 });
      if (stderr.trim()) log(stderr.trim());
      return JSON.parse(stdout.trim().split('\n').at(-1)!) as Measurement;
    },
  };
}

export const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);
