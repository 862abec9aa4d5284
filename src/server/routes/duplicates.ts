import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import '../../domain/companies/record.js';
import '../../domain/contacts/record.js';
import { checkDuplicates } from '../../domain/duplicates/check.js';
import { markNotDuplicates } from '../../domain/duplicates/dismiss.js';
import { getDuplicateRules, putDuplicateRules } from '../../domain/duplicates/rules.js';
import { latestDuplicateScan, runDuplicateScan, startDuplicateScan } from '../../domain/duplicates/scan.js';
import {
  checkDuplicatesResultSchema,
  checkDuplicatesSchema,
  duplicateRulesSchema,
  type DuplicateType,
  duplicateTypeQuerySchema,
  latestScanQuerySchema,
  latestScanSchema,
  notDuplicateSchema,
  putDuplicateRulesSchema,
  scanSchema,
  startScanSchema,
} from '../../domain/duplicates/schema.js';
import { recordTypes } from '../../domain/records/registry.js';
import { workspaceCtx } from '../auth/plugin.js';
import { commonErrors, problemSchema } from '../route-kit.js';

const tags = ['duplicates'];

export const duplicateRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  // The types that declare `duplicates` in the registry: the OpenAPI enum, and a 400 for any other name.
  const type = z.enum(recordTypes().flatMap((t) => (t.duplicates ? [t.name] : [])) as [DuplicateType, ...DuplicateType[]]);
  const typeQuery = duplicateTypeQuerySchema.extend({ type: type.default('contact') });
  app.get(
    '/rules',
    { schema: { tags, summary: 'The matching rules of a record type: which rules are on, their weights, blockAt and warnAt', querystring: typeQuery, response: { 200: duplicateRulesSchema, ...commonErrors } } },
    (request) => getDuplicateRules(workspaceCtx(db, request), request.query.type),
  );

  app.put(
    '/rules',
    {
      schema: {
        tags,
        summary: 'Replace the matching rules of a record type (owners and admins); send the version read (0 = defaults), 409 if stale',
        querystring: typeQuery,
        body: putDuplicateRulesSchema,
        response: { 200: duplicateRulesSchema, ...commonErrors, 409: problemSchema },
      },
    },
    (request) => putDuplicateRules(workspaceCtx(db, request), request.query.type, request.body),
  );

  app.post(
    '/check',
    {
      schema: {
        tags,
        summary: 'Likely duplicates of a record about to be saved: the create body, or with id the patch body over that record',
        body: checkDuplicatesSchema.extend({ type }),
        response: { 200: checkDuplicatesResultSchema, ...commonErrors },
      },
    },
    (request) => checkDuplicates(workspaceCtx(db, request), request.body),
  );

  app.post(
    '/not-duplicate',
    {
      schema: {
        tags,
        summary: 'Remember that these records are not duplicates of one another (every pair); checks and scans skip them',
        body: notDuplicateSchema.extend({ type }),
        response: { 200: z.object({ pairs: z.number().int() }), ...commonErrors },
      },
    },
    (request) => markNotDuplicates(workspaceCtx(db, request), request.body),
  );

  app.post(
    '/scans',
    { schema: { tags, summary: 'Start a workspace scan for likely duplicates; it runs in the server, GET /scans/latest shows it', body: startScanSchema.extend({ type }), response: { 202: scanSchema, ...commonErrors } } },
    async (request, reply) => {
      const ctx = workspaceCtx(db, request);
      const scan = await startDuplicateScan(ctx, request.body.type);
      runDuplicateScan(ctx, scan.id, request.body.type).catch((error: unknown) => request.log.error({ err: error }, 'duplicate scan failed'));
      return reply.status(202).send(scan);
    },
  );

  app.get(
    '/scans/latest',
    { schema: { tags, summary: 'The latest scan of a record type and a page of its groups, strongest first', querystring: latestScanQuerySchema.extend({ type: type.default('contact') }), response: { 200: latestScanSchema, ...commonErrors } } },
    (request) => latestDuplicateScan(workspaceCtx(db, request), request.query),
  );
};
