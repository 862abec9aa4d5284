import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { createViewSchema, listViewsQuerySchema, updateViewSchema, viewSchema } from '../../domain/views/schema.js';
import { createView, deleteView, listViews, updateView } from '../../domain/views/service.js';
import { workspaceCtx } from '../auth/plugin.js';
import { versionedDeleteRoute, commonErrors, editedVersion, idParams, ifMatchHeaders, problemSchema } from '../route-kit.js';

const tags = ['views'];

export const viewRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: { tags, summary: 'Saved views of a record type: shared ones and my own', querystring: listViewsQuerySchema, response: { 200: z.object({ items: z.array(viewSchema) }), ...commonErrors } },
    },
    async (request) => ({ items: await listViews(workspaceCtx(db, request), request.query) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Save a view (private, or shared with the workspace); its filter and sort are checked like a list\'s',
        body: createViewSchema,
        response: { 201: viewSchema, ...commonErrors },
      },
    },
    async (request, reply) => reply.status(201).send(await createView(workspaceCtx(db, request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Change a view (its owner; a shared one also an admin); 409 on a stale version',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateViewSchema,
        response: { 200: viewSchema, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const version = editedVersion(request.body.version, request.headers['if-match']);
      const view = await updateView(workspaceCtx(db, request), request.params.id, { ...request.body, version });
      return reply.header('etag', `"${view.version}"`).send(view);
    },
  );

  versionedDeleteRoute(app, db, { tags, summary: 'Delete a view (its owner; a shared one also an admin)', remove: deleteView });
};
