import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { workspaceCtx } from '../auth/plugin.js';
import { versionedDeleteRoute, commonErrors, editedVersion, idParams, ifMatchHeaders, problemSchema } from '../route-kit.js';
import { activitySchema, createActivitySchema, updateActivitySchema } from '../../domain/activities/schema.js';
import { createActivity, deleteActivity, getActivity, updateActivity } from '../../domain/activities/service.js';

const tags = ['activities'];

export const activityRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.post(
    '/',
    {
      schema: {
        tags,
        summary: 'Log an activity (note, call, meeting, message…) linked to 1–20 records the caller can see',
        body: createActivitySchema,
        response: { 201: activitySchema, ...commonErrors },
      },
    },
    async (request, reply) => {
      const activity = await createActivity(workspaceCtx(db, request), request.body);
      return reply.status(201).header('etag', `"${activity.version}"`).send(activity);
    },
  );

  app.get(
    '/:id',
    { schema: { tags, summary: 'Get an activity', params: idParams, response: { 200: activitySchema, ...commonErrors } } },
    async (request, reply) => {
      const activity = await getActivity(workspaceCtx(db, request), request.params.id);
      return reply.header('etag', `"${activity.version}"`).send(activity);
    },
  );

  app.patch(
    '/:id',
    {
      schema: {
        tags,
        summary: 'Update an activity; send the version you edited (body.version or If-Match), 409 if it is stale; links replaces the links',
        params: idParams,
        headers: ifMatchHeaders,
        body: updateActivitySchema,
        response: { 200: activitySchema, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const version = editedVersion(request.body.version, request.headers['if-match']);
      const activity = await updateActivity(workspaceCtx(db, request), request.params.id, { ...request.body, version });
      return reply.header('etag', `"${activity.version}"`).send(activity);
    },
  );

  versionedDeleteRoute(app, db, { tags, summary: 'Delete an activity (soft); with If-Match or body.version only if that version is current', remove: deleteActivity });
};
