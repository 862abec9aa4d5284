import { afterAll, describe, expect, test } from 'vitest';
import { createApiKey } from '../domain/api-keys/service.js';
import { useTestApp } from '../test-support/db.js';
import { logIn, makeWorkspace, testSecret } from '../test-support/fixtures.js';
import { buildApp } from './app.js';
import { clientAddress } from './rate-limit.js';

// Slow refill (one every 10 s), so a loaded machine cannot refill a bucket in the middle of a test.
const api = { perSecond: 0.1, burst: 5 };
const { db, app } = await useTestApp({ rateLimits: { api } });
// A second server process on the same database: only state kept in the database can be shared with it.
const other = await buildApp({ db, secret: testSecret, webDir: '/nonexistent', rateLimits: { api } });
afterAll(() => other.close());

const keyFor = async (role: 'viewer' | 'admin' = 'viewer') => {
  const { ctx } = await makeWorkspace(db);
  return `Bearer ${(await createApiKey(ctx(), { name: 'k', role })).secret}`;
};
const list = (authorization: string, server = app, remoteAddress = '127.0.0.1') =>
  server.inject({ method: 'GET', url: '/api/contacts', headers: { authorization }, remoteAddress });

describe('the per-credential limit on /api/', () => {
  test('a burst past the limit gets a 429 problem with Retry-After and RateLimit headers', async () => {
    const key = await keyFor();
    const remaining = [];
    for (let i = 0; i < 5; i++) {
      const response = await list(key);
      expect(response.statusCode).toBe(200);
      expect(response.headers['ratelimit-limit']).toBe('5');
      remaining.push(Number(response.headers['ratelimit-remaining']));
    }
    expect(remaining).toEqual([4, 3, 2, 1, 0]);
    const limited = await list(key);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json()).toMatchObject({ status: 429, code: 'too_many_requests' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(limited.headers['ratelimit-remaining']).toBe('0');
    expect(Number(limited.headers['ratelimit-reset'])).toBeGreaterThanOrEqual(40);
  });

  test('two app instances over one database share the limit', async () => {
    const key = await keyFor();
    const statuses = [];
    for (let i = 0; i < 8; i++) statuses.push((await list(key, i % 2 ? other : app)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
  });

  test('each API key and each user has a bucket of its own', async () => {
    const busy = await keyFor();
    for (let i = 0; i < 6; i++) await list(busy);
    expect((await list(busy)).statusCode).toBe(429);
    expect((await list(await keyFor())).statusCode).toBe(200);
    const { owner } = await makeWorkspace(db);
    const session = await logIn(app, owner.email);
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await app.inject({ method: 'GET', url: '/api/contacts', headers: { cookie: session.cookie } })).statusCode);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
  });

  test('anonymous API calls are limited per client address', async () => {
    const call = (remoteAddress: string) => app.inject({ method: 'GET', url: '/api/openapi.json', remoteAddress });
    for (let i = 0; i < 5; i++) expect((await call('10.8.0.1')).statusCode).toBe(200);
    expect((await call('10.8.0.1')).statusCode).toBe(429);
    expect((await call('10.8.0.2')).statusCode).toBe(200);
  });

  test('IPv6 clients are counted per /64, IPv4 ones per address', async () => {
    expect(clientAddress('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd')).toBe('2001:db8:1:2::/64');
    expect(clientAddress('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientAddress('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientAddress('192.0.2.7')).toBe('192.0.2.7');
    const call = (remoteAddress: string) => app.inject({ method: 'GET', url: '/api/openapi.json', remoteAddress });
    for (let i = 0; i < 5; i++) expect((await call(`2001:db8:9:9::${i + 1}`)).statusCode).toBe(200);
    expect((await call('2001:db8:9:9::ffff')).statusCode).toBe(429);
    expect((await call('2001:db8:9:a::1')).statusCode).toBe(200);
  });

  test('/healthz, /readyz and unknown paths pay no limiter', async () => {
    for (const url of ['/healthz', '/readyz', '/favicon.ico']) {
      for (let i = 0; i < 8; i++) {
        const response = await app.inject({ method: 'GET', url, remoteAddress: '10.8.1.1' });
        expect(response.statusCode).not.toBe(429);
        expect(response.headers['ratelimit-limit']).toBeUndefined();
      }
    }
  });
});

describe('every API route is limited', async () => {
  const roomy = await buildApp({ db, secret: testSecret, webDir: '/nonexistent', rateLimits: { api: { perSecond: 1000, burst: 1000 } } });
  afterAll(() => roomy.close());
  const spec = (await roomy.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
  const routes = Object.entries(spec.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path })));
  const apiRoutes = routes.filter((r) => r.path.startsWith('/api/'));

  test.each(apiRoutes)('$method $path answers with the RateLimit headers, even when it refuses', async ({ method, path }) => {
    const url = path.replace(/\{id\}/g, '00000000-0000-4000-8000-000000000000');
    const response = await roomy.inject({ method: method as 'GET', url, remoteAddress: '10.6.0.1', payload: method === 'GET' ? undefined : {} });
    expect(response.headers['ratelimit-limit'], `${response.statusCode}`).toBe('1000');
  });
});

describe('wrong API keys, per client address', async () => {
  // The default badApiKey limit (20 at once, then 1 a second), with the per-key limit out of the way.
  const open = await buildApp({ db, secret: testSecret, webDir: '/nonexistent', rateLimits: { api: { perSecond: 1000, burst: 1000 } } });
  afterAll(() => open.close());
  const wrong = (i: number) => `Bearer ksk.00000000-0000-4000-8000-000000000000.wrong${i}`;

  test('300 wrong keys in a row from one address turn into 429s; a correct key from another address still works', async () => {
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i++) {
      const status = (await list(wrong(i), open, '10.7.0.1')).statusCode;
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
    expect(statuses.get(401)).toBeLessThanOrEqual(25);
    expect(statuses.get(429)).toBeGreaterThanOrEqual(275);
    const good = await keyFor();
    expect((await list(good, open, '10.7.0.2')).statusCode).toBe(200);
    // From the blocked address even a correct key is refused, so the answers there reveal nothing.
    expect((await list(good, open, '10.7.0.1')).statusCode).toBe(429);
  });

  test('the wrong-key count of an address is shared by two app instances', async () => {
    const second = await buildApp({ db, secret: testSecret, webDir: '/nonexistent', rateLimits: { api: { perSecond: 1000, burst: 1000 } } });
    const statuses = [];
    for (let i = 0; i < 24; i++) statuses.push((await list(wrong(i), i % 2 ? second : open, '10.7.1.1')).statusCode);
    await second.close();
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(21)).toEqual([429, 429, 429]);
  });
});

describe('all credentials of a workspace together', async () => {
  const shared = await buildApp({ db, secret: testSecret, webDir: '/nonexistent', rateLimits: { api, workspace: { perSecond: 0.1, burst: 8 } } });
  afterAll(() => shared.close());
  const keysOfOneWorkspace = async (count: number) => {
    const { ctx } = await makeWorkspace(db);
    return Promise.all(Array.from({ length: count }, async () => `Bearer ${(await createApiKey(ctx(), { name: 'k', role: 'viewer' })).secret}`));
  };

  test('more keys do not multiply the allowance: the workspace bucket binds, and says so', async () => {
    const keys = await keysOfOneWorkspace(3);
    const statuses = [];
    for (let i = 0; i < 9; i++) statuses.push((await list(keys[i % 3]!, shared)).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 429]);
    const refused = await list(keys[2]!, shared);
    expect(refused.json().detail).toBe('Too many requests from this workspace; slow down');
    expect(refused.headers['ratelimit-limit']).toBe('8');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    const [elsewhere] = await keysOfOneWorkspace(1);
    expect((await list(elsewhere!, shared)).statusCode).toBe(200);
  });

  test('one key over its own limit does not drain what its workspace shares', async () => {
    const [runaway, quiet] = await keysOfOneWorkspace(2);
    const statuses = [];
    for (let i = 0; i < 12; i++) statuses.push((await list(runaway!, shared)).statusCode);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    // 5 of the workspace's 8 are used: the quiet key still gets 3.
    const quietStatuses = [];
    for (let i = 0; i < 4; i++) quietStatuses.push((await list(quiet!, shared)).statusCode);
    expect(quietStatuses).toEqual([200, 200, 200, 429]);
  });
});
