import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDb } from '../src/db/client.js';
import type { BenchDb, Kind } from './databases.js';
import { log } from './options.js';

/** The tables the records bench fills; their secondary indexes are dropped for the load and rebuilt after. */
export const loadedTables = ['companies', 'contacts', 'contact_companies', 'activities', 'activity_links'];

/**
 * The database the records bench keeps between runs, so the minutes of generation at 5M rows are paid
 * once: `kesher_bench` on the PostgreSQL server, or a PGlite data dir under the system's temp dir.
 * Migrations are applied on each open (a newer schema migrates the kept data like any install).
 */
export async function openKeptDb(kind: Kind, serverUrl: string): Promise<BenchDb & { location: string }> {
  if (kind === 'pglite') {
    const dir = process.env.BENCH_PGLITE_DIR ?? join(tmpdir(), 'kesher-bench-records');
    const handle = createDb({ dataDir: dir });
    await handle.migrate();
    const pglite = handle.pglite!;
    const { rows } = await pglite.query<{ version: string }>('select version()');
    return {
      handle,
      location: dir,
      version: rows[0]!.version.split(' on ')[0]!,
      raw: async (text, params) => (await pglite.query(text, params)).rows,
      drop: () => handle.close(),
    };
  }
  const name = process.env.BENCH_DATABASE ?? 'kesher_bench';
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (!rowCount) await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ databaseUrl: url.toString(), poolSize: 20 });
  await handle.migrate();
  const pool = handle.pool!;
  const { rows } = await pool.query<{ server_version: string }>('show server_version');
  return {
    handle,
    location: `${url.host}/${name}`,
    version: `PostgreSQL ${rows[0]!.server_version}`,
    raw: async (text, params) => (await pool.query(text, params)).rows,
    drop: () => handle.close(),
  };
}

/** What was loaded, kept in the database itself so the next run can reuse it. */
export async function readMeta<T>(db: BenchDb): Promise<T | undefined> {
  await db.raw('create table if not exists bench_meta (name text primary key, value jsonb not null)', []);
  const rows = (await db.raw("select value from bench_meta where name = 'records'", [])) as { value: T }[];
  return rows[0]?.value;
}

export async function writeMeta(db: BenchDb, value: unknown) {
  await db.raw("insert into bench_meta values ('records', $1) on conflict (name) do update set value = excluded.value", [JSON.stringify(value)]);
}

/** Empties the tables a previous load filled (a different shape), workspaces included. */
export async function clearKept(db: BenchDb) {
  await db.raw("delete from bench_meta where name = 'records'", []);
  await db.raw('truncate workspaces, users cascade', []);
  // Custom fields' expression indexes are per workspace: the old workspace's go with it.
  const stale = (await db.raw("select indexname from pg_indexes where schemaname = 'public' and indexname like '%\\_cf\\_%'", [])) as { indexname: string }[];
  for (const { indexname } of stale) await db.raw(`drop index ${indexname}`, []);
}

/**
 * Runs `load` with the secondary indexes of the loaded tables dropped and foreign-key triggers off
 * (session_replication_role = replica: the generated data is consistent by construction), then
 * rebuilds the indexes (the engine's expression index on a custom field among them) and ANALYZEs.
 */
export async function withoutIndexes(db: BenchDb, load: (copy: Copier) => Promise<void>) {
  const defs = (await db.raw(
    `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = any($1)
      and indexname not in (select conname from pg_constraint)`,
    [loadedTables],
  )) as { indexname: string; indexdef: string }[];
  for (const { indexname } of defs) await db.raw(`drop index ${indexname}`, []);
  const copier = await openCopier(db);
  try {
    await load(copier);
  } finally {
    await copier.close();
  }
  let started = performance.now();
  if (db.handle.pool) await db.raw("set maintenance_work_mem = '512MB'", []);
  for (const { indexname, indexdef } of defs) {
    const t0 = performance.now();
    await db.raw(indexdef, []);
    log(`index ${indexname}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  log(`indexes rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  started = performance.now();
  await db.raw('analyze', []);
  log(`analyze ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

export interface Copier {
  copy(target: string, lines: Iterable<string>): Promise<number>;
  /** Two tables from one generator of line pairs (activities and their links); `pairs` may be called twice. */
  copyPair(targets: [string, string], pairs: () => Iterable<[string, string]>): Promise<[number, number]>;
  close(): Promise<void>;
}

/** COPY through one session with FK triggers off: pg-copy-streams on PostgreSQL, '/dev/blob' chunks on PGlite. */
async function openCopier(db: BenchDb): Promise<Copier> {
  if (db.handle.pglite) {
    const pglite = db.handle.pglite;
    await pglite.query('set session_replication_role = replica');
    const copier: Copier = {
      async copy(target, lines) {
        let n = 0;
        let chunk: string[] = [];
        const flush = async () => {
          if (chunk.length) await pglite.query(`copy ${target} from '/dev/blob'`, [], { blob: new Blob(chunk) });
          chunk = [];
        };
        for (const line of lines) {
          chunk.push(line);
          if (++n % 100_000 === 0) await flush();
        }
        await flush();
        return n;
      },
      // One session: the two COPYs cannot interleave, so the (deterministic) generator runs twice.
      async copyPair([a, b], pairs) {
        const first = function* () {
          for (const [line] of pairs()) yield line;
        };
        const second = function* () {
          for (const [, line] of pairs()) yield line;
        };
        return [await copier.copy(a, first()), await copier.copy(b, second())];
      },
      close: async () => void (await pglite.query('set session_replication_role = origin')),
    };
    return copier;
  }
  const pool = db.handle.pool!;
  const clients = [await pool.connect(), await pool.connect()];
  for (const client of clients) await client.query('set session_replication_role = replica');
  const copy = async (client: pg.PoolClient, target: string, lines: Iterable<string>) => {
    let n = 0;
    // Chunks of a thousand lines: a stream chunk per line costs more than the COPY itself.
    const chunks = (function* () {
      let chunk: string[] = [];
      for (const line of lines) {
        chunk.push(line);
        if (++n % 1000 === 0) {
          yield chunk.join('');
          chunk = [];
        }
      }
      if (chunk.length) yield chunk.join('');
    })();
    await pipeline(Readable.from(chunks), client.query(copyFrom(`copy ${target} from stdin`)));
    return n;
  };
  return {
    copy: (target, lines) => copy(clients[0]!, target, lines),
    // Two sessions, one pass of the generator: each pair's lines go to their own COPY stream.
    async copyPair([a, b], pairs) {
      const streams = [clients[0]!.query(copyFrom(`copy ${a} from stdin`)), clients[1]!.query(copyFrom(`copy ${b} from stdin`))];
      const done = streams.map((stream) => new Promise<void>((resolve, reject) => stream.on('finish', resolve).on('error', reject)));
      const counts: [number, number] = [0, 0];
      const chunks: [string[], string[]] = [[], []];
      const lines = (text: string) => {
        let n = 0;
        for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) n++;
        return n;
      };
      const write = async (i: 0 | 1) => {
        if (!streams[i]!.write(chunks[i]!.join(''))) await new Promise((resolve) => streams[i]!.once('drain', resolve));
        chunks[i] = [];
      };
      for (const pair of pairs()) {
        for (const i of [0, 1] as const) {
          chunks[i].push(pair[i]);
          counts[i] += lines(pair[i]);
          if (chunks[i].length === 1000) await write(i);
        }
      }
      for (const i of [0, 1] as const) {
        if (chunks[i].length) await write(i);
        streams[i]!.end();
      }
      await Promise.all(done);
      return counts;
    },
    close: async () => {
      for (const client of clients) {
        await client.query('set session_replication_role = origin');
        client.release();
      }
    },
  };
}
