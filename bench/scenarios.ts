import { sql } from 'drizzle-orm';
import pg from 'pg';
import { queryRows } from '../src/db/client.js';
import { encodeCursor } from '../src/domain/contacts/cursor.js';
import type { ListContactsQuery } from '../src/domain/contacts/schema.js';
import type { BenchDb } from './databases.js';

export interface Scenario {
  name: string;
  query: ListContactsQuery;
}

/** What the contacts screen does: first page, a page deep in the list, and searches of each kind. */
export async function contactScenarios(db: BenchDb, workspaceId: string, contacts: number): Promise<Scenario[]> {
  const depth = Math.floor(contacts / 2);
  const [middle] = await queryRows<{ sort_name: string; id: string }>(db.handle.db, sql`
    select sort_name, id from contacts where workspace_id = ${workspaceId} and deleted_at is null
    order by sort_name, id offset ${depth} limit 1`);
  return [
    { name: 'first page (50)', query: { limit: 50 } },
    { name: `deep page at row ${depth.toLocaleString('en')}`, query: { limit: 50, cursor: encodeCursor(middle!.sort_name, middle!.id) } },
    { name: 'search name "כהן"', query: { limit: 50, q: 'כהן' } },
    { name: 'search name "cohen"', query: { limit: 50, q: 'cohen' } },
    { name: 'search email "avid.12"', query: { limit: 50, q: 'avid.12' } },
    { name: 'search phone "054-12"', query: { limit: 50, q: '054-12' } },
  ];
}

export const queryString = (query: ListContactsQuery) =>
  new URLSearchParams(Object.entries(query).map(([key, value]) => [key, String(value)])).toString();

export interface Captured {
  text: string;
  params: unknown[];
  /** A named statement's name (the API prepares its hottest queries). */
  name?: string;
}

/**
 * Every query the driver receives while `action` runs: drizzle calls `query` on the pg pool or the
 * PGlite instance, so wrapping that method shows exactly what one API request costs the database.
 */
export async function captureQueries(db: BenchDb, action: () => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  const record = (args: unknown[]) => {
    const [first, second] = args as [string | { text: string; values?: unknown[]; name?: string }, unknown[] | undefined];
    if (typeof first === 'string') captured.push({ text: first, params: second ?? [] });
    else captured.push({ text: first.text, params: second ?? first.values ?? [], ...(first.name && { name: first.name }) });
  };
  type Queryable = { query: (...args: unknown[]) => unknown };
  const spy = (target: Queryable) => {
    const original = target.query;
    target.query = function (this: unknown, ...args: unknown[]) {
      record(args);
      return original.apply(this, args);
    };
    return () => (target.query = original);
  };
  const restore: (() => void)[] = [];
  if (db.handle.pool) {
    // Every query, the pool's and a transaction's checked-out client's alike, goes through Client#query.
    restore.push(spy(pg.Client.prototype as unknown as Queryable));
  } else {
    const pglite = db.handle.pglite as unknown as Queryable & { transaction: (cb: (tx: Queryable) => unknown) => unknown };
    restore.push(spy(pglite));
    const transaction = pglite.transaction;
    pglite.transaction = function (this: unknown, cb: (tx: Queryable) => unknown) {
      return transaction.call(this, (tx: Queryable) => {
        spy(tx);
        return cb(tx);
      });
    };
    restore.push(() => (pglite.transaction = transaction));
  }
  try {
    await action();
  } finally {
    for (const undo of restore) undo();
  }
  return captured;
}

export interface Plan {
  /** Plan nodes, outermost first. */
  nodes: string;
  executionMs: number;
  /** The whole EXPLAIN output, for the console. */
  text: string;
}

/**
 * EXPLAIN ANALYZE of one query on an idle database. Besides the plan nodes it notes, for the scan of
 * `contacts`, the planner's row estimate against the rows it really produced and filtered away: a
 * search whose estimate is far off is the one whose plan changes from one ANALYZE to the next.
 */
export async function explain(db: BenchDb, text: string, params: unknown[]): Promise<Plan> {
  const lines = ((await db.raw(`explain analyze ${text}`, params)) as { 'QUERY PLAN': string }[]).map((p) => p['QUERY PLAN']);
  const execution = lines.find((line) => line.startsWith('Execution Time:'));
  const node = (line: string) => line.trim().replace(/^->\s*/, '').replace(/\s+\(cost=.*$/, '');
  // Detail lines (Sort Key:, Filter:, Planning Time:) have a colon; node lines do not.
  const nodes = lines.filter((line) => !line.includes(':')).map(node);
  const scanAt = lines.findIndex((line) => /Scan.* on contacts /.test(line));
  let scan = '';
  if (scanAt >= 0) {
    const estimated = /cost=\S+ rows=(\d+)/.exec(lines[scanAt]!)?.[1];
    const actual = /actual time=\S+ rows=([\d.]+)/.exec(lines[scanAt]!)?.[1];
    const rest = lines.slice(scanAt + 1);
    const nextNode = rest.findIndex((line) => line.includes('->'));
    const details = nextNode < 0 ? rest : rest.slice(0, nextNode);
    const removed = /Rows Removed by Filter: (\d+)/.exec(details.join('\n'))?.[1];
    scan = `; contacts scan: estimated ${estimated} rows, produced ${Number(actual)}${removed ? `, removed by filter ${removed}` : ''}`;
  }
  const executionMs = execution ? Number.parseFloat(execution.split(':')[1]!) : NaN;
  return { nodes: nodes.join(' → ') + scan, executionMs, text: lines.join('\n') };
}
