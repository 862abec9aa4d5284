import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../db/client.js';
import type { LoginDelayPolicy } from '../domain/rate-limits/login-delays.js';
import { consumeRate, type RateDecision, type RatePolicy } from '../domain/rate-limits/service.js';
import { AppError } from '../core/errors.js';

/** Every limit of the server; all of them live in the database, so several processes share them. */
export interface RateLimits {
  /** Per credential (API key, user, or address when anonymous) on every /api/ route; false turns it off. */
  api: RatePolicy | false;
  /**
   * All credentials of one workspace together (its keys and its people), so creating more keys does not
   * multiply a workspace's allowance; false turns it off. Counted only when `api` is on.
   */
  workspace: RatePolicy | false;
  /** Wrong API keys per client address. */
  badApiKey: RatePolicy;
  /** Failed logins per client address, whatever the account. */
  login: RatePolicy;
  /** The growing wait per email and address after failed logins. */
  loginDelay: LoginDelayPolicy;
}

export const defaultRateLimits: RateLimits = {
  // A page load is a handful of requests; 940 req/s from one key is throttled.
  api: { perSecond: 50, burst: 200 },
  // Four busy callers' worth: a team clicking never meets it, eight keys at full speed do.
  workspace: { perSecond: 200, burst: 800 },
  badApiKey: { perSecond: 1, burst: 20 },
  login: { perSecond: 10 / 60, burst: 20 },
  loginDelay: { freeFailures: 5, baseSeconds: 2, maxSeconds: 15 * 60 },
};

export const tooMany = (message: string, retryAfterSeconds: number) =>
  new AppError('too_many_requests', message, { retryAfterSeconds });

/**
 * The client as the limits see it: an IPv4 address, or an IPv6 /64 — one subscriber usually holds a whole
 * /64, so counting single IPv6 addresses would let them rotate past every per-address limit.
 */
export function clientAddress(ip: string): string {
  const bare = ip.split('%')[0]!;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  if (!bare.includes(':')) return bare;
  const [head = '', tail = ''] = bare.split('::');
  const start = head ? head.split(':') : [];
  const end = tail ? tail.split(':') : [];
  const groups = bare.includes('::') ? [...start, ...Array<string>(8 - start.length - end.length).fill('0'), ...end] : start;
  return `${groups.slice(0, 4).map((g) => Number.parseInt(g, 16).toString(16)).join(':')}::/64`;
}

const badKeyMessage = 'Too many wrong API keys from this address; try again later';
const badKeyBucket = (request: FastifyRequest) => `badkey:${clientAddress(request.ip)}`;

/** RateLimit-* headers of draft-ietf-httpapi-ratelimit-headers (the three-field form). */
function setRateHeaders(reply: FastifyReply, decision: RateDecision) {
  reply.header('ratelimit-limit', String(decision.limit));
  reply.header('ratelimit-remaining', String(decision.remaining));
  reply.header('ratelimit-reset', String(decision.resetSeconds));
}

/** The per-credential limit of one API call; an address blocked for wrong keys is refused even with a good key. */
export async function limitApiRequest(db: Db, request: FastifyRequest, reply: FastifyReply, limits: RateLimits) {
  if (!limits.api) return;
  const identity = request.identity;
  const key = identity?.kind === 'apiKey' ? `key:${identity.apiKeyId}` : identity ? `user:${identity.user.id}` : `addr:${clientAddress(request.ip)}`;
  const peek = identity?.kind === 'apiKey' ? { key: badKeyBucket(request), policy: limits.badApiKey } : undefined;
  const workspaceId = identity?.workspaceId;
  const also = workspaceId && limits.workspace ? { key: `ws:${workspaceId}`, policy: limits.workspace } : undefined;
  const decision = await consumeRate(db, key, limits.api, peek, also);
  setRateHeaders(reply, decision);
  if (!decision.allowed) {
    const message = decision.sharedBucket ? 'Too many requests from this workspace; slow down' : 'Too many requests; slow down';
    throw tooMany(message, decision.retryAfterSeconds);
  }
  if (decision.peekRetryAfterSeconds) throw tooMany(badKeyMessage, decision.peekRetryAfterSeconds);
}

/** Counts a wrong API key against its address; past the limit the answer is a 429 instead of a 401. */
export async function throttleBadApiKey(db: Db, request: FastifyRequest, limits: RateLimits) {
  const decision = await consumeRate(db, badKeyBucket(request), limits.badApiKey);
  if (!decision.allowed) throw tooMany(badKeyMessage, decision.retryAfterSeconds);
}
