import { z } from 'zod';
import { AppError } from '../../core/errors.js';

/** Keyset position in the contacts list: the last row's (sortName, id), opaque to clients. */
export const encodeCursor = (sortName: string, id: string) =>
  Buffer.from(JSON.stringify([sortName, id])).toString('base64url');

// A cursor comes back from the client, so it is input like any other: its values go into SQL as a
// text and a uuid, and PostgreSQL refuses NUL in text and a non-uuid as uuid (a 500 before this).
const positionSchema = z.tuple([
  z.string().max(1000).refine((name) => !name.includes('\u0000')),
  z.uuid(),
]);

export function decodeCursor(cursor: string): [string, string] {
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: fall through to the error below
  }
  throw new AppError('validation_failed', 'Invalid cursor', {
    fields: [{ path: 'cursor', message: 'Not a cursor this server gave out; start from the first page' }],
  });
}
