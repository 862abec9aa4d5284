import { z } from 'zod';

/** The tiers of a match, best first. */
export const searchTiers = ['exact', 'prefix', 'fragment', 'fuzzy'] as const;
export type SearchTier = (typeof searchTiers)[number];

export const searchQueryMax = 200;

export const searchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(searchQueryMax).meta({ description: 'What was typed: a fragment of a name, email, phone or company' }),
  types: z
    .string()
    .max(200)
    .regex(/^[a-z_]+(,[a-z_]+)*$/)
    .optional()
    .meta({ description: 'Record types to search, comma-separated (contact,company); all searchable types by default' }),
  limit: z.coerce.number().int().min(1).max(20).default(5).meta({ description: 'Results per type' }),
});
export type SearchQuery = z.input<typeof searchQuerySchema>;

/** [start, end) in UTF-16 code units of the original string. */
const range = z.tuple([z.number().int(), z.number().int()]);

export const searchItemSchema = z.strictObject({
  id: z.uuid(),
  type: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  tier: z.enum(searchTiers),
  /** name, email, phone, domain, company… */
  matchedField: z.string(),
  highlights: z.strictObject({ title: z.array(range), subtitle: z.array(range) }),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

export const searchGroupSchema = z.strictObject({
  type: z.string(),
  plural: z.string(),
  items: z.array(searchItemSchema),
});

export const searchResultSchema = z.strictObject({
  q: z.string(),
  groups: z.array(searchGroupSchema),
});
export type SearchResult = z.infer<typeof searchResultSchema>;
