import { z } from 'zod';
import { rawText, text } from '../common/schema.js';
import { localeSchema, membershipNoticeSchema, workspaceSchema } from '../workspaces/schema.js';

export const emailSchema = text().toLowerCase().pipe(z.email().max(254));
/** Length rule of a new password; the server adds `passwordProblem` and the common-password check. */
export const minPasswordLength = 10;

/** Why a new password is refused: the `message` of the `password` field error (the web translates it). */
export const passwordReasons = {
  short: `At least ${minPasswordLength} characters`,
  email: 'Must not contain your email address',
  name: 'Must not contain your name',
  common: 'Too common or too easy to guess',
} as const;

export const passwordSchema = rawText().min(minPasswordLength, passwordReasons.short).max(256);

/**
 * The part of the password policy that needs no word list, shared by the server and the web form:
 * the password may not contain the email's local part or any 3+ letter token of the name.
 * Returns why the password is refused, or undefined.
 */
export function passwordProblem(password: string, person: { email?: string; name?: string }): string | undefined {
  const lower = password.toLowerCase();
  const local = person.email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 3 && lower.includes(local)) return passwordReasons.email;
  const tokens = person.name?.toLowerCase().match(/\p{L}{3,}/gu) ?? [];
  if (tokens.some((token) => lower.includes(token))) return passwordReasons.name;
  return undefined;
}

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

/**
 * What the browser learns about its session: who, where (null: no workspace chosen yet, the web
 * shows the user's workspaces to pick from), memberships not yet announced, and the CSRF token.
 */
export const sessionInfoSchema = z.object({
  user: userSchema,
  workspace: workspaceSchema.nullable(),
  workspaces: z.array(workspaceSchema),
  notices: z.array(membershipNoticeSchema),
  csrfToken: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const switchWorkspaceSchema = z.strictObject({ workspaceId: z.uuid() });
export const updateLocaleSchema = z.strictObject({ locale: localeSchema });
