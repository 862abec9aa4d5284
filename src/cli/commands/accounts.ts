import { eq } from 'drizzle-orm';
import { workspaces } from '../../db/tables.js';
import { createUser, findUserByEmail, toUser } from '../../domain/users/service.js';
import { addMember, createWorkspace } from '../../domain/workspaces/service.js';
import type { Locale, Role } from '../../domain/workspaces/schema.js';
import { AppError } from '../../core/errors.js';
import { openDatabase } from '../database.js';

export async function createWorkspaceCommand(options: { name: string; slug: string; owner: string; locale: Locale }) {
  const handle = await openDatabase();
  try {
    const owner = await findUserByEmail(handle.db, options.owner);
    if (!owner) throw new AppError('not_found', `No user ${options.owner}; create it with \`kesher user create\``);
    const workspace = await createWorkspace(
      { db: handle.db, user: toUser(owner) },
      { name: options.name, slug: options.slug, defaultLocale: options.locale },
    );
    console.log(`Workspace ${workspace.name} (${workspace.slug}) created, id ${workspace.id}; owner ${owner.email}.`);
  } finally {
    await handle.close();
  }
}

export async function createUserCommand(options: {
  email: string;
  name: string;
  password?: string;
  locale: Locale;
  workspace?: string;
  role: Role;
}) {
  const password = options.password ?? process.env.KESHER_PASSWORD;
  if (!password) throw new AppError('validation_failed', 'Give a password with --password or KESHER_PASSWORD');
  const handle = await openDatabase();
  try {
    // Find the workspace first, so a wrong slug leaves no user behind.
    const [workspace] = options.workspace
      ? await handle.db.select().from(workspaces).where(eq(workspaces.slug, options.workspace))
      : [];
    if (options.workspace && !workspace) throw new AppError('not_found', `No workspace ${options.workspace}`);
    const user = await createUser(handle.db, { email: options.email, name: options.name, password, locale: options.locale });
    console.log(`User ${user.email} created, id ${user.id}.`);
    if (workspace) {
      await addMember(handle.db, workspace.id, user.id, options.role);
      console.log(`Added to ${workspace.slug} as ${options.role}.`);
    }
  } finally {
    await handle.close();
  }
}
