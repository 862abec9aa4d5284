import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../../server/auth/plugin.js';
import { commonErrors, idParams, noContent } from '../../server/route-kit.js';
import { userSchema } from '../users/schema.js';
import { acceptInvitationSchema, createdInvitationSchema, createInvitationSchema, invitationSchema } from './schema.js';
import { acceptInvitation, createInvitation, listInvitations, revokeInvitation } from './service.js';

const tags = ['invitations'];

export const invitationRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
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
    '/accept',
    {
      config: { auth: 'public' },
      schema: {
        tags,
        summary: 'Accept an invitation (creates the account when the email has none); then log in',
        body: acceptInvitationSchema,
        response: { 200: z.object({ user: userSchema, workspaceId: z.uuid() }), ...commonErrors },
      },
    },
    (request) => acceptInvitation(db, request.body),
  );
};
