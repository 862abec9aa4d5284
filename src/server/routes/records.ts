import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import '../../domain/companies/record.js';
import '../../domain/contacts/record.js';
import { catalogueFieldSchema } from '../../domain/records/filter-schema.js';
import { getRecord, listFieldCatalogue, listRecords, listRecordsQuerySchema } from '../../domain/records/list.js';
import { findRecordType, recordTypes, type RecordType } from '../../domain/records/registry.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, idParams } from '../route-kit.js';
import { mergedAwayNote, mergedAwayResponse, orSurvivor } from './merged-away.js';

/** GET /api/<plural> (the list) and GET /api/<plural>/:id for one record type. */
const recordReadRoutes: FastifyPluginAsyncZod<{ db: Db; type: RecordType }> = async (app, { db, type }) => {
  const tags = [type.plural];
  const itemSchema = type.itemSchema as z.ZodType<unknown>;
  app.get(
    '/',
    {
      schema: {
        tags,
        summary: `List ${type.plural}: filter (the filter language, JSON), q (search), sort, a saved view; keyset pages`,
        description: 'See docs/api.md for the filter language. An unknown field or an operator that does not fit its type is a 400 naming the path.',
        querystring: listRecordsQuerySchema,
        response: { 200: z.object({ items: z.array(itemSchema), nextCursor: z.string().nullable() }), ...commonErrors },
      },
    },
    (request) => listRecords(workspaceCtx(db, request), type, request.query),
  );

  app.get(
    '/:id',
    {
      schema: {
        tags,
        summary: `Get a ${type.name} (404 when deleted, in another workspace or not visible to you); ETag is its version`,
        description: mergedAwayNote,
        params: idParams,
        response: { 200: itemSchema, ...mergedAwayResponse, ...commonErrors },
      },
    },
    (request, reply) =>
      getRecord(workspaceCtx(db, request), type, request.params.id)
        .then((item) => reply.header('etag', `"${item.version}"`).send(item))
        .catch(orSurvivor(db, request, reply, type.name, request.params.id)),
  );
};

/** The read side of every registered record type, and the field catalogue. */
export const recordRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  for (const type of recordTypes()) {
    await app.register(recordReadRoutes, { prefix: `/${type.plural}`, db, type });
  }
  const names = recordTypes().map((t) => t.name) as [string, ...string[]];
  app.get(
    '/fields/:recordType',
    {
      schema: {
        tags: ['fields'],
        summary: 'Fields of a record type, built-in and custom, with the operators each takes (filter builder, column picker)',
        params: z.strictObject({ recordType: z.enum(names) }),
        response: { 200: z.array(catalogueFieldSchema), ...commonErrors },
      },
    },
    (request) => listFieldCatalogue(workspaceCtx(db, request), findRecordType(request.params.recordType)!),
  );
};
