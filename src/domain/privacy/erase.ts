import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { queryRows, type Db } from '../../db/client.js';
import { activities, activityLinks } from '../activities/table.js';
import { auditLog } from '../audit/table.js';
import { contacts } from '../contacts/table.js';
import { customFieldsOf } from '../custom-fields/service.js';
import { events } from '../events/table.js';
import { forgetMergesOf } from '../merge/service.js';
import { mergedAwayInto } from '../merge/tombstones.js';
import { publishEvent } from '../records/changes.js';
import { scrubScanGroups } from './duplicates.js';
import { displayName, privacyContact, requirePrivacyOfficer, type ContactRow } from './contact.js';
import { eraseSchema, type EraseInput, type EraseResult } from './schema.js';
import { identifiersOf, scrubberFor, scrubJson } from './scrub.js';
import { contactConsents, unsubscribeTokens } from './table.js';
import { scrubSavedViews } from './views.js';

/** Built-in fields that hold personal data: cleared on the record, nulled in its audit and timeline. */
const personalFields = ['firstName', 'lastName', 'name', 'email', 'emails', 'phone', 'phones', 'street', 'city', 'postalCode', 'birthday', 'notes'];
/** Custom field types whose values are free text about the person. */
const personalCustomTypes = new Set(['text', 'long_text', 'email', 'phone', 'url']);

/** "Erased 7f3a": stable for the id, says nothing about the person. */
export const pseudonymOf = (id: string) => `Erased ${createHash('sha256').update(id).digest('hex').slice(0, 4)}`;

/**
 * POST /api/contacts/:id/erase (owners and admins): the person's data leaves the database for good;
 * what is not personal (stage, type, owner, tags, dates, company links, amounts on other records) stays
 * under a pseudonym so counts and sums still add up. `confirm` is the contact's name or id.
 */
export async function eraseContact(ctx: Ctx, id: string, input: EraseInput): Promise<EraseResult> {
  requirePrivacyOfficer(ctx, 'admins');
  const { confirm } = eraseSchema.parse(input);
  return ctx.db.transaction(async (tx) => {
    const row = await privacyContact(tx, ctx, id, { lock: true });
    if (row.erasedAt) throw new AppError('conflict', 'This person was erased already');
    const typed = confirm.trim().toLowerCase();
    if (typed !== id.toLowerCase() && typed !== displayName(row).toLowerCase()) {
      throw new AppError('validation_failed', 'Type the contact’s name or id to confirm', { fields: [{ path: 'confirm', message: 'Does not match the contact’s name or id' }] });
    }
    return erasePerson(tx, ctx, row);
  });
}

/** The erasure itself, in the caller's transaction, on a locked row (retention uses it too). */
export async function erasePerson(tx: Db, ctx: Ctx, row: ContactRow): Promise<EraseResult> {
  const ws = ctx.workspaceId;
  const pseudonym = pseudonymOf(row.id);
  const scrub = scrubberFor(identifiersOf(row), pseudonym);
  const fields = await customFieldsOf({ ...ctx, db: tx }, 'contact');
  const personalKeys = fields.filter((f) => personalCustomTypes.has(f.type)).map((f) => f.key);
  const erasedFields = new Set([...personalFields, ...personalKeys.map((k) => `custom.${k}`)]);
  const custom = Object.fromEntries(Object.entries(row.custom).filter(([key]) => !personalKeys.includes(key)));

  await tx
    .update(contacts)
    .set({
      firstName: pseudonym,
      lastName: '',
      email: null,
      emails: [],
      phone: null,
      phones: [],
      street: null,
      city: null,
      postalCode: null,
      birthday: null,
      notes: null,
      custom,
      doNotContact: true,
      erasedAt: sql`now()`,
      version: row.version + 1,
      updatedAt: sql`now()`,
      updatedBy: ctx.actorUserId,
    })
    .where(and(eq(contacts.workspaceId, ws), eq(contacts.id, row.id)));

  const { cleared, scrubbed } = await eraseActivities(tx, ctx, row.id, scrub, erasedFields);
  const auditEntriesRewritten = await rewriteJson(tx, ctx, 'audit', row.id, scrub, erasedFields);
  await rewriteJson(tx, ctx, 'events', row.id, scrub, erasedFields);
  const consents = await tx
    .select({ id: contactConsents.id, evidence: contactConsents.evidence })
    .from(contactConsents)
    .where(and(eq(contactConsents.workspaceId, ws), eq(contactConsents.contactId, row.id)));
  for (const c of consents.filter((c) => c.evidence && scrub(c.evidence) !== c.evidence)) {
    await tx.update(contactConsents).set({ evidence: scrub(c.evidence!) }).where(and(eq(contactConsents.workspaceId, ws), eq(contactConsents.id, c.id)));
  }
  await scrubScanGroups(tx, ws, row.id, scrub);
  await scrubSavedViews(tx, ws, row.id, scrub);
  // Records merged into this one are the same person, kept only so the merge can be undone: they are
  // erased with it (chains too), and no merge involving them can be undone any more.
  await forgetMergesOf(tx, ws, 'contact', row.id);
  for (const mergedId of await mergedAwayInto(tx, ws, 'contact', row.id)) {
    const [merged] = await tx.select().from(contacts).where(and(eq(contacts.workspaceId, ws), eq(contacts.id, mergedId))).for('update');
    if (merged && !merged.erasedAt) await erasePerson(tx, ctx, merged);
  }
  await tx.delete(unsubscribeTokens).where(and(eq(unsubscribeTokens.workspaceId, ws), eq(unsubscribeTokens.contactId, row.id)));

  // The audit says that an erasure happened and by whom, never what was erased.
  await tx.insert(auditLog).values({ workspaceId: ws, actorUserId: ctx.actorUserId, apiKeyId: ctx.apiKeyId, channel: ctx.channel, recordType: 'contact', recordId: row.id, action: 'erase', changes: [] });
  await publishEvent(tx, ctx, { recordType: 'contact', recordId: row.id, action: 'updated', ownerId: row.ownerId, version: row.version + 1, payload: { fields: ['erased'] } });
  return { id: row.id, pseudonym, activitiesCleared: cleared, activitiesScrubbed: scrubbed, auditEntriesRewritten };
}

/**
 * Activities linked to the person: those about them alone lose their content (subject, body, place,
 * recording); those shared with other records keep theirs with the person's names, emails and phones
 * replaced by the pseudonym. System events (field changes) are rewritten like the audit.
 */
async function eraseActivities(tx: Db, ctx: Ctx, contactId: string, scrub: (t: string) => string, erasedFields: ReadonlySet<string>) {
  const rows = await queryRows<{ id: string; kind: string; subject: string | null; body: string | null; location: string | null; event: unknown; others: number }>(
    tx,
    sql`select a.id, a.kind, a.subject, a.body, a.location, a.event,
          (select count(*)::int from ${activityLinks} o where o.workspace_id = a.workspace_id and o.activity_id = a.id
             and not (o.record_type = 'contact' and o.record_id = ${contactId})) as others
        from ${activities} a
        join ${activityLinks} l on l.workspace_id = a.workspace_id and l.activity_id = a.id
        where l.workspace_id = ${ctx.workspaceId} and l.record_type = 'contact' and l.record_id = ${contactId}`,
  );
  let cleared = 0;
  let scrubbed = 0;
  for (const a of rows) {
    const where = and(eq(activities.workspaceId, ctx.workspaceId), eq(activities.id, a.id));
    if (a.kind === 'system' || a.others > 0) {
      const patch = {
        subject: a.subject && scrub(a.subject),
        body: a.body && scrub(a.body),
        location: a.location && scrub(a.location),
        event: a.event === null ? null : (scrubJson(a.event, scrub, erasedFields) as Record<string, unknown>),
      };
      if (JSON.stringify(patch) === JSON.stringify({ subject: a.subject, body: a.body, location: a.location, event: a.event })) continue;
      await tx.update(activities).set(patch).where(where);
      scrubbed += 1;
    } else {
      await tx.update(activities).set({ subject: null, body: null, location: null, recordingUrl: null, event: null }).where(where);
      cleared += 1;
    }
  }
  return { cleared, scrubbed };
}

/** Rewrites the audit's changes (or the outbox's payloads) about the contact; answers how many rows changed. */
async function rewriteJson(tx: Db, ctx: Ctx, which: 'audit' | 'events', contactId: string, scrub: (t: string) => string, erasedFields: ReadonlySet<string>) {
  const table = which === 'audit' ? auditLog : events;
  const column = which === 'audit' ? auditLog.changes : events.payload;
  const rows = await tx
    .select({ id: table.id, value: column })
    .from(table)
    .where(and(eq(table.workspaceId, ctx.workspaceId), eq(table.recordType, 'contact'), eq(table.recordId, contactId)));
  let changed = 0;
  for (const row of rows) {
    const value = scrubJson(row.value, scrub, erasedFields);
    if (JSON.stringify(value) === JSON.stringify(row.value)) continue;
    await tx.execute(sql`update ${table} set ${sql.identifier(which === 'audit' ? 'changes' : 'payload')} = ${JSON.stringify(value)}::jsonb
                         where workspace_id = ${ctx.workspaceId} and id = ${row.id}`);
    changed += 1;
  }
  return changed;
}
