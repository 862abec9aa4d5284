import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { createMergeSchema, listMergesQuerySchema, mergeIdParams, mergePreviewQuerySchema, mergePreviewSchema, mergeSchema } from '../../domain/merge/schema.js';
import { createMerge, listMerges, previewMerge, undoMerge } from '../../domain/merge/service.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, problemSchema } from '../route-kit.js';

const tags = ['merges'];

/** Merging records of one type into one, and undoing it within 30 days. */
export const mergeRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/preview',
    {
      schema: {
        tags,
        summary: 'What a merge of these records would do: each record’s value per field, the default choice, the united lists, what moves',
        querystring: mergePreviewQuerySchema,
        response: { 200: mergePreviewSchema, ...commonErrors },
      },
    },
    (request) => previewMerge(workspaceCtx(db, request), request.query),
  );

  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Merge records into the survivor in one transaction; every record’s version is checked (409 when stale or merged meanwhile)',
        body: createMergeSchema,
        response: { 201: z.object({ merge: mergeSchema, item: z.unknown() }), ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await createMerge(workspaceCtx(db, request), request.body)),
  );

  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Recent merges of a record (as survivor or merged away), newest first',
        querystring: listMergesQuerySchema,
        response: { 200: z.object({ items: z.array(mergeSchema) }), ...commonErrors },
      },
    },
    async (request) => ({ items: await listMerges(workspaceCtx(db, request), request.query) }),
  );

  app.post(
    '/:id/undo',
    {
      schema: {
        tags,
        summary: 'Undo a merge within 30 days (410 after); 409 while a later merge involves these records or a merged record was purged',
        params: mergeIdParams,
        response: { 200: z.object({ merge: mergeSchema, keptFields: z.array(z.string()) }), ...commonErrors, 409: problemSchema, 410: problemSchema },
      },
    },
    (request) => undoMerge(workspaceCtx(db, request), request.params.id),
  );
};
