import { z } from 'zod';
import { request } from '../../app/api.js';

/*
 * The answer of GET /api/search, as the server's contract describes it (issue 8). Loose where the
 * contract may grow: a new record type, tier or matched field shows up without breaking the box.
 */
const rangeSchema = z.tuple([z.number().int(), z.number().int()]);

export const searchHitSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  tier: z.string(),
  matchedField: z.string(),
  highlights: z.object({ title: z.array(rangeSchema).default([]), subtitle: z.array(rangeSchema).default([]) }),
});

export const searchGroupSchema = z.object({
  type: z.string(),
  plural: z.string(),
  items: z.array(searchHitSchema),
  /** How many records match in all, when the server counts them; the box then says "see all N". */
  total: z.number().int().optional(),
});

export const searchAnswerSchema = z.object({ q: z.string(), groups: z.array(searchGroupSchema) });

export type SearchHit = z.infer<typeof searchHitSchema>;
export type SearchGroup = z.infer<typeof searchGroupSchema>;
export type SearchAnswer = z.infer<typeof searchAnswerSchema>;

/** Per workspace: a switch must not show the other tenant's hits from the cache. */
export const searchKeys = {
  all: ['search'] as const,
  query: (workspaceId: string | undefined, q: string) => ['search', workspaceId ?? '', q] as const,
};

export const searchEverything = (q: string, signal?: AbortSignal) =>
  request('/api/search', { query: { q, limit: 5 }, schema: searchAnswerSchema, signal });
