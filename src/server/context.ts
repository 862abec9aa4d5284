import type { Db } from '../db/client.js';
import type { User } from '../domain/users/schema.js';
import type { Role } from '../domain/workspaces/schema.js';

/** Who is acting, and where: every service takes this; no query runs without its workspace. */
export interface Ctx {
  db: Db;
  workspaceId: string;
  role: Role;
  /** The person acting; null when an API key acts. */
  user: User | null;
  apiKeyId: string | null;
  /** The human behind the action: the user, or the creator of the acting API key. */
  actorUserId: string | null;
}

/** What a request has before it has chosen a workspace (a logged-in user with no active workspace). */
export interface UserCtx {
  db: Db;
  user: User;
}
