import { eq, sql } from 'drizzle-orm';
import { describe, expect, test } from 'vitest';
import { buildApp } from '../../server/app.js';
import { useTestApp } from '../../test-support/db.js';
import { makeWorkspace, testSecret } from '../../test-support/fixtures.js';
import { createApiKey, revokeApiKey } from './service.js';
import { apiKeys } from './table.js';

// A process trusts a key it has found for credentialCacheMs (1 s by default); these tests pin what that may and may not cost.
const { db, app } = await useTestApp();

const as = (secret: string) => ({ authorization: `Bearer ${secret}` });
const list = (secret: string) => app.inject({ method: 'GET', url: '/api/contacts', headers: as(secret) });

async function adminKey() {
  const { ctx, owner } = await makeWorkspace(db);
  const { secret, apiKey } = await createApiKey(ctx(), { name: 'cached', role: 'admin' });
  expect((await list(secret)).statusCode).toBe(200);
  return { ctx, owner, secret, keyId: apiKey.id };
}

describe('the API-key cache', () => {
  test('a revocation through this process is honoured on the very next request', async () => {
    const { ctx, secret, keyId } = await adminKey();
    await revokeApiKey(ctx(), keyId);
    expect((await list(secret)).statusCode).toBe(401);
  });

  test('a revocation made behind its back (by another process) is honoured within the ttl', async () => {
    const { secret, keyId } = await adminKey();
    await db.update(apiKeys).set({ revokedAt: sql`now()` }).where(eq(apiKeys.id, keyId));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await list(secret)).statusCode).toBe(401);
  });

  test('a wrong key is never cached, and a right one answers from the cache without reading api_keys', async () => {
    const { secret, keyId } = await adminKey();
    const wrong = secret.slice(0, -4) + 'xxxx';
    expect((await list(wrong)).statusCode).toBe(401);
    expect((await list(wrong)).statusCode).toBe(401);
    // Changing the hash behind the cache's back: the cached identity still answers, proving no lookup ran.
    await db.update(apiKeys).set({ keyHash: 'replaced' }).where(eq(apiKeys.id, keyId));
    expect((await list(secret)).statusCode).toBe(200);
  });

  test('with a ttl of 0 every request asks the database', async () => {
    const uncached = await buildApp({ db, secret: testSecret, webDir: '/nonexistent', rateLimits: { api: false }, credentialCacheMs: 0 });
    try {
      const { ctx } = await makeWorkspace(db);
      const { secret, apiKey } = await createApiKey(ctx(), { name: 'uncached', role: 'admin' });
      const get = () => uncached.inject({ method: 'GET', url: '/api/contacts', headers: as(secret) });
      expect((await get()).statusCode).toBe(200);
      await db.update(apiKeys).set({ revokedAt: sql`now()` }).where(eq(apiKeys.id, apiKey.id));
      expect((await get()).statusCode).toBe(401);
    } finally {
      await uncached.close();
    }
  });
});
