import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  secret: string;
  logLevel: string;
  /** Trust X-Forwarded-* from a proxy in front (so cookies are Secure behind TLS). */
  trustProxy: boolean;
  /** Per API key, user or anonymous address, on every /api/ route; null turns the limit off. */
  rateLimit: { perSecond: number; burst: number } | null;
  /** Failed logins per client address across accounts. */
  loginRateLimit: { perSecond: number; burst: number };
  maxWorkspacesPerUser: number;
}

/** Reads the environment once; KESHER_SECRET is generated into the data dir on first start when unset. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.KESHER_DATA_DIR ?? './.kesher/data');
  const perSecond = envNumber(env, 'KESHER_RATE_LIMIT_PER_SECOND', 50, 0);
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir,
    secret: env.KESHER_SECRET ?? readOrCreateSecret(dataDir),
    logLevel: env.LOG_LEVEL ?? 'info',
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    rateLimit: perSecond === 0 ? null : { perSecond, burst: envNumber(env, 'KESHER_RATE_LIMIT_BURST', 200, 1) },
    loginRateLimit: {
      perSecond: envNumber(env, 'KESHER_LOGIN_RATE_LIMIT_PER_MINUTE', 10, 1) / 60,
      burst: envNumber(env, 'KESHER_LOGIN_RATE_LIMIT_BURST', 20, 1),
    },
    maxWorkspacesPerUser: envNumber(env, 'KESHER_MAX_WORKSPACES_PER_USER', 3, 0),
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
