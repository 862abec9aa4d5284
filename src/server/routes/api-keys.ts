import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, idParams, noContent } from '../route-kit.js';
import { apiKeySchema, createApiKeySchema, createdApiKeySchema } from '../../domain/api-keys/schema.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../domain/api-keys/service.js';

const tags = ['api-keys'];

export const apiKeyRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    { schema: { tags, summary: 'API keys of the workspace (admins)', response: { 200: z.object({ items: z.array(apiKeySchema) }), ...commonErrors } } },
    async (request) => ({ items: await listApiKeys(workspaceCtx(db, request)) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create an API key; the secret is shown in this answer only. Use it as `Authorization: Bearer <secret>`',
        body: createApiKeySchema,
        response: { 201: createdApiKeySchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiKey(workspaceCtx(db, request), request.body)),
  );

  app.delete(
    '/:id',
    { schema: { tags, summary: 'Revoke an API key', params: idParams, response: { 204: noContent, ...commonErrors } } },
    async (request, reply) => {
      await revokeApiKey(workspaceCtx(db, request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
