import { and, eq } from 'drizzle-orm';
import type { Ctx } from '../core/context.js';
import { AppError } from '../core/errors.js';
import { memberships, workspaces } from '../db/tables.js';
import type { Db } from '../db/client.js';

/** The workspace named by --workspace, or the only one; acting as its owner. */
export async function ownerCtx(db: Db, slug: string | undefined): Promise<Ctx> {
  const rows = await db.select({ id: workspaces.id, slug: workspaces.slug }).from(workspaces).where(slug ? eq(workspaces.slug, slug) : undefined);
  if (rows.length === 0) throw new AppError('not_found', slug ? `No workspace ${slug}` : 'No workspace yet');
  if (rows.length > 1) throw new AppError('validation_failed', `Name the workspace with --workspace (${rows.map((r) => r.slug).join(', ')})`);
  const workspace = rows[0]!;
  const [owner] = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspace.id), eq(memberships.role, 'owner')));
  return { db, workspaceId: workspace.id, role: 'owner', user: null, apiKeyId: null, actorUserId: owner?.userId ?? null, channel: 'cli' };
}
