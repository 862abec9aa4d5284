import { describe, expect, test } from 'vitest';
import { loadConfig } from './config.js';

const base = { KESHER_SECRET: 'x', KESHER_DATA_DIR: '/nonexistent' };

describe('rate limit settings from the environment', () => {
  test('defaults: 50 a second with bursts of 200, 10 failed logins a minute per address, 3 workspaces', () => {
    const config = loadConfig(base);
    expect(config.rateLimit).toEqual({ perSecond: 50, burst: 200 });
    expect(config.workspaceRateLimit).toEqual({ perSecond: 200, burst: 800 });
    expect(loadConfig({ ...base, KESHER_WORKSPACE_RATE_LIMIT_PER_SECOND: '0' }).workspaceRateLimit).toBeNull();
    expect(loadConfig({ ...base, KESHER_WORKSPACE_RATE_LIMIT_PER_SECOND: '20', KESHER_WORKSPACE_RATE_LIMIT_BURST: '40' }).workspaceRateLimit).toEqual({ perSecond: 20, burst: 40 });
    expect(config.loginRateLimit).toEqual({ perSecond: 10 / 60, burst: 20 });
    expect(config.maxWorkspacesPerUser).toBe(3);
  });

  test('reads every variable, and 0 turns the API limit off', () => {
    const config = loadConfig({
      ...base, KESHER_RATE_LIMIT_PER_SECOND: '5', KESHER_RATE_LIMIT_BURST: '8', KESHER_LOGIN_RATE_LIMIT_PER_MINUTE: '6',
      KESHER_LOGIN_RATE_LIMIT_BURST: '4', KESHER_MAX_WORKSPACES_PER_USER: '1',
    });
    expect(config).toMatchObject({ rateLimit: { perSecond: 5, burst: 8 }, loginRateLimit: { perSecond: 0.1, burst: 4 }, maxWorkspacesPerUser: 1 });
    expect(loadConfig({ ...base, KESHER_RATE_LIMIT_PER_SECOND: '0' }).rateLimit).toBeNull();
  });

  test('a value that is not a number, or a burst below 1, stops the start', () => {
    expect(() => loadConfig({ ...base, KESHER_RATE_LIMIT_PER_SECOND: '50/s' })).toThrow(/KESHER_RATE_LIMIT_PER_SECOND/);
    expect(() => loadConfig({ ...base, KESHER_RATE_LIMIT_BURST: '0.5' })).toThrow(/KESHER_RATE_LIMIT_BURST/);
    expect(() => loadConfig({ ...base, KESHER_LOGIN_RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/KESHER_LOGIN_RATE_LIMIT_PER_MINUTE/);
  });
});

describe('TRUST_PROXY', () => {
  test('true trusts a proxy on this machine, never the whole X-Forwarded-For chain; or the proxies named', () => {
    expect(loadConfig(base).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toEqual(['loopback']);
    expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  test('anything else stops the start', () => {
    expect(() => loadConfig({ ...base, TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ ...base, TRUST_PROXY: '2' })).toThrow(/TRUST_PROXY/);
  });
});
