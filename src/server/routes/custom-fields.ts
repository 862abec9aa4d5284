import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  createCustomFieldSchema,
  customFieldSchema,
  listCustomFieldsQuerySchema,
  reorderCustomFieldsSchema,
  updateCustomFieldSchema,
} from '../../domain/custom-fields/schema.js';
import { createCustomField, listCustomFields, reorderCustomFields, updateCustomField } from '../../domain/custom-fields/service.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, editedVersion, idParams, ifMatchHeaders, problemSchema } from '../route-kit.js';

const tags = ['custom fields'];
const list = z.object({ items: z.array(customFieldSchema) });

export const customFieldRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    { schema: { tags, summary: 'Custom fields of a record type, in order', querystring: listCustomFieldsQuerySchema, response: { 200: list, ...commonErrors } } },
    async (request) => ({ items: await listCustomFields(workspaceCtx(db, request), { ...request.query, archived: request.query.archived ? 'true' : 'false' }) }),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Create a custom field (owners and admins); sortable types get their index without downtime',
        body: createCustomFieldSchema,
        response: { 201: customFieldSchema, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createCustomField(workspaceCtx(db, request), request.body)),
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Rename, change options or config, require, archive or restore a custom field (owners and admins); 409 on a stale version',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateCustomFieldSchema,
        response: { 200: customFieldSchema, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const version = editedVersion(request.body.version, request.headers['if-match']);
      const field = await updateCustomField(workspaceCtx(db, request), request.params.id, { ...request.body, version });
      return reply.header('etag', `"${field.version}"`).send(field);
    },
  );

  app.post(
    '/reorder',
    {
      schema: { tags, summary: "Set the order of a record type's custom fields (all their ids, each once)", body: reorderCustomFieldsSchema, response: { 200: list, ...commonErrors } },
    },
    async (request) => ({ items: await reorderCustomFields(workspaceCtx(db, request), request.body) }),
  );
};
