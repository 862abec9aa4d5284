import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../core/context.js';
import type { Db } from '../db/client.js';
import { workspaceCtx } from './auth/plugin.js';
import { ifMatchSchema, versionSchema } from '../domain/common/schema.js';
import { AppError } from '../core/errors.js';
import { mergedAwayWriteNote, orSurvivor } from './routes/merged-away.js';

/** Shared pieces of route schemas. */
export const idParams = z.strictObject({ id: z.uuid() });
export const problemSchema = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number(),
  code: z.string(),
  detail: z.string(),
  fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export const noContent = z.null();

/** The problem responses every authenticated route can give, for the OpenAPI document (429: the rate limit). */
export const commonErrors = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 429: problemSchema };

/** Routes that take the version a client edited declare `If-Match` here, so OpenAPI documents it and a bad one is a 400. */
export const ifMatchHeaders = z.looseObject({ 'if-match': ifMatchSchema.optional() });

/** The body of a DELETE that checks the version, like PATCH: `{ version }` or nothing (then If-Match). */
export const versionBody = z.strictObject({ version: versionSchema.optional() }).nullish();

/**
 * The version a write was made against: body.version or If-Match. Both may be sent only if they agree;
 * two different versions are a client bug, never silently resolved in favour of one.
 */
export function editedVersion(bodyVersion: number | undefined, ifMatch: number | undefined): number | undefined {
  if (bodyVersion !== undefined && ifMatch !== undefined && bodyVersion !== ifMatch) {
    throw new AppError('validation_failed', 'body.version and If-Match name different versions', {
      fields: [{ path: 'if-match', message: `Disagrees with version ${bodyVersion} in the body` }],
    });
  }
  return bodyVersion ?? ifMatch;
}

/**
 * DELETE /:id that checks the version edited (body.version or If-Match, as PATCH does; 409 when stale)
 * and answers 204: every versioned kind of thing (records, activities, views) deletes alike. A record
 * type (`recordType`) answers a merged-away id with 308 to its survivor, as its GET does.
 */
export function versionedDeleteRoute(
  app: FastifyInstance,
  db: Db,
  options: { tags: string[]; summary: string; remove: (ctx: Ctx, id: string, options: { version?: number }) => Promise<void>; recordType?: string },
) {
  app.withTypeProvider<ZodTypeProvider>().delete(
    '/:id',
    {
      schema: {
        tags: options.tags,
        summary: options.summary,
        ...(options.recordType && { description: mergedAwayWriteNote }),
        params: idParams,
        headers: ifMatchHeaders,
        body: versionBody,
        response: { 204: noContent, ...commonErrors, 409: problemSchema },
      },
    },
    async (request, reply) => {
      const version = editedVersion(request.body?.version, request.headers['if-match']);
      const { recordType } = options;
      const removed = options.remove(workspaceCtx(db, request), request.params.id, { version }).then(() => reply.status(204).send(null));
      return recordType ? removed.catch(orSurvivor(db, request, reply, recordType, request.params.id)) : removed;
    },
  );
}
