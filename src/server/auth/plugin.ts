import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../../db/client.js';
import { authenticateApiKey } from '../../domain/api-keys/service.js';
import { toUser } from '../../domain/users/service.js';
import { findMembershipRole } from '../../domain/workspaces/service.js';
import type { User } from '../../domain/users/schema.js';
import type { Role } from '../../domain/workspaces/schema.js';
import type { Ctx, UserCtx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { limitApiRequest, throttleBadApiKey, type RateLimits } from '../rate-limit.js';
import { findSession, sessionCookie } from './sessions.js';
import { csrfTokenFor, safeEqual } from '../../core/tokens.js';

/**
 * How much identity a route needs: none, a logged-in person, or a role in a workspace (the default).
 * 'optional': anyone, but a session cookie that is sent is identified (and its writes need CSRF).
 */
export type AuthLevel = 'public' | 'optional' | 'user' | 'workspace';

export type Identity =
  | { kind: 'session'; token: string; user: User; workspaceId: string | null; role: Role | null }
  | { kind: 'apiKey'; apiKeyId: string; workspaceId: string; role: Role; actorUserId: string };

declare module 'fastify' {
  interface FastifyContextConfig {
    auth?: AuthLevel;
  }
  interface FastifyRequest {
    identity: Identity | null;
  }
}

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

async function identify(db: Db, request: FastifyRequest, limits: RateLimits, cacheMs: number): Promise<Identity | null> {
  const header = request.headers.authorization;
  if (header) {
    const [scheme, key] = header.split(' ');
    const found = scheme?.toLowerCase() === 'bearer' && key ? await authenticateApiKey(db, key, { cacheMs }) : undefined;
    if (!found) {
      await throttleBadApiKey(db, request, limits);
      throw new AppError('unauthenticated', 'Invalid or revoked API key');
    }
    return { kind: 'apiKey', ...found };
  }
  const token = request.cookies[sessionCookie];
  if (!token) return null;
  const found = await findSession(db, token);
  if (!found) return null;
  const { session, user } = found;
  const role = session.workspaceId ? await findMembershipRole(db, session.workspaceId, user.id) : undefined;
  return {
    kind: 'session',
    token,
    user: toUser(user),
    workspaceId: role ? session.workspaceId : null,
    role: role ?? null,
  };
}

/** Resolves who is calling on every request and enforces the route's auth level and CSRF. */
export const authPlugin = fp(async (app: FastifyInstance, options: { db: Db; secret: string; limits: RateLimits; credentialCacheMs: number }) => {
  app.decorateRequest('identity', null);
  // Routes under /api/ need a workspace unless they say otherwise; the web app's files and the API docs are public.
  app.addHook('onRoute', (route) => {
    if (route.config?.auth) return;
    const isApi = route.url.startsWith('/api/') && !route.url.startsWith('/api/docs');
    route.config = { ...route.config, auth: isApi ? 'workspace' : 'public' };
  });
  app.addHook('onRequest', async (request, reply) => {
    const level = request.routeOptions.config.auth ?? 'public';
    if (level !== 'public') request.identity = await identify(options.db, request, options.limits, options.credentialCacheMs);
    // Every API call pays one limiter statement; static files, the docs and /healthz, /readyz do not.
    const url = request.routeOptions.url ?? '';
    if (url.startsWith('/api/') && !url.startsWith('/api/docs')) await limitApiRequest(options.db, request, reply, options.limits);
    if (level === 'public') return;
    const identity = request.identity;
    if (!identity && level === 'optional') return;
    if (!identity) throw new AppError('unauthenticated', 'Log in or send an API key');
    if (identity.kind === 'session' && !safeMethods.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, csrfTokenFor(options.secret, identity.token))) {
        throw new AppError('csrf_failed', 'Missing or wrong x-csrf-token header');
      }
    }
    if ((level === 'user' || level === 'optional') && identity.kind !== 'session') {
      throw new AppError('forbidden', 'This needs a logged-in user, not an API key');
    }
    if (level === 'workspace' && !identity.workspaceId) {
      throw new AppError('forbidden', 'Choose a workspace first');
    }
  });
});

export function workspaceCtx(db: Db, request: FastifyRequest): Ctx {
  const identity = request.identity;
  if (!identity?.workspaceId || !identity.role) throw new AppError('unauthenticated', 'Log in or send an API key');
  return {
    db,
    workspaceId: identity.workspaceId,
    role: identity.role,
    user: identity.kind === 'session' ? identity.user : null,
    apiKeyId: identity.kind === 'apiKey' ? identity.apiKeyId : null,
    actorUserId: identity.kind === 'apiKey' ? identity.actorUserId : identity.user.id,
    channel: identity.kind === 'apiKey' ? 'api' : 'web',
  };
}

/** The logged-in user of an 'optional' route, or null. */
export const optionalUser = (request: FastifyRequest) => (request.identity?.kind === 'session' ? request.identity : null);

export function userCtx(db: Db, request: FastifyRequest): UserCtx & { token: string } {
  const identity = request.identity;
  if (identity?.kind !== 'session') throw new AppError('unauthenticated', 'Log in first');
  return { db, user: identity.user, token: identity.token };
}
