import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { canSeeOwner, visibilityOf } from '../records/visibility.js';
import { contacts } from '../contacts/table.js';

export type ContactRow = typeof contacts.$inferSelect;

/** Privacy requests (export, erasure) are for owners, admins and managers: they read or remove a whole person. */
export function requirePrivacyOfficer(ctx: Pick<Ctx, 'role'>, admins: 'admins' | 'managers') {
  const allowed = admins === 'admins' ? ['owner', 'admin'] : ['owner', 'admin', 'manager'];
  if (!allowed.includes(ctx.role)) throw new AppError('forbidden', `Your role (${ctx.role}) may not do this (privacy)`);
}

/**
 * The contact's row as the caller may see it, live or in the trash (a privacy request covers both);
 * 404 when missing, in another workspace or not visible. `lock` takes the row lock for a writer.
 */
export async function privacyContact(db: Db, ctx: Ctx, id: string, options: { lock?: boolean } = {}): Promise<ContactRow> {
  const query = db.select().from(contacts).where(and(eq(contacts.workspaceId, ctx.workspaceId), eq(contacts.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row || !canSeeOwner(await visibilityOf(ctx), row.ownerId)) throw notFound('Contact');
  return row;
}

export const displayName = (row: Pick<ContactRow, 'firstName' | 'lastName'>) => `${row.firstName} ${row.lastName}`.trim();
