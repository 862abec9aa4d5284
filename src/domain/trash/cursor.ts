import { z } from 'zod';
import { AppError } from '../../core/errors.js';

/**
 * Keyset position in the trash: the last row's deleted_at as PostgreSQL wrote it (microseconds and
 * offset kept, which a JS Date would round away) and its id.
 */
export const encodeTrashCursor = (deletedAt: string, id: string) => Buffer.from(JSON.stringify([deletedAt, id])).toString('base64url');

const positionSchema = z.tuple([z.string().regex(/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d{1,6})?([+-]\d\d(:\d\d)?|Z)$/), z.uuid()]);

export function decodeTrashCursor(cursor: string): [string, string] {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: the error below
  }
  throw new AppError('validation_failed', 'Invalid cursor', {
    fields: [{ path: 'cursor', message: 'Not a cursor this server gave out; start from the first page' }],
  });
}
