import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { useCli } from '../../test-support/cli.js';
import { createDb } from '../../db/client.js';
import { contacts, workspaces } from '../../db/tables.js';
import { pseudonymOf } from '../../domain/privacy/erase.js';

const { dataDir, kesher } = useCli('kesher-privacy-cli-');

describe('kesher privacy', () => {
  test('exports a person as JSON or HTML, counts retention in a dry run, and erases', { timeout: 180_000 }, async () => {
    const stamp = Date.now();
    const slug = `privacy-${stamp}`;
    await kesher('user', 'create', '--email', `p-${stamp}@example.test`, '--name', 'Owner', '--password', 'a-long-password');
    expect((await kesher('workspace', 'create', '--name', 'P', '--slug', slug, '--owner', `p-${stamp}@example.test`)).code).toBe(0);
    const handle = createDb({ databaseUrl: process.env.KESHER_TEST_DATABASE_URL, dataDir: join(dataDir, 'pglite') });
    let id: string;
    try {
      const [workspace] = await handle.db.select().from(workspaces).where(eq(workspaces.slug, slug));
      const [row] = await handle.db.insert(contacts).values({ workspaceId: workspace!.id, firstName: 'Cli', lastName: `Person${stamp}`, email: `cli.${stamp}@example.test` }).returning();
      id = row!.id;
    } finally {
      await handle.close();
    }

    const json = await kesher('privacy', 'export', id, '--workspace', slug);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'kesher.subject-access', contact: { id, email: `cli.${stamp}@example.test` } });
    const html = await kesher('privacy', 'export', id, '--workspace', slug, '--format', 'html', '--lang', 'en');
    expect(html.stdout).toContain('dir="ltr"');
    const dry = await kesher('privacy', 'retention', '--workspace', slug, '--dry-run');
    expect(dry.stdout).toContain('Dry run: would act on 0 contact(s)');
    const missing = await kesher('privacy', 'erase', '00000000-0000-4000-8000-000000000000', '--workspace', slug);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('Contact not found');
    const erased = await kesher('privacy', 'erase', id, '--workspace', slug);
    expect(erased.code, erased.stderr).toBe(0);
    expect(erased.stdout).toContain(pseudonymOf(id));
    const after = await kesher('privacy', 'export', id, '--workspace', slug);
    expect(after.stdout).not.toContain(`Person${stamp}`);
  });
});
