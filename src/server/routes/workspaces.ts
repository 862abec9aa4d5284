import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { userCtx, workspaceCtx } from '../auth/plugin.js';
import { commonErrors, idParams, noContent, problemSchema } from '../route-kit.js';
import { createWorkspaceSchema, memberSchema, updateMemberSchema, workspaceSchema } from '../../domain/workspaces/schema.js';
import { createWorkspace, listMembers, listUserWorkspaces, removeMember, updateMemberRole } from '../../domain/workspaces/service.js';

export const workspaceRoutes: FastifyPluginAsyncZod<{ db: Db; maxWorkspacesPerUser: number }> = async (app, { db, maxWorkspacesPerUser }) => {
  app.get(
    '/workspaces',
    {
      config: { auth: 'user' },
      schema: { tags: ['workspaces'], summary: 'Workspaces I belong to', response: { 200: z.object({ items: z.array(workspaceSchema) }), ...commonErrors } },
    },
    async (request) => ({ items: await listUserWorkspaces(db, userCtx(db, request).user.id) }),
  );

  app.post(
    '/workspaces',
    {
      config: { auth: 'user' },
      schema: {
        tags: ['workspaces'],
        summary: 'Create a workspace; I become its owner',
        body: createWorkspaceSchema,
        response: { 201: workspaceSchema, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createWorkspace(userCtx(db, request), request.body, { maxPerUser: maxWorkspacesPerUser })),
  );

  app.get(
    '/members',
    { schema: { tags: ['members'], summary: 'Members of the active workspace', response: { 200: z.object({ items: z.array(memberSchema) }), ...commonErrors } } },
    async (request) => ({ items: await listMembers(workspaceCtx(db, request)) }),
  );

  app.patch(
    '/members/:id',
    {
      schema: {
        tags: ['members'],
        summary: "Change a member's role (admins; never above your own)",
        params: idParams,
        body: updateMemberSchema,
        response: { 200: memberSchema, ...commonErrors, 409: problemSchema },
      },
    },
    (request) => updateMemberRole(workspaceCtx(db, request), request.params.id, request.body.role),
  );

  app.delete(
    '/members/:id',
    {
      schema: {
        tags: ['members'],
        summary: 'Remove a member (admins; never someone ranked above you), or leave (your own membership). Revokes their API keys; the last owner stays',
        params: idParams,
        response: { 204: noContent, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      await removeMember(workspaceCtx(db, request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
