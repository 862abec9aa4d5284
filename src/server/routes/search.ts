import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { searchQuerySchema, searchResultSchema } from '../../domain/search/schema.js';
import { search } from '../../domain/search/service.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors } from '../route-kit.js';

export const searchRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['search'],
        summary:
          'Search as you type across record types: exact word, word prefix, fragment, then typo/transliteration; names, emails, phones in any format, a contact’s company',
        querystring: searchQuerySchema,
        response: { 200: searchResultSchema, ...commonErrors },
      },
    },
    (request) => search(workspaceCtx(db, request), request.query),
  );
};
