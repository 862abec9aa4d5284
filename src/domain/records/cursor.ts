import { z } from 'zod';
import { AppError } from '../../core/errors.js';
import type { PartCast, SortPlan } from './sort.js';

/** A list cursor: the sort it belongs to, the last row's sort values (as PostgreSQL prints them) and id. */
interface Position {
  s: string;
  v: string[];
  id: string;
}

export const encodeCursor = (position: Position) => Buffer.from(JSON.stringify(position)).toString('base64url');

const validDay = (day: string) => {
  if (day.startsWith('0000')) return false;
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
};

// Each value goes back into SQL cast to its part's type; a value the cast would refuse is a 400 here,
// never a database error (a cursor comes from the client, so it is input like any other).
const valueChecks: Record<PartCast, (v: string) => boolean> = {
  text: (v) => v.length <= 1000 && !v.includes('\u0000'),
  numeric: (v) => /^(-?\d{1,60}(\.\d{1,60})?|-?Infinity)$/.test(v),
  int: (v) => /^-?\d{1,10}$/.test(v) && Math.abs(Number(v)) <= 2147483647,
  boolean: (v) => v === 'true' || v === 'false',
  date: (v) => v === 'infinity' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && validDay(v)),
  timestamptz: (v) =>
    v === 'infinity' ||
    (/^\d{4}-\d{2}-\d{2} ([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?[+-]\d{2}(:[0-5]\d){0,2}$/.test(v) && validDay(v.slice(0, 10))),
};

const positionSchema = z.strictObject({ s: z.string().max(200), v: z.array(z.string().max(1000)).max(4), id: z.uuid() });

/** The cursor's values for this sort plan, or a 400 naming `cursor`. */
export function decodeCursor(cursor: string, plan: SortPlan): { values: string[]; id: string } {
  let position: Position | undefined;
  try {
    const parsed = positionSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) position = parsed.data;
  } catch {
    // not JSON: the error below
  }
  const fits =
    position &&
    position.s === plan.key &&
    position.v.length === plan.parts.length &&
    position.v.every((v, i) => valueChecks[plan.parts[i]!.cast](v));
  if (!fits) {
    throw new AppError('validation_failed', 'Invalid cursor', {
      fields: [{ path: 'cursor', message: 'Not a cursor this server gave out for this sort; start from the first page' }],
    });
  }
  return { values: position!.v, id: position!.id };
}
