import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { canSeeOwner, visibilityOf } from '../records/visibility.js';
import { contacts } from '../contacts/table.js';
import { findSurvivor } from '../merge/tombstones.js';

export type ContactRow = typeof contacts.$inferSelect;

/** Privacy requests (export, erasure) are for owners, admins and managers: they read or remove a whole person. */
export function requirePrivacyOfficer(ctx: Pick<Ctx, 'role'>, admins: 'admins' | 'managers') {
  const allowed = admins === 'admins' ? ['owner', 'admin'] : ['owner', 'admin', 'manager'];
  if (!allowed.includes(ctx.role)) throw new AppError('forbidden', `Your role (${ctx.role}) may not do this (privacy)`);
}

/**
 * The contact's row as the caller may see it, live or in the trash (a privacy request covers both);
 * 404 when missing, in another workspace or not visible, or merged into another (the routes then
 * point at the survivor: a consent recorded on a merged-away row would be lost). `lock` takes the row
 * lock for a writer.
 */
export async function privacyContact(db: Db, ctx: Ctx, id: string, options: { lock?: boolean } = {}): Promise<ContactRow> {
  const query = db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  // Read on `db`, the caller's transaction when there is one (PGlite has one connection: ctx.db would wait on it).
  if (!row || !canSeeOwner(await visibilityOf({ ...ctx, db }), row.ownerId)) throw notFound('Contact');
  if (row.deletedAt && (await findSurvivor(db, ctx.workspaceId, 'contact', id))) throw notFound('Contact');
  return row;
}

export const displayName = (row: Pick<ContactRow, 'firstName' | 'lastName'>) => `${row.firstName} ${row.lastName}`.trim();
