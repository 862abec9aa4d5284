import { AppError } from '../../core/errors.js';
import { createMerge, previewMerge, undoMerge } from '../../domain/merge/service.js';
import { openDatabase } from '../database.js';
import { ownerCtx } from '../owner-ctx.js';

export interface MergeOptions {
  workspace?: string;
  /** `key=recordId`: the field's value comes from that record (firstName=…, custom.size=…). */
  field: string[];
  json?: boolean;
}

const fieldChoices = (pairs: string[]) =>
  Object.fromEntries(
    pairs.map((pair) => {
      const at = pair.indexOf('=');
      if (at <= 0) throw new AppError('validation_failed', 'Request is not valid', { fields: [{ path: 'fields', message: `Write --field key=recordId, not ${pair}` }] });
      return [pair.slice(0, at), pair.slice(at + 1)];
    }),
  );

/**
 * `kesher merge <type> <survivorId> <otherId>... [--field key=id]... [--workspace slug] [--json]`, and
 * `kesher merge undo <mergeId>`: the API's services, as the workspace's owner (audited as "cli"). The
 * versions are the ones just read, as the merge page sends the ones it showed.
 */
export async function mergeCommand(type: string, ids: string[], options: MergeOptions) {
  const handle = await openDatabase();
  try {
    const ctx = await ownerCtx(handle.db, options.workspace);
    if (type === 'undo') {
      if (ids.length !== 1) throw new AppError('validation_failed', 'Name one merge: kesher merge undo <merge-id>');
      const undone = await undoMerge(ctx, ids[0]!);
      if (options.json) return console.log(JSON.stringify(undone, null, 2));
      const kept = undone.keptFields.length ? ` The survivor kept its later values of: ${undone.keptFields.join(', ')}.` : '';
      return console.log(`Undid merge ${undone.merge.id}: ${undone.merge.mergedIds.length} ${undone.merge.type} record(s) are back.${kept}`);
    }
    const [survivorId, ...mergedIds] = ids;
    const fields = fieldChoices(options.field);
    const preview = await previewMerge(ctx, { type, ids });
    const versions = Object.fromEntries(preview.records.map((r) => [r.id, r.version]));
    const { merge, item } = await createMerge(ctx, { type, survivorId: survivorId!, mergedIds, versions, ...(options.field.length > 0 && { fields }) });
    if (options.json) return console.log(JSON.stringify({ merge, item }, null, 2));
    const name = preview.records[0]!.name;
    console.log(`Merged ${mergedIds.length} ${type} record(s) into ${survivorId} (${name}); merge ${merge.id}.`);
    console.log(`Undo until ${merge.undoUntil}: kesher merge undo ${merge.id}`);
  } finally {
    await handle.close();
  }
}
