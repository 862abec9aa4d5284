import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  loginSchema,
  sessionInfoSchema,
  switchWorkspaceSchema,
  updateLocaleSchema,
  type SessionInfo,
  type User,
} from '../../domain/users/schema.js';
import { setUserLocale } from '../../domain/users/service.js';
import { seenNoticesSchema } from '../../domain/workspaces/schema.js';
import { listMembershipNotices, markMembershipNoticesSeen } from '../../domain/workspaces/notices.js';
import { findLandingWorkspaceId, listUserWorkspaces, setLastWorkspace } from '../../domain/workspaces/service.js';
import { AppError } from '../../core/errors.js';
import { clientAddress, type RateLimits } from '../rate-limit.js';
import { commonErrors } from '../route-kit.js';
import { userCtx } from './plugin.js';
import { throttledLogin } from './login.js';
import { createSession, deleteSession, sessionCookie, setSessionWorkspace } from './sessions.js';
import { csrfTokenFor } from '../../core/tokens.js';

export interface AuthRoutesOptions {
  db: Db;
  secret: string;
  limits: RateLimits;
}

export async function sessionInfo(db: Db, secret: string, token: string, user: User, workspaceId: string | null): Promise<SessionInfo> {
  const workspaces = await listUserWorkspaces(db, user.id);
  return {
    user,
    workspace: workspaces.find((w) => w.id === workspaceId) ?? null,
    workspaces,
    notices: await listMembershipNotices(db, user.id),
    csrfToken: csrfTokenFor(secret, token),
  };
}

export const setSessionCookie = (reply: FastifyReply, token: string, expires: Date, secure: boolean) =>
  reply.setCookie(sessionCookie, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires });

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { db, secret, limits }) => {
  app.post(
    '/login',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['auth'],
        summary: 'Log in with email and password; sets the session cookie',
        body: loginSchema,
        response: { 200: sessionInfoSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const user = await throttledLogin(db, clientAddress(request.ip), request.body, limits);
      // Never a workspace the user has not opened: one they were added to waits until they choose it.
      const workspaceId = await findLandingWorkspaceId(db, user.id);
      const { token, expiresAt } = await createSession(db, user.id, workspaceId);
      setSessionCookie(reply, token, expiresAt, request.protocol === 'https');
      return sessionInfo(db, secret, token, user, workspaceId);
    },
  );

  app.get(
    '/session',
    { config: { auth: 'user' }, schema: { tags: ['auth'], summary: 'Who is logged in', response: { 200: sessionInfoSchema, ...commonErrors } } },
    async (request) => {
      const identity = request.identity!;
      if (identity.kind !== 'session') throw new AppError('unauthenticated', 'Log in first');
      return sessionInfo(db, secret, identity.token, identity.user, identity.workspaceId);
    },
  );

  app.post(
    '/logout',
    { config: { auth: 'user' }, schema: { tags: ['auth'], summary: 'End the session', response: { 204: z.null(), ...commonErrors } } },
    async (request, reply) => {
      await deleteSession(db, userCtx(db, request).token);
      reply.clearCookie(sessionCookie, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/workspace',
    {
      config: { auth: 'user' },
      schema: { tags: ['auth'], summary: 'Switch the active workspace', body: switchWorkspaceSchema, response: { 200: sessionInfoSchema, ...commonErrors } },
    },
    async (request) => {
      const { user, token } = userCtx(db, request);
      const workspaces = await listUserWorkspaces(db, user.id);
      // Not a member and no such workspace look the same: another tenant's id reveals nothing.
      if (!workspaces.some((w) => w.id === request.body.workspaceId)) throw new AppError('not_found', 'Workspace not found');
      await setSessionWorkspace(db, token, request.body.workspaceId);
      await setLastWorkspace(db, user.id, request.body.workspaceId);
      return sessionInfo(db, secret, token, user, request.body.workspaceId);
    },
  );

  app.post(
    '/notices/seen',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['auth'],
        summary: 'Mark "you were added to X" notices of my memberships in these workspaces as seen',
        body: seenNoticesSchema,
        response: { 204: z.null(), ...commonErrors },
      },
    },
    async (request, reply) => {
      await markMembershipNoticesSeen(db, userCtx(db, request).user.id, request.body.workspaceIds);
      return reply.status(204).send(null);
    },
  );

  app.put(
    '/locale',
    {
      config: { auth: 'user' },
      schema: { tags: ['auth'], summary: "Remember the user's language", body: updateLocaleSchema, response: { 204: z.null(), ...commonErrors } },
    },
    async (request, reply) => {
      await setUserLocale(db, userCtx(db, request).user.id, request.body.locale);
      return reply.status(204).send(null);
    },
  );
};
