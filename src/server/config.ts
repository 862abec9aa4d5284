import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';

export type TrustProxy = false | string[];

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string;
  logLevel: string;
  /**
   * Which proxies in front may speak for the client in X-Forwarded-For/-Proto: false (none), or their
   * addresses/CIDRs ('loopback' for a proxy on this machine). Never "everyone": the leftmost
   * X-Forwarded-For entry is the client's to write, and every per-address limit would believe it.
   */
  trustProxy: TrustProxy;
  /** Per API key, user or anonymous address, on every /api/ route; null turns the limit off. */
  rateLimit: { perSecond: number; burst: number } | null;
  /** All callers of one workspace together; null turns that limit off. */
  workspaceRateLimit: { perSecond: number; burst: number } | null;
  /** Failed logins per client address across accounts. */
  loginRateLimit: { perSecond: number; burst: number };
  maxWorkspacesPerUser: number;
  credentialCacheMs: number;
}

/** Reads the environment once; KESHER_SECRET is generated into the data dir on first start when unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.KESHER_DATA_DIR ?? './.kesher/data');
  const perSecond = envNumber(env, 'KESHER_RATE_LIMIT_PER_SECOND', 50, 0);
  const workspacePerSecond = envNumber(env, 'KESHER_WORKSPACE_RATE_LIMIT_PER_SECOND', 200, 0);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    secret: env.KESHER_SECRET ?? readOrCreateSecret(dataDir),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    rateLimit: perSecond === 0 ? null : { perSecond, burst: envNumber(env, 'KESHER_RATE_LIMIT_BURST', 200, 1) },
    workspaceRateLimit:
      workspacePerSecond === 0
        ? null
        : { perSecond: workspacePerSecond, burst: envNumber(env, 'KESHER_WORKSPACE_RATE_LIMIT_BURST', 800, 1) },
    loginRateLimit: {
      perSecond: envNumber(env, 'KESHER_LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1) / 60,
      burst: envNumber(env, 'KESHER_LOGIN_RATE_LIMIT_BURST', 20, 1),
    },
    maxWorkspacesPerUser: envNumber(env, 'KESHER_MAX_WORKSPACES_PER_USER', 3, 0),
    credentialCacheMs: envNumber(env, 'KESHER_CREDENTIAL_CACHE_MS', 1000, 0),
  };
}

/** A number from the environment, at least `min`; a typo stops the start rather than silently changing a limit. */
function envNumber(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min) throw new Error(`${name} must be a number of at least ${min}, not "${raw}"`);
  return value;
}

/**
 * TRUST_PROXY: unset/false/0 → none; true → a proxy on this machine (loopback); otherwise a comma-separated
 * list of the proxies' addresses or CIDRs (e.g. 10.0.0.2,10.1.0.0/16). The client address is then the
 * rightmost X-Forwarded-For entry that is not one of those proxies. (Fastify refuses hop counts: it cannot
 * check the immediate peer with them.)
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') return ['loopback'];
  const list = value.split(',').map((part) => part.trim()).filter(Boolean);
  const names = ['loopback', 'linklocal', 'uniquelocal'];
  const bad = list.find((part) => {
    const [address = '', bits] = part.split('/');
    const kind = isIP(address);
    const maxBits = kind === 6 ? 128 : 32;
    return !names.includes(part) && (kind === 0 || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits)));
  });
  if (bad !== undefined || list.length === 0) throw new Error(`TRUST_PROXY must be true, false, or the proxies' addresses/CIDRs, not "${raw}"`);
  return list;
}

function readOrCreateSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The embedded database lives in a folder of its own inside the data dir. */
export const pgliteDir = (config: Config) => join(config.dataDir, 'pglite');
