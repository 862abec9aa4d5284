import type { Db } from '../db/client.js';
import type { Role } from './roles.js';

/** The person acting, as the domain needs them (users/schema's User is one). */
export interface ActingUser {
  id: string;
  email: string;
  name: string;
  locale: 'he' | 'en';
}

/** Through what a change came: the audit records it. */
export type Channel = 'web' | 'api' | 'cli' | 'import';

/** Who is acting, and where: every service takes this; no query runs without its workspace. */
export interface Ctx {
  db: Db;
  workspaceId: string;
  role: Role;
  /** The person acting; null when an API key acts. */
  user: ActingUser | null;
  apiKeyId: string | null;
  /** The human behind the action: the user, or the creator of the acting API key. */
  actorUserId: string | null;
  /** web (a session), api (an API key), cli, import. */
  channel: Channel;
  /**
   * 'check': a create or edit that likely duplicates a record is refused (409 possible_duplicate), as the
   * API does unless asked `duplicates=allow`; unset: not checked (imports, merges, the CLI's seeding).
   */
  duplicates?: 'check' | 'allow';
}

/** What a request has before it has chosen a workspace (a logged-in user with no active workspace). */
export interface UserCtx {
  db: Db;
  user: ActingUser;
}
