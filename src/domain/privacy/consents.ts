import { and, desc, eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import { recordChange } from '../records/changes.js';
import { users } from '../users/table.js';
import { privacyContact } from './contact.js';
import { consentChannels, recordConsentSchema, type Consent, type ConsentChannel, type Consents, type RecordConsentInput } from './schema.js';
import { contactConsents } from './table.js';

/** A contact's consent history, newest first (the audit and the export read it too). */
export async function consentHistory(db: Db, workspaceId: string, contactId: string): Promise<Consent[]> {
  const rows = await db
    .select({ consent: contactConsents, recordedByName: users.name })
    .from(contactConsents)
    .leftJoin(users, eq(users.id, contactConsents.recordedBy))
    .where(and(eq(contactConsents.workspaceId, workspaceId), eq(contactConsents.contactId, contactId)))
    .orderBy(desc(contactConsents.recordedAt), desc(contactConsents.id));
  return rows.map(({ consent: c, recordedByName }) => ({
    id: c.id,
    channel: c.channel as ConsentChannel,
    status: c.status as Consent['status'],
    method: c.method as Consent['method'],
    evidence: c.evidence,
    recordedBy: c.recordedBy,
    recordedByName,
    recordedAt: c.recordedAt.toISOString(),
  }));
}

/** The state per channel: its latest entry, or null when nothing was ever recorded. */
export function currentConsents(history: Consent[]): Consents['current'] {
  return Object.fromEntries(consentChannels.map((channel) => [channel, history.find((c) => c.channel === channel) ?? null])) as Consents['current'];
}

/** GET /api/contacts/:id/consents. */
export async function listConsents(ctx: Ctx, contactId: string): Promise<Consents> {
  requirePermission(ctx, 'records:read');
  const contact = await privacyContact(ctx.db, ctx, contactId);
  const history = await consentHistory(ctx.db, ctx.workspaceId, contactId);
  return { doNotContact: contact.doNotContact, current: currentConsents(history), history };
}

/** Inserts one consent entry and audits the change of state on the contact, in the caller's transaction. */
export async function insertConsent(
  tx: Db,
  ctx: Ctx,
  contact: { id: string; ownerId: string | null },
  entry: { channel: ConsentChannel; status: string; method: string; evidence: string | null },
) {
  const [previous] = await tx
    .select({ status: contactConsents.status })
    .from(contactConsents)
    .where(and(eq(contactConsents.workspaceId, ctx.workspaceId), eq(contactConsents.contactId, contact.id), eq(contactConsents.channel, entry.channel)))
    .orderBy(desc(contactConsents.recordedAt), desc(contactConsents.id))
    .limit(1);
  // now() is the transaction's start: two entries of one transaction keep their order through the id tiebreak only, so use clock time.
  await tx.insert(contactConsents).values({ workspaceId: ctx.workspaceId, contactId: contact.id, ...entry, recordedBy: ctx.actorUserId, recordedAt: sql`clock_timestamp()` });
  await recordChange(tx, ctx, {
    recordType: 'contact',
    recordId: contact.id,
    action: 'update',
    changes: [{ field: `consent.${entry.channel}`, old: previous?.status ?? null, new: entry.status }],
    ownerId: contact.ownerId,
  });
}

/** POST /api/contacts/:id/consents: a consent given or withdrawn, with how and the evidence. */
export async function recordConsent(ctx: Ctx, contactId: string, input: RecordConsentInput): Promise<Consents> {
  requirePermission(ctx, 'records:write');
  const { channel, status, method, evidence } = recordConsentSchema.parse(input);
  await ctx.db.transaction(async (tx) => {
    const contact = await privacyContact(tx, ctx, contactId, { lock: true });
    await insertConsent(tx, ctx, contact, { channel, status, method, evidence: evidence || null });
  });
  return listConsents(ctx, contactId);
}
