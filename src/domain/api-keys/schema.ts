import { z } from 'zod';
import { text } from '../common/schema.js';
import { roleSchema } from '../workspaces/schema.js';

export const apiKeySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: roleSchema,
  hint: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  revokedAt: z.iso.datetime({ offset: true }).nullable(),
});
export type ApiKey = z.infer<typeof apiKeySchema>;

export const createApiKeySchema = z.strictObject({
  name: text().min(1).max(120),
  role: roleSchema.exclude(['owner']),
});
export type CreateApiKeyInput = z.infer<typeof createApiKeySchema>;

/** The secret is in this answer only; Kesher keeps its hash. */
export const createdApiKeySchema = z.object({ apiKey: apiKeySchema, secret: z.string() });
