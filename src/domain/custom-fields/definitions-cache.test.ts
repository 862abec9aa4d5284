import { eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { useTestApp } from '../../test-support/db.js';
import { logIn, makeWorkspace } from '../../test-support/fixtures.js';
import { customFields } from './table.js';

// Lists read a workspace's field definitions from a per-process cache (1 s); these tests stand in for a
// second process by changing the definitions behind the cache's back.
const { db, app } = await useTestApp();

describe('cached field definitions', async () => {
  const { workspace, owner } = await makeWorkspace(db);
  const session = await logIn(app, owner.email);
  const list = (filter: object) =>
    app.inject({ method: 'GET', url: `/api/contacts?filter=${encodeURIComponent(JSON.stringify(filter))}`, headers: session.headers });
  const create = async (labelEn: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/custom-fields',
      headers: session.headers,
      payload: { recordType: 'contact', labelHe: labelEn, labelEn, type: 'text' },
    });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; key: string; version: number };
  };

  test('a field created through this process filters at once', async () => {
    const first = await create('First');
    expect((await list({ field: `custom.${first.key}`, op: 'eq', value: 'x' })).statusCode).toBe(200);
    const second = await create('Second');
    expect((await list({ field: `custom.${second.key}`, op: 'eq', value: 'x' })).statusCode).toBe(200);
  });

  test('a field another process created a moment ago is found, not refused as unknown', async () => {
    const known = await create('Known');
    expect((await list({ field: `custom.${known.key}`, op: 'eq', value: 'x' })).statusCode).toBe(200);
    await db.insert(customFields).values({
      workspaceId: workspace.id,
      recordType: 'contact',
      key: 'cf_elsewhere',
      labelHe: 'אחר',
      labelEn: 'Elsewhere',
      type: 'text',
      options: [],
      config: {},
      position: 99,
    });
    const response = await list({ field: 'custom.cf_elsewhere', op: 'eq', value: 'x' });
    expect(response.statusCode, response.body).toBe(200);
  });

  test('a field another process archived is refused within a second', async () => {
    const field = await create('Soon archived');
    const filter = { field: `custom.${field.key}`, op: 'eq', value: 'x' };
    expect((await list(filter)).statusCode).toBe(200);
    await db.update(customFields).set({ archivedAt: sql`now()` }).where(eq(customFields.id, field.id));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const response = await list(filter);
    expect(response.statusCode).toBe(400);
    expect(response.json().fields[0].message).toMatch(/archived/i);
  });

  test('archiving through this process is refused on the very next request', async () => {
    const field = await create('Archived here');
    const filter = { field: `custom.${field.key}`, op: 'eq', value: 'x' };
    expect((await list(filter)).statusCode).toBe(200);
    const archived = await app.inject({
      method: 'PATCH',
      url: `/api/custom-fields/${field.id}`,
      headers: session.headers,
      payload: { archived: true, version: field.version },
    });
    expect(archived.statusCode, archived.body).toBe(200);
    expect((await list(filter)).statusCode).toBe(400);
  });
});
