import { z } from 'zod';
import { ifMatchSchema } from '../domain/common/schema.js';

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
