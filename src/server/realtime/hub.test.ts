import pg from 'pg';
import { describe, expect, test } from 'vitest';
import type { StreamEvent } from '../../domain/events/service.js';
import { useTestDb } from '../../test-support/db.js';
import { makeWorkspace } from '../../test-support/fixtures.js';
import { createEventHub } from './hub.js';
import { listenerFor } from './listen.js';

const databaseUrl = process.env.KESHER_TEST_DATABASE_URL;
const handle = await useTestDb();

const insertEvent = (client: pg.Client | pg.Pool, workspaceId: string, recordId: string) =>
  client.query(`insert into events (workspace_id, record_type, record_id, action) values ($1, 'contact', $2, 'updated') returning id`, [workspaceId, recordId]);

describe.runIf(databaseUrl)('event hub on PostgreSQL', () => {
  test('an event whose transaction commits after a later id was read still reaches the stream', async () => {
    const { workspace } = await makeWorkspace(handle.db);
    const hub = createEventHub({ db: handle.db, listen: listenerFor(handle), pollMs: 100 });
    const received: StreamEvent[] = [];
    await hub.subscribe({ workspaceId: workspace.id, visibility: { scope: 'all', ownerIds: null }, send: (e) => received.push(e) });
    const slow = new pg.Client({ connectionString: databaseUrl });
    await slow.connect();
    try {
      await slow.query('begin');
      const early = await insertEvent(slow, workspace.id, '00000000-0000-4000-8000-000000000001');
      const late = await insertEvent(handle.pool!, workspace.id, '00000000-0000-4000-8000-000000000002');
      await expect.poll(() => received.map((e) => e.id)).toEqual([Number(late.rows[0].id)]);
      await slow.query('commit');
      await expect.poll(() => received.map((e) => e.id)).toEqual([Number(late.rows[0].id), Number(early.rows[0].id)]);
    } finally {
      await slow.end();
      await hub.close();
    }
  });

  test("streams get only their workspace's events, and visibility filters by owner", async () => {
    const a = await makeWorkspace(handle.db);
    const b = await makeWorkspace(handle.db);
    const hub = createEventHub({ db: handle.db, listen: listenerFor(handle), pollMs: 60_000 });
    const all: StreamEvent[] = [];
    const none: StreamEvent[] = [];
    await hub.subscribe({ workspaceId: a.workspace.id, visibility: { scope: 'all', ownerIds: null }, send: (e) => all.push(e) });
    await hub.subscribe({ workspaceId: a.workspace.id, visibility: { scope: 'own', ownerIds: [b.owner.id] }, send: (e) => none.push(e) });
    try {
      await insertEvent(handle.pool!, b.workspace.id, '00000000-0000-4000-8000-000000000003');
      await insertEvent(handle.pool!, a.workspace.id, '00000000-0000-4000-8000-000000000004');
      await handle.pool!.query(`select pg_notify('kesher_events', '0')`);
      await expect.poll(() => all.map((e) => e.data.recordId)).toEqual(['00000000-0000-4000-8000-000000000004']);
      expect(none).toEqual([]);
    } finally {
      await hub.close();
    }
  });
});
