import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors } from '../route-kit.js';
import { mergedAwayNote, mergedAwayResponse, orSurvivor } from './merged-away.js';
import { timelinePageSchema, timelineParamsSchema, timelineQuerySchema } from '../../domain/activities/schema.js';
import { listTimeline } from '../../domain/activities/timeline.js';

export const timelineRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/:recordType/:id',
    {
      schema: {
        tags: ['activities'],
        summary: "A record's timeline, newest first in keyset pages; kinds=note,call filters; a company's includes its people's activities",
        description: mergedAwayNote,
        params: timelineParamsSchema,
        querystring: timelineQuerySchema,
        response: { 200: timelinePageSchema, ...mergedAwayResponse, ...commonErrors },
      },
    },
    (request, reply) => {
      const { recordType, id } = request.params;
      return listTimeline(workspaceCtx(db, request), recordType, id, request.query).catch(orSurvivor(db, request, reply, recordType, id));
    },
  );
};
