import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { recordSettingsSchema, updateRecordSettingsSchema } from '../../domain/teams/schema.js';
import { getRecordSettings, updateRecordSettings } from '../../domain/teams/settings.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors } from '../route-kit.js';

const tags = ['workspace'];

export const settingsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/record-settings',
    { schema: { tags, summary: 'Who sees which records (per role) and how long the trash keeps them', response: { 200: recordSettingsSchema, ...commonErrors } } },
    (request) => getRecordSettings(workspaceCtx(db, request)),
  );

  app.put(
    '/record-settings',
    {
      schema: {
        tags,
        summary: 'Change record visibility per role (merged role by role) or the trash retention (owners and admins)',
        body: updateRecordSettingsSchema,
        response: { 200: recordSettingsSchema, ...commonErrors },
      },
    },
    (request) => updateRecordSettings(workspaceCtx(db, request), request.body),
  );
};
