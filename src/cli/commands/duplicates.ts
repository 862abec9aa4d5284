import { duplicateTypeSchema, type DuplicateType, type ScanGroup } from '../../domain/duplicates/schema.js';
import { latestDuplicateScan, runDuplicateScan, startDuplicateScan } from '../../domain/duplicates/scan.js';
import { openDatabase } from '../database.js';
import { ownerCtx } from '../owner-ctx.js';

/** `kesher duplicates scan [--workspace slug] [--type contact] [--json]`: scans, then prints the groups with scores and reasons. */
export async function scanDuplicatesCommand(options: { workspace?: string; type: string; json?: boolean }) {
  const type: DuplicateType = duplicateTypeSchema.parse(options.type);
  const handle = await openDatabase();
  try {
    const ctx = await ownerCtx(handle.db, options.workspace);
    const started = performance.now();
    const scan = await runDuplicateScan(ctx, (await startDuplicateScan(ctx, type)).id, type);
    const groups: ScanGroup[] = [];
    for (let cursor: string | undefined; ; ) {
      const page = await latestDuplicateScan(ctx, { type, limit: 100, cursor });
      groups.push(...page.groups);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    if (options.json) {
      console.log(JSON.stringify({ scan, groups }, null, 2));
      return;
    }
    const titles = new Map(groups.flatMap((g) => g.records.map((r) => [r.id, r.title])));
    for (const group of groups) {
      console.log(`\n${group.score.toFixed(3)}  ${group.records.map((r) => `${r.title}${r.subtitle ? ` <${r.subtitle}>` : ''}`).join('  |  ')}`);
      for (const pair of group.pairs) {
        const reasons = pair.reasons.map((r) => `${r.rule}${r.detail ? ` (${r.detail})` : ''} +${r.weight}`).join(', ');
        console.log(`   ${pair.score.toFixed(3)}  ${titles.get(pair.a)} ~ ${titles.get(pair.b)}: ${reasons}`);
      }
    }
    console.log(`\n${scan.groups} group(s), ${scan.pairs} likely duplicate pair(s) of ${type} records, in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  } finally {
    await handle.close();
  }
}
