import type { Db } from './client.js';

/**
 * A query built once per database handle and then run with `sql.placeholder` values: building
 * drizzle's SQL text costs about as much as a cheap query's round trip (~0.3 ms), and PostgreSQL parses
 * and plans a named statement once per connection. A transaction is a handle of its own, so one
 * prepares afresh and runs inside it.
 */
export function preparedPerHandle<P>(name: string, build: (db: Db) => { prepare(name: string): P }): (db: Db) => P {
  const prepared = new WeakMap<object, P>();
  return (db) => {
    let query = prepared.get(db);
    if (!query) prepared.set(db, (query = build(db).prepare(name)));
    return query;
  };
}
