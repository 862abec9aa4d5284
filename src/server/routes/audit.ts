import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors } from '../route-kit.js';
import { auditPageSchema, auditQuerySchema, historyParamsSchema, historyQuerySchema } from '../../domain/audit/schema.js';
import { listAudit, listHistory } from '../../domain/audit/service.js';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/history/:recordType/:id',
    {
      schema: {
        tags,
        summary: 'A record’s history (who, when, through what, each field’s old and new value), newest first',
        params: historyParamsSchema,
        querystring: historyQuerySchema,
        response: { 200: auditPageSchema, ...commonErrors },
      },
    },
    (request) => listHistory(workspaceCtx(db, request), request.params.recordType, request.params.id, request.query),
  );

  app.get(
    '/audit',
    {
      schema: {
        tags,
        summary: 'The workspace’s audit log (owners and admins); filters recordType, recordId, actorUserId, action, channel, from, to',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...commonErrors },
      },
    },
    (request) => listAudit(workspaceCtx(db, request), request.query),
  );
};
