import { writeFile } from 'node:fs/promises';
import { cliCtx } from '../../domain/privacy/cli.js';
import { eraseContact } from '../../domain/privacy/erase.js';
import { renderExportHtml } from '../../domain/privacy/export-html.js';
import { exportContact } from '../../domain/privacy/export.js';
import { applyRetention } from '../../domain/privacy/retention.js';
import { openDatabase } from '../database.js';

async function withDatabase<T>(run: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const handle = await openDatabase();
  try {
    return await run(handle.db);
  } finally {
    await handle.close();
  }
}

/** `kesher privacy retention [--workspace slug] [--dry-run]`: anonymises or erases contacts inactive past each workspace's retention. */
export async function privacyRetentionCommand(options: { workspace?: string; dryRun?: boolean }) {
  await withDatabase(async (db) => {
    const results = await applyRetention(db, options);
    for (const r of results.filter((r) => r.years !== null)) {
      const verb = options.dryRun ? `would ${r.action}` : r.action === 'erase' ? 'erased' : 'anonymised';
      console.log(`${r.workspace}: ${verb} ${r.contacts} contact(s) with no activity for ${r.years} year(s)`);
    }
    const total = results.reduce((sum, r) => sum + r.contacts, 0);
    console.log(`${options.dryRun ? 'Dry run: would act on' : 'Acted on'} ${total} contact(s); workspaces with retention off: ${results.filter((r) => r.years === null).length}.`);
  });
}

/** `kesher privacy export <contact-id> --workspace slug [--format json|html] [--lang he|en] [--output file]`. */
export async function privacyExportCommand(contactId: string, options: { workspace: string; format: 'json' | 'html'; lang: 'he' | 'en'; output?: string }) {
  await withDatabase(async (db) => {
    const data = await exportContact(await cliCtx(db, options.workspace), contactId);
    const text = options.format === 'html' ? renderExportHtml(data, options.lang) : `${JSON.stringify(data, null, 2)}\n`;
    if (options.output) {
      await writeFile(options.output, text, { mode: 0o600 });
      console.log(`Wrote ${options.output}`);
    } else process.stdout.write(text);
  });
}

/** `kesher privacy erase <contact-id> --workspace slug`: typing the id is the confirmation. */
export async function privacyEraseCommand(contactId: string, options: { workspace: string }) {
  await withDatabase(async (db) => {
    const result = await eraseContact(await cliCtx(db, options.workspace), contactId, { confirm: contactId });
    console.log(`Erased contact ${result.id}: now "${result.pseudonym}"; ${result.activitiesCleared} activit(ies) cleared, ${result.activitiesScrubbed} scrubbed, ${result.auditEntriesRewritten} audit entr(ies) rewritten.`);
  });
}
