import { findSurvivor } from '../merge/tombstones.js';
import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import type { Db } from '../../db/client.js';
import { contacts } from '../contacts/table.js';
import { consentHistory, currentConsents, insertConsent } from './consents.js';
import { privacyContact } from './contact.js';
import type { ConsentChannel } from './schema.js';
import { unsubscribeTokens } from './table.js';

/** Where the public page answers; campaigns put their public origin in front (see docs/api.md). */
export const unsubscribePath = '/unsubscribe/';

/**
 * A stored random token rather than an HMAC: it survives a change of KESHER_SECRET, the CLI and jobs
 * need no secret, and erasure deletes it with the person. The workspace id leads (16 bytes) so the
 * public request finds its tenant without a scan across workspaces; 24 random bytes make it unguessable.
 */
function newToken(workspaceId: string) {
  return Buffer.concat([Buffer.from(workspaceId.replace(/-/g, ''), 'hex'), randomBytes(24)]).toString('base64url');
}

function workspaceOf(token: string): string | null {
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== 40 || bytes.toString('base64url') !== token) return null;
  const hex = bytes.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The contact's unsubscribe link for one channel (made on first call, the same afterwards): a path, or a URL under `origin`. */
export async function unsubscribeUrl(ctx: Ctx, contactId: string, channel: ConsentChannel, origin = ''): Promise<string> {
  requirePermission(ctx, 'records:read');
  await privacyContact(ctx.db, ctx, contactId);
  const [made] = await ctx.db
    .insert(unsubscribeTokens)
    .values({ workspaceId: ctx.workspaceId, contactId, channel, token: newToken(ctx.workspaceId) })
    .onConflictDoNothing()
    .returning({ token: unsubscribeTokens.token });
  const token =
    made?.token ??
    (
      await ctx.db
        .select({ token: unsubscribeTokens.token })
        .from(unsubscribeTokens)
        .where(and(eq(unsubscribeTokens.workspaceId, ctx.workspaceId), eq(unsubscribeTokens.contactId, contactId), eq(unsubscribeTokens.channel, channel)))
    )[0]!.token;
  return `${origin.replace(/\/$/, '')}${unsubscribePath}${token}`;
}

/**
 * Whether a campaign may contact the person on this channel. Never when the contact is missing, in
 * the trash, erased or marked "do not contact". Email, SMS and WhatsApp are marketing channels under
 * the Communications Law §30A ("spam law") and GDPR: only with consent, so the latest entry must be
 * "granted". A phone call needs no prior consent in Israel: allowed unless the latest entry is "withdrawn".
 */
export async function mayContact(ctx: Ctx, contactId: string, channel: ConsentChannel): Promise<boolean> {
  requirePermission(ctx, 'records:read');
  const [row] = await ctx.db
    .select({ doNotContact: contacts.doNotContact, erasedAt: contacts.erasedAt })
    .from(contacts)
    .where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, contactId), isNull(contacts.deletedAt)));
  if (!row || row.doNotContact || row.erasedAt) return false;
  const latest = currentConsents(await consentHistory(ctx.db, ctx.workspaceId, contactId))[channel];
  return channel === 'phone' ? latest?.status !== 'withdrawn' : latest?.status === 'granted';
}

/** What a token names, or a 404 for a token this server did not give out (tampered, another workspace's, erased). */
async function findToken(db: Db, token: string) {
  const workspaceId = workspaceOf(token);
  const [row] = workspaceId
    ? await db.select().from(unsubscribeTokens).where(and(eq(unsubscribeTokens.workspaceId, workspaceId), eq(unsubscribeTokens.token, token)))
    : [];
  if (!row) throw notFound('Unsubscribe link');
  return row;
}

/** The channel a token unsubscribes from (the public page shows it before the click). */
export async function describeUnsubscribe(db: Db, token: string): Promise<{ channel: ConsentChannel }> {
  const row = await findToken(db, token);
  return { channel: row.channel as ConsentChannel };
}

/**
 * The public unsubscribe (no login): records a withdrawal with the method "unsubscribe_link" and the
 * time; a second click records nothing more. The audit names no member (the person did it).
 */
export async function unsubscribe(db: Db, token: string): Promise<{ channel: ConsentChannel; unsubscribed: true }> {
  const row = await findToken(db, token);
  const channel = row.channel as ConsentChannel;
  const ctx: Ctx = { db, workspaceId: row.workspaceId, role: 'owner', user: null, apiKeyId: null, actorUserId: null, channel: 'web' };
  await db.transaction(async (tx) => {
    // A link sent to a record merged away since then speaks for the survivor (the same person).
    const contactId = (await findSurvivor(tx, row.workspaceId, 'contact', row.contactId)) ?? row.contactId;
    const contact = await privacyContact(tx, ctx, contactId, { lock: true });
    const latest = currentConsents(await consentHistory(tx, ctx.workspaceId, contact.id))[channel];
    if (latest?.status === 'withdrawn' && latest.method === 'unsubscribe_link') return;
    await insertConsent(tx, ctx, contact, { channel, status: 'withdrawn', method: 'unsubscribe_link', evidence: 'unsubscribe link' });
    await tx.update(unsubscribeTokens).set({ usedAt: sql`now()` }).where(and(eq(unsubscribeTokens.workspaceId, row.workspaceId), eq(unsubscribeTokens.id, row.id)));
  });
  return { channel, unsubscribed: true };
}
