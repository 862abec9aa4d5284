import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { workspaces } from '../../db/tables.js';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeUser } from '../../test-support/fixtures.js';
import { createWorkspace } from './service.js';

const { db, app } = await useTestApp({ maxWorkspacesPerUser: 2 });
const slug = () => `cap-${Math.random().toString(36).slice(2, 10)}`;

describe('the per-user cap on created workspaces', () => {
  test('a user creates workspaces up to the cap, then gets a 403 quota_exceeded problem', async () => {
    const user = await makeUser(db);
    const session = await logIn(app, user.email);
    const create = () => app.inject({ method: 'POST', url: '/api/workspaces', headers: session.headers, payload: { name: 'Mine', slug: slug() } });
    expect((await create()).statusCode).toBe(201);
    expect((await create()).statusCode).toBe(201);
    const refused = await create();
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'quota_exceeded', limit: 2, detail: 'You can create at most 2 workspaces' });
    const listed = await app.inject({ method: 'GET', url: '/api/workspaces', headers: { cookie: session.cookie } });
    expect(listed.json().items).toHaveLength(2);
  });

  test('records who created a workspace, and another user has a cap of their own', async () => {
    const first = await makeUser(db);
    const second = await makeUser(db);
    for (let i = 0; i < 2; i++) await createWorkspace({ db, user: first }, { name: 'A', slug: slug() }, { maxPerUser: 2 });
    const created = await createWorkspace({ db, user: second }, { name: 'B', slug: slug() }, { maxPerUser: 2 });
    const [row] = await db.select().from(workspaces).where(eq(workspaces.id, created.id));
    expect(row!.createdBy).toBe(second.id);
  });

  test('concurrent creates by one user at the cap do not both pass', async () => {
    const user = await makeUser(db);
    await createWorkspace({ db, user }, { name: 'One', slug: slug() }, { maxPerUser: 2 });
    const results = await Promise.allSettled(
      Array.from({ length: 4 }, () => createWorkspace({ db, user }, { name: 'Race', slug: slug() }, { maxPerUser: 2 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'quota_exceeded' });
    expect(await db.$count(workspaces, eq(workspaces.createdBy, user.id))).toBe(2);
  });

  test('the CLI (no cap given) is not limited', async () => {
    const user = await makeUser(db);
    for (let i = 0; i < 4; i++) await createWorkspace({ db, user }, { name: 'Cli', slug: slug() });
    expect(await db.$count(workspaces, eq(workspaces.createdBy, user.id))).toBe(4);
  });
});
