import { describe, expect, test } from 'vitest';
import { useCli } from '../../test-support/cli.js';
import { contacts } from '../../db/tables.js';
import { pseudonymOf } from '../../domain/privacy/erase.js';

const { kesher, newWorkspace } = useCli('kesher-privacy-cli-');

describe('kesher privacy', () => {
  test('exports a person as JSON or HTML, counts retention in a dry run, and erases', { timeout: 180_000 }, async () => {
    const { stamp, slug, workspaceId, handle } = await newWorkspace('privacy');
    let id: string;
    try {
      const [row] = await handle.db.insert(contacts).values({ workspaceId, firstName: 'Cli', lastName: `Person${stamp}`, email: `cli.${stamp}@example.test` }).returning();
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
