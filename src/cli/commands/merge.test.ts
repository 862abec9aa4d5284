import { and, eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { contacts } from '../../db/tables.js';
import { mergeTombstones } from '../../domain/merge/table.js';
import { useCli } from '../../test-support/cli.js';

const { kesher, openDb, newWorkspace } = useCli('kesher-merge-cli-');

describe('kesher merge', () => {
  test('merges with a chosen field and undoes through the same services as the API; bad input exits 1', { timeout: 240_000 }, async () => {
    const { slug, workspaceId, handle } = await newWorkspace('merge');
    const [s, a] = await handle.db
      .insert(contacts)
      .values([
        { workspaceId: workspaceId, firstName: 'Dana', lastName: '', email: 'dana@example.test' },
        { workspaceId: workspaceId, firstName: 'Dana', lastName: 'Levi', email: 'dana.levi@example.test', city: 'Haifa' },
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
    const after = openDb();
    try {
      const [back] = await after.db.select().from(contacts).where(and(eq(contacts.workspaceId, workspaceId), eq(contacts.id, a!.id)));
      expect(back!.deletedAt).toBeNull();
      expect(await after.db.select().from(mergeTombstones).where(eq(mergeTombstones.workspaceId, workspaceId))).toEqual([]);
    } finally {
      await after.close();
    }
    expect((await kesher('merge', 'undo', merge.id, '--workspace', slug)).stderr).toContain('undone already');
  });
});
