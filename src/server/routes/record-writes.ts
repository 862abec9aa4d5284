import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../db/client.js';
import type { RecordItem } from '../../domain/records/registry.js';
import { workspaceCtx } from '../auth/plugin.js';
import { versionedDeleteRoute, commonErrors, editedVersion, idParams, ifMatchHeaders, problemSchema } from '../route-kit.js';
import { mergedAwayWriteNote, orSurvivor } from './merged-away.js';

/** A record type's write side as the API exposes it: create, versioned update and versioned delete. */
export interface RecordWrites<Item extends RecordItem, Create extends z.ZodType, Update extends z.ZodType<{ version?: number }>> {
  /** Singular and plural words for the summaries: contact, contacts; the singular is the registry's type name. */
  name: string;
  plural: string;
  itemSchema: z.ZodType<Item>;
  createSchema: Create;
  updateSchema: Update;
  create: (ctx: Ctx, input: z.output<Create>) => Promise<Item>;
  update: (ctx: Ctx, id: string, input: z.output<Update> & { version?: number }) => Promise<Item>;
  remove: (ctx: Ctx, id: string, options: { version?: number }) => Promise<void>;
}

const duplicatesQuery = z.strictObject({
  duplicates: z.enum(['check', 'allow']).default('check').meta({
    description: 'check (default): a likely duplicate is refused with 409 possible_duplicate and its candidates; allow: save anyway',
  }),
});
const withDuplicates = (ctx: Ctx, query: unknown): Ctx => ({ ...ctx, duplicates: (query as z.output<typeof duplicatesQuery>).duplicates });

/**
 * POST /, PATCH /:id and DELETE /:id of one record type, alike for all: every answer carries the
 * record's version as its ETag; PATCH and DELETE take the version edited as body.version or If-Match
 * (both only if they agree) and a stale one is a 409.
 */
export function recordWriteRoutes<Item extends RecordItem, Create extends z.ZodType, Update extends z.ZodType<{ version?: number }>>(
  writes: RecordWrites<Item, Create, Update>,
): FastifyPluginAsyncZod<{ db: Db }> {
  const { name, plural } = writes;
  const tags = [plural];
  // Generic schemas would make Fastify's reply types unresolvable; the handlers cast to what the schemas give.
  const itemSchema = writes.itemSchema as z.ZodType<unknown>;
  const createSchema = writes.createSchema as z.ZodType<unknown>;
  const updateSchema = writes.updateSchema as z.ZodType<unknown>;
  return async (app, { db }) => {
    app.post(
      '/',
      {
        schema: {
          tags,
          summary: `Create a ${name}; a likely duplicate is a 409 possible_duplicate unless ?duplicates=allow`,
          querystring: duplicatesQuery,
          body: createSchema,
          response: { 201: itemSchema, ...commonErrors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const item = await writes.create(withDuplicates(workspaceCtx(db, request), request.query), request.body as z.output<Create>);
        return reply.status(201).header('etag', `"${item.version}"`).send(item);
      },
    );

    app.patch(
      '/:id',
      {
        schema: {
          tags,
          summary: `Update a ${name}; send the version you edited (body.version or If-Match), 409 if it is stale or a likely duplicate (unless ?duplicates=allow)`,
          params: idParams,
          querystring: duplicatesQuery,
          headers: ifMatchHeaders,
          description: mergedAwayWriteNote,
          body: updateSchema,
          response: { 200: itemSchema, ...commonErrors, 409: problemSchema },
        },
      },
      async (request, reply) => {
        const body = request.body as z.output<Update>;
        const version = editedVersion(body.version, request.headers['if-match']);
        return writes
          .update(withDuplicates(workspaceCtx(db, request), request.query), request.params.id, { ...body, version })
          .then((item) => reply.header('etag', `"${item.version}"`).send(item))
          .catch(orSurvivor(db, request, reply, name, request.params.id));
      },
    );

    versionedDeleteRoute(app, db, {
      tags,
      summary: `Delete a ${name} (into the trash); with If-Match or body.version only if that version is current, else 409 like PATCH`,
      remove: writes.remove,
      recordType: name,
    });
  };
}
