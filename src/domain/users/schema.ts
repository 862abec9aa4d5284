import { z } from 'zod';
import { rawText, text } from '../common/schema.js';
import { localeSchema, workspaceSchema } from '../workspaces/schema.js';

export const emailSchema = text().toLowerCase().pipe(z.email().max(254));
export const passwordSchema = rawText().min(10, 'At least 10 characters').max(256);

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: localeSchema,
});
export type User = z.infer<typeof userSchema>;

export const createUserSchema = z.strictObject({
  email: emailSchema,
  name: text().min(1).max(120),
  password: passwordSchema,
  locale: localeSchema.default('he'),
});
export type CreateUserInput = z.input<typeof createUserSchema>;

export const loginSchema = z.strictObject({
  email: emailSchema,
  password: rawText().min(1).max(256),
});
export type LoginInput = z.infer<typeof loginSchema>;

/** What the browser learns about its session: who, where, and the CSRF token for writes. */
export const sessionInfoSchema = z.object({
  user: userSchema,
  workspace: workspaceSchema.nullable(),
  workspaces: z.array(workspaceSchema),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const switchWorkspaceSchema = z.strictObject({ workspaceId: z.uuid() });
export const updateLocaleSchema = z.strictObject({ locale: localeSchema });
