import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { createTeamSchema, teamSchema, updateTeamSchema } from '../../domain/teams/schema.js';
import { createTeam, deleteTeam, listTeams, updateTeam } from '../../domain/teams/service.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, editedVersion, idParams, ifMatchHeaders, noContent, problemSchema, versionBody } from '../route-kit.js';

const tags = ['teams'];

export const teamRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Teams of the workspace with their members', response: { 200: z.object({ items: z.array(teamSchema) }), ...commonErrors } } },
    async (request) => ({ items: await listTeams(workspaceCtx(db, request)) }),
  );

  app.post(
    '/',
    {
      schema: { tags, summary: 'Create a team (admins); members must belong to the workspace', body: createTeamSchema, response: { 201: teamSchema, ...commonErrors, 409: problemSchema } },
    },
    async (request, reply) => reply.status(201).send(await createTeam(workspaceCtx(db, request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Rename a team or replace its members (admins); 409 on a stale version',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateTeamSchema,
        response: { 200: teamSchema, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const version = editedVersion(request.body.version, request.headers['if-match']);
      const team = await updateTeam(workspaceCtx(db, request), request.params.id, { ...request.body, version });
      return reply.header('etag', `"${team.version}"`).send(team);
    },
  );

  app.delete(
    '/:id',
    {
      schema: { tags, summary: 'Delete a team (admins)', params: idParams, headers: ifMatchHeaders, body: versionBody, response: { 204: noContent, ...commonErrors, 409: problemSchema } },
    },
    async (request, reply) => {
      const version = editedVersion(request.body?.version, request.headers['if-match']);
      await deleteTeam(workspaceCtx(db, request), request.params.id, { version });
      return reply.status(204).send(null);
    },
  );
};
