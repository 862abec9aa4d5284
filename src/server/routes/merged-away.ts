import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { visibleSurvivor } from '../../domain/merge/tombstones.js';
import { workspaceCtx } from '../auth/plugin.js';

/** For the response schemas of every route on one record, so the OpenAPI document lists the 308. */
export const mergedAwayResponse = { 308: z.object({ mergedInto: z.uuid() }) };
export const mergedAwayNote = 'A merged-away id answers 308 with Location: the same URL on the survivor (chains followed), and body { mergedInto }.';

/**
 * The `.catch` of every route on one record (GET, PATCH, DELETE and its sub-resources), so a merged-away
 * id answers alike everywhere, never a bare 404: 308 to the same URL on the survivor. Only a 404 is looked
 * into, so a success costs nothing, a refusal (403) stays one, and another workspace's id (no tombstone
 * there) or a survivor the caller may not see stays a 404.
 */
export function orSurvivor(db: Db, request: FastifyRequest, reply: FastifyReply, recordType: string, id: string) {
  // Resolves with nothing once the 308 is sent: Fastify then ignores the value, and each route keeps its own reply type.
  return async (error: unknown): Promise<void> => {
    if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
    const known = error.details.mergedInto;
    const survivorId = typeof known === 'string' ? known : await visibleSurvivor(workspaceCtx(db, request), recordType, id);
    if (!survivorId) throw error;
    const [path = '', query] = request.url.split(/\?(.*)/s);
    const location = path.split('/').map((part) => (part === id ? survivorId : part)).join('/') + (query ? `?${query}` : '');
    await reply.status(308).header('location', location).send({ mergedInto: survivorId });
  };
}
