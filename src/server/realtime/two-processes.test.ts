import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { useTestDb } from '../../test-support/db.js';
import { makeWorkspace, testPassword } from '../../test-support/fixtures.js';
import { cliEntry, embeddedEnv, freePort, spawnProcess } from '../../test-support/processes.js';
import { insertContact } from '../../test-support/records.js';
import { openSse } from '../../test-support/sse.js';

const databaseUrl = process.env.KESHER_TEST_DATABASE_URL;
const root = mkdtempSync(join(tmpdir(), 'kesher-live-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** `kesher start` in a process of its own on the test database. */
async function startServer(name: string) {
  const port = await freePort();
  const env = { ...embeddedEnv(join(root, name)), DATABASE_URL: databaseUrl, PORT: String(port), KESHER_SECRET: 'two-processes-secret' };
  const server = spawnProcess(process.execPath, [...cliEntry, 'start'], env);
  await server.waitFor('API docs');
  const url = `http://127.0.0.1:${port}`;
  const login = async (email: string) => {
    const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: testPassword }) });
    const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie, 'x-csrf-token': csrfToken };
  };
  const stop = async () => {
    server.child.kill('SIGTERM');
    expect(await server.exited).toEqual({ code: 0, signal: null });
  };
  return { url, login, stop };
}

describe.runIf(databaseUrl)('live updates across two server processes on one PostgreSQL', () => {
  test('a change made through one appears on the other’s stream within a second, both ways', async () => {
    const { db } = await useTestDb();
    const { workspace, owner } = await makeWorkspace(db);
    const dana = await insertContact(db, workspace.id);
    const [a, b] = await Promise.all([startServer('a'), startServer('b')]);
    try {
      const onA = await a.login(owner.email);
      const onB = await b.login(owner.email);
      const streamA = await openSse(`${a.url}/api/events`, { cookie: onA.cookie });
      const streamB = await openSse(`${b.url}/api/events`, { cookie: onB.cookie });
      await Promise.all([streamA, streamB].map((s) => s.waitFor((f) => f.comments.includes('connected'))));

      for (const [writer, headers, reader] of [[a, onA, streamB], [b, onB, streamA]] as const) {
        const started = Date.now();
        const created = await fetch(`${writer.url}/api/activities`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ kind: 'note', body: `through ${writer.url}`, links: [{ recordType: 'contact', recordId: dana.id }] }),
        });
        expect(created.status).toBe(201);
        const { id } = (await created.json()) as { id: string };
        const frame = await reader.waitFor((f) => f.event === 'change' && JSON.parse(f.data).activityId === id, 1000);
        expect(Date.now() - started).toBeLessThan(1000);
        expect(JSON.parse(frame.data)).toMatchObject({ recordType: 'contact', recordId: dana.id, action: 'activity', actorUserId: owner.id });
      }
      // Open streams do not hold up a clean stop.
    } finally {
      await a.stop();
      await b.stop();
    }
  }, 180_000);
});
