import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDb, type DbHandle } from '../src/db/client.js';
import { companyCopyColumns, companyLine, contactCopyColumns, contactLine, generateCompanies, generateContacts } from './generate.js';

export type Kind = 'pglite' | 'postgres';

export interface BenchDb {
  handle: DbHandle;
  /** Runs SQL text with parameters straight through the driver: the physical limit we compare with. */
  /** `name`: a named (prepared) statement on PostgreSQL, as the API's prepared queries send it. */
  raw(text: string, params: unknown[], name?: string): Promise<unknown[]>;
  version: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database: PGlite in a temporary data dir, or a new database on the PostgreSQL server. */
export async function openBenchDb(kind: Kind, serverUrl: string): Promise<BenchDb> {
  if (kind === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'kesher-bench-'));
    const handle = createDb({ dataDir: dir });
    await handle.migrate();
    const pglite = handle.pglite!;
    const [{ version }] = (await pglite.query<{ version: string }>('select version()')).rows as [{ version: string }];
    return {
      handle,
      version,
      raw: async (text, params) => (await pglite.query(text, params)).rows,
      drop: async () => {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `kesher_bench_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = createDb({ databaseUrl: url.toString(), poolSize: 20 });
  await handle.migrate();
  const pool = handle.pool!;
  const { rows } = await pool.query<{ server_version: string }>('show server_version');
  return {
    handle,
    version: `PostgreSQL ${rows[0]!.server_version}`,
    raw: async (text, params, name) => (await pool.query(name ? { name, text, values: params } : { text, values: params })).rows,
    drop: async () => {
      await handle.close();
      // pool.end() resolves before the server has seen every session go; a forced drop would then
      // terminate them and the pool would report "connection lost".
      for (let i = 0; i < 50; i++) {
        const { rows: [open] } = await admin.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
        if (open!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** COPY text rows into a table: pg-copy-streams on PostgreSQL, COPY FROM '/dev/blob' on PGlite. */
async function copyRows(db: BenchDb, target: string, lines: Iterable<string>) {
  const sql = `copy ${target} from`;
  if (db.handle.pglite) {
    await db.handle.pglite.query(`${sql} '/dev/blob'`, [], { blob: new Blob([[...lines].join('')]) });
    return;
  }
  const client = await db.handle.pool!.connect();
  try {
    await pipeline(Readable.from(lines), client.query(copyFrom(`${sql} stdin`)));
  } finally {
    client.release();
  }
}

/** Bulk-loads a workspace: `contacts / 50` companies, then `contacts` generated contacts, with COPY. */
export async function loadWorkspace(db: BenchDb, workspaceId: string, contacts: number, seed: number) {
  const companies = generateCompanies(Math.max(1, Math.round(contacts / 50)), seed);
  await copyRows(db, `companies ${companyCopyColumns}`, companies.map((company) => companyLine(workspaceId, company)));
  const ids = companies.map((company) => company.id);
  await copyRows(db, `contacts ${contactCopyColumns}`, (function* () {
    for (const contact of generateContacts(contacts, ids, seed)) yield contactLine(workspaceId, contact);
  })());
}
