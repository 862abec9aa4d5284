import { sql, type SQL } from 'drizzle-orm';
import { queryRows } from './client.js';
import { describe, expect, test } from 'vitest';
import { useTestDb } from '../test-support/db.js';

// Tables that are not per tenant (Citus reference tables): everything else must be keyed by workspace.
const globalTables = ['users', 'sessions', 'workspaces', 'rate_limits', 'login_throttles'];
const linkTables = ['contact_companies', 'team_members', 'activity_links', 'search_terms', 'duplicate_rules', 'duplicate_dismissals', 'merge_tombstones', 'privacy_settings'];

const { db } = await useTestDb();
const rows = <T>(query: SQL) => queryRows<T>(db, query);

const tables = await rows<{ table_name: string }>(sql`
  select table_name from information_schema.tables
  where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
const tenantTables = tables.map((t) => t.table_name).filter((name) => !globalTables.includes(name));

/** Columns of every constraint of a kind (p = primary key, u = unique, f = foreign key), in key order. */
const constraints = await rows<{ table_name: string; name: string; kind: string; columns: string[]; ref_table: string | null; ref_columns: string[] | null }>(sql`
  select c.conrelid::regclass::text as table_name, c.conname as name, c.contype as kind,
    array(select a.attname from unnest(c.conkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i)::text[] as columns,
    c.confrelid::regclass::text as ref_table,
    array(select a.attname from unnest(c.confkey) with ordinality k(n, i)
          join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i)::text[] as ref_columns
  from pg_constraint c join pg_namespace ns on ns.oid = c.connamespace
  where ns.nspname = 'public' and c.contype in ('p', 'u', 'f')`);

const uniqueIndexes = await rows<{ table_name: string; name: string; definition: string }>(sql`
  select tablename as table_name, indexname as name, indexdef as definition from pg_indexes
  where schemaname = 'public' and indexdef like 'CREATE UNIQUE INDEX%'`);

describe('every tenant table is ready to be sharded by workspace', () => {
  test('the schema has tenant tables and knows its global ones', () => {
    expect(tenantTables).toEqual(expect.arrayContaining(['contacts', 'companies', 'memberships', 'api_keys', 'invitations']));
    for (const name of globalTables) expect(tables.map((t) => t.table_name)).toContain(name);
  });

  // Link tables (contact_companies, team_members, activity_links) have no id: their key is the pair.
  test.each(tenantTables)('%s has primary key (workspace_id, id), or (workspace_id, …) for a link table', (table) => {
    const pk = constraints.find((c) => c.table_name === table && c.kind === 'p');
    if (linkTables.includes(table)) expect(pk?.columns[0]).toBe('workspace_id');
    else expect(pk?.columns).toEqual(['workspace_id', 'id']);
  });

  test.each(tenantTables)('%s: every unique key includes workspace_id', (table) => {
    for (const key of constraints.filter((c) => c.table_name === table && c.kind === 'u')) {
      expect(key.columns, key.name).toContain('workspace_id');
    }
    for (const index of uniqueIndexes.filter((i) => i.table_name === table)) {
      expect(index.definition, index.name).toMatch(/\bworkspace_id\b/);
    }
  });

  test.each(tenantTables)('%s: every foreign key to a tenant table goes through workspace_id', (table) => {
    for (const fk of constraints.filter((c) => c.table_name === table && c.kind === 'f')) {
      if (globalTables.includes(fk.ref_table!)) continue; // a reference table may be pointed at directly
      expect(fk.columns[0], fk.name).toBe('workspace_id');
      expect(fk.ref_columns?.[0], fk.name).toBe('workspace_id');
    }
  });

  test('global tables point at no tenant table', () => {
    for (const fk of constraints.filter((c) => globalTables.includes(c.table_name) && c.kind === 'f')) {
      expect(globalTables, fk.name).toContain(fk.ref_table);
    }
  });
});
