import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { queryRows, type Db } from '../../db/client.js';
import { activityLinks } from '../activities/table.js';
import { contacts } from '../contacts/table.js';
import { deleteRecord, purgeRecord } from '../trash/service.js';
import { workspaces } from '../workspaces/table.js';
import { privacyContact } from './contact.js';
import { erasePerson } from './erase.js';
import { readPrivacySettings } from './settings.js';

export interface RetentionResult {
  workspace: string;
  /** Null when the workspace has retention off. */
  years: number | null;
  action: 'anonymise' | 'erase';
  contacts: number;
}

/**
 * Contacts with no activity for `years`: not created, edited, or linked to an activity (a call, a
 * note, a field change) since then; already erased ones are left alone.
 */
async function inactiveContacts(db: Db, workspaceId: string, years: number): Promise<string[]> {
  const rows = await queryRows<{ id: string }>(
    db,
    sql`select c.id from ${contacts} c
        where c.workspace_id = ${workspaceId} and c.erased_at is null
          and greatest(c.created_at, c.updated_at) < now() - make_interval(years => ${years}::int)
          and not exists (select 1 from ${activityLinks} l
                          where l.workspace_id = c.workspace_id and l.record_type = 'contact' and l.record_id = c.id
                            and l.occurred_at >= now() - make_interval(years => ${years}::int))
        order by c.id`,
  );
  return rows.map((r) => r.id);
}

/**
 * `kesher privacy retention`: in each workspace with retention on, anonymises (pseudonymises in place,
 * as an erasure) or erases (the same, then deletes the record for good) every inactive contact, one
 * per transaction, audited through the CLI.
 */
export async function applyRetention(db: Db, options: { workspace?: string; dryRun?: boolean } = {}): Promise<RetentionResult[]> {
  const chosen = await db
    .select({ id: workspaces.id, slug: workspaces.slug })
    .from(workspaces)
    .where(options.workspace ? eq(workspaces.slug, options.workspace) : undefined);
  if (options.workspace && chosen.length === 0) throw notFound(`Workspace ${options.workspace}`);
  const results: RetentionResult[] = [];
  for (const workspace of chosen) {
    const settings = await readPrivacySettings(db, workspace.id);
    const years = settings.retentionYears;
    const ids = years === null ? [] : await inactiveContacts(db, workspace.id, years);
    results.push({ workspace: workspace.slug, years, action: settings.retentionAction, contacts: ids.length });
    if (options.dryRun) continue;
    const ctx: Ctx = { db, workspaceId: workspace.id, role: 'owner', user: null, apiKeyId: null, actorUserId: null, channel: 'cli' };
    for (const id of ids) {
      const deleted = await db.transaction(async (tx) => {
        const row = await privacyContact(tx, { ...ctx, db: tx }, id, { lock: true });
        await erasePerson(tx, { ...ctx, db: tx }, row);
        return row.deletedAt !== null;
      });
      if (settings.retentionAction === 'erase') {
        if (!deleted) await deleteRecord(ctx, 'contact', id);
        await purgeRecord(ctx, 'contact', id);
      }
    }
  }
  return results;
}

