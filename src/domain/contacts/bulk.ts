import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { BulkResult } from '../records/input.js';
import { runBulk } from '../records/bulk.js';
import { markDeleted } from '../trash/service.js';
import { contactRecord } from './record.js';
import { contactBulkSchema, type ContactBulkInput } from './schema.js';
import { applyContactPatch } from './service.js';
import { contacts } from './table.js';

type Row = typeof contacts.$inferSelect;
type Patch = Partial<typeof contacts.$inferInsert>;

/** The patch of one bulk action on one contact; null when it would change nothing. */
export function bulkPatch(row: Pick<Row, 'ownerId' | 'tags' | 'stage'>, action: string, value: string | null | undefined): Patch | null {
  switch (action) {
    case 'set_owner':
      return row.ownerId === (value ?? null) ? null : { ownerId: value ?? null };
    case 'add_tag':
      return row.tags.some((t) => t.toLowerCase() === value!.toLowerCase()) ? null : { tags: [...row.tags, value!] };
    case 'remove_tag': {
      const tags = row.tags.filter((t) => t.toLowerCase() !== value!.toLowerCase());
      return tags.length === row.tags.length ? null : { tags };
    }
    case 'set_stage':
      return row.stage === value ? null : { stage: value! };
    default:
      return null;
  }
}

/** POST /api/contacts/bulk: set owner, add/remove a tag, set the stage or delete, up to 500 contacts in one transaction. */
export async function bulkContacts(ctx: Ctx, input: ContactBulkInput): Promise<BulkResult> {
  const parsed = contactBulkSchema.parse(input);
  return runBulk<Row, Patch>(ctx, {
    type: contactRecord,
    lock: (tx, ids) =>
      tx
        .select()
        .from(contacts)
        .where(and(eq(contacts.workspaceId, ctx.workspaceId), inArray(contacts.id, ids), isNull(contacts.deletedAt)))
        .for('update'),
    patchOf: bulkPatch,
    apply: async (tx, row, patch) => (await applyContactPatch(tx, ctx, row, patch)).version,
    markDeleted: (tx, row) => markDeleted(tx, ctx, contactRecord, row),
  }, parsed);
}
