import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Ctx } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { lowerRole, requireGrantable, requirePermission } from '../../core/permissions.js';
import { randomToken, sha256 } from '../../core/tokens.js';
import { cachePerHandle } from '../../core/ttl-cache.js';
import type { Role } from '../workspaces/schema.js';
import { memberships } from '../workspaces/table.js';
import { createApiKeySchema, type ApiKey, type CreateApiKeyInput } from './schema.js';
import { apiKeys } from './table.js';

type Row = typeof apiKeys.$inferSelect;
const toApiKey = (row: Row): ApiKey => ({
  id: row.id,
  name: row.name,
  role: row.role as Role,
  hint: row.hint,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

// The key names its workspace, so finding it never scans other tenants (and stays on one Citus shard).
const prefix = 'ksk';
const parseKey = (key: string) => {
  const [tag, workspaceId, secret] = key.split('.');
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  return tag === prefix && workspaceId && uuid.test(workspaceId) && secret ? { workspaceId, secret } : undefined;
};

export async function createApiKey(ctx: Ctx, input: CreateApiKeyInput) {
  requirePermission(ctx, 'api-keys:manage');
  const data = createApiKeySchema.parse(input);
  requireGrantable(ctx, data.role);
  const secret = `${prefix}.${ctx.workspaceId}.${randomToken(32)}`;
  const [row] = await ctx.db
    .insert(apiKeys)
    .values({
      ...data,
      workspaceId: ctx.workspaceId,
      hint: `${secret.slice(-6)}`,
      keyHash: sha256(secret),
      // A key made by a key is made by the human behind it, so the chain stays capped by that person.
      createdBy: ctx.actorUserId,
    })
    .returning();
  return { apiKey: toApiKey(row!), secret };
}

export async function listApiKeys(ctx: Ctx): Promise<ApiKey[]> {
  requirePermission(ctx, 'api-keys:manage');
  const rows = await ctx.db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.workspaceId, ctx.workspaceId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(toApiKey);
}

export async function revokeApiKey(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'api-keys:manage');
  const rows = await ctx.db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.workspaceId, ctx.workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  forgetApiKeys();
  if (rows.length === 0) throw notFound('API key');
}

/**
 * Revokes every live key a member created (they are leaving the workspace); run in the removal's
 * transaction, and call `forgetApiKeys` once it has committed.
 */
export async function revokeApiKeysOfUser(db: Db, workspaceId: string, userId: string) {
  await db
    .update(apiKeys)
    .set({ revokedAt: sql`now()` })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.createdBy, userId), isNull(apiKeys.revokedAt)));
}

interface KeyIdentity {
  workspaceId: string;
  apiKeyId: string;
  role: Role;
  actorUserId: string;
}

/**
 * Identities of keys recently found, by the SHA-256 of the key (never the key), so a busy key costs one
 * round trip less per request. A revocation, a member's removal or a role change clears this process's
 * cache when it commits (`forgetApiKeys`); other processes on the same database see it within the
 * ttl (`credentialCacheMs`, 1 s by default). Failures are never cached.
 */
const keyCacheOf = cachePerHandle<KeyIdentity & { lastUsedAt: number | null }>({ ttlMs: 1000, max: 10_000 });

/** Forgets every cached key identity (after a revocation or a membership change commits; rare, so all of them). */
export function forgetApiKeys() {
  keyCacheOf.clearAll();
}

/**
 * Finds the live key for a bearer token, with its creator's current membership in one indexed query:
 * the key acts with the lower of its own role and its creator's, and not at all once the creator is
 * no longer a member (or unknown). Records its use at most once a minute.
 */
export async function authenticateApiKey(db: Db, key: string, { cacheMs = 1000 } = {}): Promise<KeyIdentity | undefined> {
  const parsed = parseKey(key);
  if (!parsed) return undefined;
  const hash = sha256(key);
  const cache = keyCacheOf(db);
  const epoch = keyCacheOf.epoch();
  const cached = cacheMs > 0 ? cache.get(hash) : undefined;
  if (cached) {
    if (cached.lastUsedAt === null || Date.now() - cached.lastUsedAt > 60_000) {
      cached.lastUsedAt = Date.now();
      await touchApiKey(db, cached.workspaceId, cached.apiKeyId);
    }
    const { lastUsedAt: _, ...identity } = cached;
    return identity;
  }
  const [row] = await db
    .select({ key: apiKeys, creatorRole: memberships.role })
    .from(apiKeys)
    .innerJoin(
      memberships,
      and(eq(memberships.workspaceId, apiKeys.workspaceId), eq(memberships.userId, apiKeys.createdBy)),
    )
    .where(and(eq(apiKeys.workspaceId, parsed.workspaceId), eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)));
  if (!row) return undefined;
  const { key: found, creatorRole } = row;
  let lastUsedAt = found.lastUsedAt?.getTime() ?? null;
  if (lastUsedAt === null || Date.now() - lastUsedAt > 60_000) {
    lastUsedAt = Date.now();
    await touchApiKey(db, found.workspaceId, found.id);
  }
  const identity: KeyIdentity = {
    workspaceId: found.workspaceId,
    apiKeyId: found.id,
    role: lowerRole(found.role as Role, creatorRole as Role),
    actorUserId: found.createdBy!,
  };
  // A revocation that committed while this lookup ran must not be outlived by what the lookup read.
  if (keyCacheOf.epoch() === epoch) cache.set(hash, { ...identity, lastUsedAt }, cacheMs);
  return identity;
}

async function touchApiKey(db: Db, workspaceId: string, id: string) {
  await db
    .update(apiKeys)
    .set({ lastUsedAt: sql`now()` })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id)));
}
