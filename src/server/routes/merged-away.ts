import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { Db } from '../../db/client.js';
import { visibleSurvivor } from '../../domain/merge/tombstones.js';
import { workspaceCtx } from '../auth/plugin.js';

/** For the response schemas of every read of one record, so the OpenAPI document lists the 308. */
export const mergedAwayResponse = { 308: z.object({ mergedInto: z.uuid() }) };
export const mergedAwayNote = 'A merged-away id answers 308 with Location: the same URL on the survivor (chains followed), and body { mergedInto }.';
export const mergedAwayWriteNote =
  'A merged-away id answers 409 conflict with mergedInto (the survivor, chains followed): a change meant for the merged-away record is not applied to the survivor unasked.';

/**
 * The `.catch` of every route on one record (GET, PATCH, DELETE and its sub-resources), so a merged-away
 * id never answers a bare 404: a read gets 308 to the same URL on the survivor; a write gets 409 with
 * `mergedInto`, because a client following a 308 would send the same body (a version of the merged-away
 * record, which may equal the survivor's; a DELETE without one) to the survivor. Only a 404 is looked
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
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new AppError('conflict', 'This record was merged into another; make the change there if it still applies', { mergedInto: survivorId });
    }
    const [path = '', query] = request.url.split(/\?(.*)/s);
    const location = path.split('/').map((part) => (part === id ? survivorId : part)).join('/') + (query ? `?${query}` : '');
    await reply.status(308).header('location', location).send({ mergedInto: survivorId });
  };
}
