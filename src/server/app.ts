import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { activityRoutes } from './routes/activities.js';
import { apiKeyRoutes } from './routes/api-keys.js';
import { companyRoutes } from './routes/companies.js';
import { contactRoutes } from './routes/contacts.js';
import { eventRoutes } from './routes/events.js';
import { invitationRoutes } from './routes/invitations.js';
import { recordRoutes } from './routes/records.js';
import { searchRoutes } from './routes/search.js';
import { customFieldRoutes } from './routes/custom-fields.js';
import { settingsRoutes } from './routes/settings.js';
import { teamRoutes } from './routes/teams.js';
import { viewRoutes } from './routes/views.js';
import { mergeRoutes } from './routes/merges.js';
import { trashRoutes } from './routes/trash.js';
import { duplicateRoutes } from './routes/duplicates.js';
import { timelineRoutes } from './routes/timeline.js';
import { auditRoutes } from './routes/audit.js';
import { workspaceRoutes } from './routes/workspaces.js';
import { privacyRoutes } from './routes/privacy.js';
import { unsubscribePageRoutes } from './routes/unsubscribe-page.js';
import { settleFieldIndexes } from '../domain/custom-fields/service.js';
import { authPlugin } from './auth/plugin.js';
import { authRoutes } from './auth/routes.js';
import { registerErrorHandler, sendProblem } from './error-handler.js';
import { AppError } from '../core/errors.js';
import { problemSchema } from './route-kit.js';
import type { TrustProxy } from './config.js';
import { defaultRateLimits, type RateLimits } from './rate-limit.js';
import { clientErrorHandler, frameworkErrors, refuseLongUrl } from './framework-errors.js';
import { withSafeErrors } from './log.js';
import { createEventHub } from './realtime/hub.js';
import { listenNowhere, type Listen } from './realtime/listen.js';
import { streamDefaults, type StreamOptions } from './realtime/stream.js';

/** Options of buildApp; everything but `db` and `secret` has a default. */
export interface AppOptions {
  db: Db;
  secret: string;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app; defaults to dist/web; the SPA is not served when it is missing. */
  webDir?: string;
  bodyLimit?: number;
  /** Behind a TLS-terminating proxy: believe its X-Forwarded-Proto/For. */
  trustProxy?: TrustProxy;
  /** Rate limits kept in the database; each part given replaces its default (see server/rate-limit.ts). */
  rateLimits?: Partial<RateLimits>;
  /** How many workspaces one user may create (the CLI is not limited). */
  maxWorkspacesPerUser?: number;
  /**
   * How long a process trusts an API key it has found, in ms (0: ask the database every request). A
   * revocation or role change is seen at once by the process that made it, within this by the others.
   */
  credentialCacheMs?: number;
  /**
   * Subscribes to NOTIFY on the app's database (realtime/listen.ts listenerFor(handle)); without it live
   * streams still get every event, from the hub's safety poll.
   */
  listen?: Listen;
  /** Live streams (GET /api/events): each part given replaces its default. */
  realtime?: Partial<RealtimeOptions>;
}

export interface RealtimeOptions extends StreamOptions {
  /** The hub reads new events at least this often, notification or not. */
  pollMs: number;
  maxStreamsPerUser: number;
}

const realtimeDefaults: RealtimeOptions = { ...streamDefaults, pollMs: 2000, maxStreamsPerUser: 10 };

const defaultWebDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

const defaults = {
  logger: false,
  webDir: defaultWebDir,
  bodyLimit: 1024 * 1024,
  trustProxy: false,
  maxWorkspacesPerUser: 3,
  credentialCacheMs: 1000,
} satisfies Partial<AppOptions>;

/** Builds the whole HTTP app without listening, so tests can `inject` and main.ts can listen. */
export async function buildApp(input: AppOptions) {
  const options = { ...defaults, ...input };
  const { db, secret } = options;
  const limits: RateLimits = { ...defaultRateLimits, ...input.rateLimits };
  const app = Fastify({
    logger: withSafeErrors(options.logger),
    bodyLimit: options.bodyLimit,
    trustProxy: options.trustProxy,
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  app.addHook('onRequest', refuseLongUrl);
  // The API speaks JSON only; anything else is a 415 rather than a string that fails validation.
  app.removeContentTypeParser('text/plain');

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(authPlugin, { db, secret, limits, credentialCacheMs: options.credentialCacheMs });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Kesher API', version: '0.1.0', description: 'Kesher CRM REST API. Errors are RFC 9457 problem+json.' },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key: Authorization: Bearer ksk.…' },
          session: { type: 'apiKey', in: 'cookie', name: 'kesher_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  app.get('/api/openapi.json', { config: { auth: 'public' }, schema: { hide: true } }, () => app.swagger());
  app.get(
    '/healthz',
    { config: { auth: 'public' }, schema: { tags: ['ops'], summary: 'Process is up', response: { 200: z.object({ status: z.literal('ok') }) } } },
    () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    { config: { auth: 'public' }, schema: { tags: ['ops'], summary: 'Database answers', response: { 200: z.object({ status: z.literal('ready') }), 503: problemSchema } } },
    async () => {
      await db.execute(sql`select 1`).catch((error: unknown) => {
        throw new AppError('unavailable', `Database is not reachable: ${(error as Error).message}`);
      });
      return { status: 'ready' as const };
    },
  );

  await app.register(authRoutes, { prefix: '/api/auth', db, secret, limits });
  await app.register(workspaceRoutes, { prefix: '/api', db, maxWorkspacesPerUser: options.maxWorkspacesPerUser });
  await app.register(contactRoutes, { prefix: '/api/contacts', db });
  await app.register(companyRoutes, { prefix: '/api/companies', db });
  await app.register(recordRoutes, { prefix: '/api', db });
  await app.register(searchRoutes, { prefix: '/api/search', db });
  await app.register(customFieldRoutes, { prefix: '/api/custom-fields', db });
  await app.register(viewRoutes, { prefix: '/api/views', db });
  await app.register(teamRoutes, { prefix: '/api/teams', db });
  await app.register(settingsRoutes, { prefix: '/api/workspace', db });
  await app.register(activityRoutes, { prefix: '/api/activities', db });
  await app.register(timelineRoutes, { prefix: '/api/timeline', db });
  const realtime = { ...realtimeDefaults, ...input.realtime };
  const hub = createEventHub({
    db,
    listen: options.listen ?? listenNowhere,
    pollMs: realtime.pollMs,
    onError: (error) => app.log.error(error, 'reading live events failed'),
  });
  app.addHook('onClose', () => hub.close());
  // A field's index may still be building; the database must outlive it.
  app.addHook('onClose', () => settleFieldIndexes());
  await app.register(eventRoutes, { prefix: '/api/events', db, hub, stream: realtime, maxStreamsPerUser: realtime.maxStreamsPerUser });
  await app.register(apiKeyRoutes, { prefix: '/api/api-keys', db });
  await app.register(invitationRoutes, { prefix: '/api/invitations', db, secret });
  await app.register(trashRoutes, { prefix: '/api/trash', db });
  await app.register(duplicateRoutes, { prefix: '/api/duplicates', db });
  await app.register(auditRoutes, { prefix: '/api', db });
  await app.register(mergeRoutes, { prefix: '/api/merges', db });
  await app.register(privacyRoutes, { prefix: '/api', db });
  await app.register(unsubscribePageRoutes, { db });

  const hasWeb = existsSync(join(options.webDir, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: options.webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // A path that names a file (/assets/missing.js, /favicon.ico) is a 404, never the app's page.
    const path = request.url.split('?')[0]!;
    const looksLikeFile = path.startsWith('/assets/') || /\.[^/]*$/.test(path);
    const isApi = /^\/api(\/|$)/i.test(path);
    const wantsPage = request.method === 'GET' && !isApi && !looksLikeFile && hasWeb;
    if (wantsPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendProblem(new AppError('not_found', `No route ${request.method} ${path}`), request, reply);
  });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;
