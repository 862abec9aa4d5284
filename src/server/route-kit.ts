import { z } from 'zod';

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

/** `If-Match: "3"` or `W/"3"` → 3. */
export function versionFromIfMatch(header: string | undefined): number | undefined {
  const match = header?.match(/^(?:W\/)?"?(\d+)"?$/);
  return match ? Number(match[1]) : undefined;
}
