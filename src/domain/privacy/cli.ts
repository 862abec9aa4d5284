import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { workspaces } from '../workspaces/table.js';

/** The context of a privacy command run from the CLI: the operator acts as the workspace's owner, audited as "cli". */
export async function cliCtx(db: Db, slug: string): Promise<Ctx> {
  const [workspace] = await db.select({ id: workspaces.id }).from(workspaces).where(eq(workspaces.slug, slug));
  if (!workspace) throw notFound(`Workspace ${slug}`);
  return { db, workspaceId: workspace.id, role: 'owner', user: null, apiKeyId: null, actorUserId: null, channel: 'cli' };
}
