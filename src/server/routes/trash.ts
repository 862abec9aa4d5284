import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, noContent } from '../route-kit.js';
import { listTrashQuerySchema, restoredSchema, trashPageSchema, trashParamsSchema } from '../../domain/trash/schema.js';
import { listTrash, purgeRecord, restoreRecord } from '../../domain/trash/service.js';

const tags = ['trash'];

export const trashRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: 'Deleted records of every type (or ?recordType=), newest deletion first, keyset pages',
        querystring: listTrashQuerySchema,
        response: { 200: trashPageSchema, ...commonErrors },
      },
    },
    (request) => listTrash(workspaceCtx(db, request), request.query),
  );

  app.post(
    '/:recordType/:id/restore',
    {
      schema: {
        tags,
        summary: 'Restore a record from the trash, with its links and activities',
        params: trashParamsSchema,
        response: { 200: restoredSchema, ...commonErrors },
      },
    },
    (request) => restoreRecord(workspaceCtx(db, request), request.params.recordType, request.params.id),
  );

  app.delete(
    '/:recordType/:id',
    {
      schema: {
        tags,
        summary: 'Purge a record from the trash for good (owners and admins); activities linked to it alone go too',
        params: trashParamsSchema,
        response: { 204: noContent, ...commonErrors },
      },
    },
    async (request, reply) => {
      await purgeRecord(workspaceCtx(db, request), request.params.recordType, request.params.id);
      return reply.status(204).send(null);
    },
  );
};
