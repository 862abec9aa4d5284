import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { createDb } from '../../db/client.js';
import { contacts, workspaces } from '../../db/tables.js';
import { mergeTombstones } from '../../domain/merge/table.js';
import { useCli } from '../../test-support/cli.js';

const { dataDir, kesher } = useCli('kesher-merge-cli-');

describe('kesher merge', () => {
  test('merges with a chosen field and undoes through the same services as the API; bad input exits 1', { timeout: 240_000 }, async () => {
    const stamp = Date.now();
    const slug = `merge-${stamp}`;
    await kesher('user', 'create', '--email', `m-${stamp}@example.test`, '--name', 'Owner', '--password', 'a-long-password');
    expect((await kesher('workspace', 'create', '--name', 'M', '--slug', slug, '--owner', `m-${stamp}@example.test`)).code).toBe(0);
    const handle = createDb({ databaseUrl: process.env.KESHER_TEST_DATABASE_URL, dataDir: join(dataDir, 'pglite') });
    const db = handle.db;
    const [workspace] = await db.select().from(workspaces).where(eq(workspaces.slug, slug));
    const [s, a] = await db
      .insert(contacts)
      .values([
        { workspaceId: workspace!.id, firstName: 'Dana', lastName: '', email: 'dana@example.test' },
        { workspaceId: workspace!.id, firstName: 'Dana', lastName: 'Levi', email: 'dana.levi@example.test', city: 'Haifa' },
      ])
      .returning();
    await handle.close();

    const oneId = await kesher('merge', 'contact', s!.id, '--workspace', slug);
    expect(oneId.code).toBe(1);
    expect(oneId.stderr).toContain('ids');
    expect((await kesher('merge', 'planet', s!.id, a!.id, '--workspace', slug)).stderr).toContain('type: Not a record type');

    const merged = await kesher('merge', 'contact', s!.id, a!.id, '--field', `lastName=${a!.id}`, '--workspace', slug, '--json');
    expect(merged.code, merged.stderr).toBe(0);
    const { merge, item } = JSON.parse(merged.stdout) as { merge: { id: string; mergedIds: string[] }; item: { lastName: string; city: string } };
    expect(merge.mergedIds).toEqual([a!.id]);
    expect(item).toMatchObject({ lastName: 'Levi', city: 'Haifa' });

    const undone = await kesher('merge', 'undo', merge.id, '--workspace', slug);
    expect(undone.code, undone.stderr).toBe(0);
    expect(undone.stdout).toContain('1 contact record(s) are back');
    const after = createDb({ databaseUrl: process.env.KESHER_TEST_DATABASE_URL, dataDir: join(dataDir, 'pglite') });
    try {
      const [back] = await after.db.select().from(contacts).where(and(eq(contacts.workspaceId, workspace!.id), eq(contacts.id, a!.id)));
      expect(back!.deletedAt).toBeNull();
      expect(await after.db.select().from(mergeTombstones).where(eq(mergeTombstones.workspaceId, workspace!.id))).toEqual([]);
    } finally {
      await after.close();
    }
    expect((await kesher('merge', 'undo', merge.id, '--workspace', slug)).stderr).toContain('undone already');
  });
});
