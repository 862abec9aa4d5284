import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { createDb, type DbHandle } from '../src/db/client.js';
import { copyColumns, copyLine, generateContacts } from './generate.js';

export type Kind = 'pglite' | 'postgres';

export interface BenchDb {
  handle: DbHandle;
  /** Runs SQL text with parameters straight through the driver: the physical limit we compare with. */
  raw(text: string, params: unknown[]): Promise<unknown[]>;
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
    raw: async (text, params) => (await pool.query(text, params)).rows,
    drop: async () => {
      await handle.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Bulk-loads `count` generated contacts into a workspace with COPY (both databases speak it). */
export async function loadContacts(db: BenchDb, workspaceId: string, count: number, seed: number) {
  const sql = `copy contacts ${copyColumns} from`;
  if (db.handle.pglite) {
    const lines: string[] = [];
    for (const contact of generateContacts(count, seed)) lines.push(copyLine(workspaceId, contact));
    await db.handle.pglite.query(`${sql} '/dev/blob'`, [], { blob: new Blob([lines.join('')]) });
  } else {
    const client = await db.handle.pool!.connect();
    try {
      const rows = Readable.from((function* () {
        for (const contact of generateContacts(count, seed)) yield copyLine(workspaceId, contact);
      })());
      await pipeline(rows, client.query(copyFrom(`${sql} stdin`)));
    } finally {
      client.release();
    }
  }
  await db.raw('analyze contacts', []);
}
