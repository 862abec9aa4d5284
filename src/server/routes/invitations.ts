import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { optionalUser, workspaceCtx } from '../auth/plugin.js';
import { sessionInfo, setSessionCookie } from '../auth/routes.js';
import { createSession, setSessionWorkspace } from '../auth/sessions.js';
import { commonErrors, idParams, noContent } from '../route-kit.js';
import { acceptedInvitationSchema, acceptInvitationSchema, invitationPreviewSchema, invitationTokenSchema, createdInvitationSchema, createInvitationSchema, invitationSchema } from '../../domain/invitations/schema.js';
import { acceptInvitation, previewInvitation } from '../../domain/invitations/accept.js';
import { createInvitation, listInvitations, revokeInvitation } from '../../domain/invitations/service.js';

const tags = ['invitations'];

export const invitationRoutes: FastifyPluginAsyncZod<{ db: Db; secret: string }> = async (app, { db, secret }) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Open invitations (admins)', response: { 200: z.object({ items: z.array(invitationSchema) }), ...commonErrors } } },
    async (request) => ({ items: await listInvitations(workspaceCtx(db, request)) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Invite someone by email with a role; the token is shown in this answer only',
        body: createInvitationSchema,
        response: { 201: createdInvitationSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createInvitation(workspaceCtx(db, request), request.body)),
  );

  app.delete(
    '/:id',
    { schema: { tags, summary: 'Revoke an invitation', params: idParams, response: { 204: noContent, ...commonErrors } } },
    async (request, reply) => {
      await revokeInvitation(workspaceCtx(db, request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/preview',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'What an invitation offers (workspace, role now, invited email), for the accept page; the token goes in the body, never in a URL',
        body: invitationTokenSchema,
        response: { 200: invitationPreviewSchema, ...commonErrors },
      },
    },
    (request) => previewInvitation(db, request.body),
  );

  app.post(
    '/accept',
    {
      // Anyone may call it, but a session that is sent is identified (and needs the CSRF token).
      config: { auth: 'optional' },
      schema: {
        tags,
        summary:
          'Accept an invitation. An email with an account: only in that account’s session. ' +
          'A new email: give name and password; the account is created and logged in. ' +
          'Without a session, a bare token is a 401 whether or not the email has an account. ' +
          'The answer’s session has no notices and names no other user. ' +
          'The role is the lower of the invitation’s and the inviter’s current role; an invitation whose inviter left is void (404).',
        body: acceptInvitationSchema,
        response: { 200: acceptedInvitationSchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const caller = optionalUser(request);
      const accepted = await acceptInvitation(db, request.body, caller?.user ?? null);
      let token = caller?.token;
      if (token) await setSessionWorkspace(db, token, accepted.workspace.id);
      else {
        const created = await createSession(db, accepted.user.id, accepted.workspace.id);
        token = created.token;
        setSessionCookie(reply, created.token, created.expiresAt, request.protocol === 'https');
      }
      const session = await sessionInfo(db, secret, token, accepted.user, accepted.workspace.id);
      // Notices name who added the user (here and elsewhere): this answer carries no other user's
      // identity, so they come with the next GET /api/auth/session.
      return { session: { ...session, notices: [] }, workspace: accepted.workspace, role: accepted.role };
    },
  );
};
