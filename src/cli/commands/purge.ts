import { purgeExpired } from '../../domain/trash/purge.js';
import { openDatabase } from '../database.js';

/** `kesher purge [--workspace slug] [--dry-run]`: empties the trash past each workspace's retention. */
export async function purgeCommand(options: { workspace?: string; dryRun?: boolean }) {
  const handle = await openDatabase();
  try {
    const results = await purgeExpired(handle.db, { workspace: options.workspace, dryRun: options.dryRun });
    const verb = options.dryRun ? 'would purge' : 'purged';
    for (const r of results.filter((r) => r.purged > 0)) console.log(`${r.workspace}: ${verb} ${r.purged} ${r.recordType} record(s)`);
    const total = results.reduce((sum, r) => sum + r.purged, 0);
    console.log(`${options.dryRun ? 'Dry run: would purge' : 'Purged'} ${total} record(s) past their workspace's trash retention.`);
  } finally {
    await handle.close();
  }
}
