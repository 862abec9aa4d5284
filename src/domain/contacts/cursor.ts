import { AppError } from '../../server/errors.js';

/** Keyset position in the contacts list: the last row's (sortName, id), opaque to clients. */
export const encodeCursor = (sortName: string, id: string) =>
  Buffer.from(JSON.stringify([sortName, id])).toString('base64url');

export function decodeCursor(cursor: string): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2 && value.every((v) => typeof v === 'string')) {
      return value as [string, string];
    }
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'Invalid cursor', { fields: [{ path: 'cursor', message: 'invalid' }] });
}
