import { z } from 'zod';
import { rawText, text } from '../common/schema.js';
import { emailSchema, passwordSchema, sessionInfoSchema } from '../users/schema.js';
import { roleSchema } from '../workspaces/schema.js';

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: roleSchema,
  expiresAt: z.iso.datetime({ offset: true }),
  acceptedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type Invitation = z.infer<typeof invitationSchema>;

export const createInvitationSchema = z.strictObject({
  email: emailSchema,
  role: roleSchema.exclude(['owner']),
});

/** The token is in this answer only; the invitee brings it back to accept. */
export const createdInvitationSchema = z.object({ invitation: invitationSchema, token: z.string() });

/** The answer to accepting: the caller's session (set as a cookie for a new account) and where they joined. */
export const acceptedInvitationSchema = z.object({
  session: sessionInfoSchema,
  workspace: z.object({ id: z.uuid(), name: z.string() }),
  role: roleSchema,
});

export const invitationTokenSchema = z.strictObject({ token: rawText().min(10).max(300) });

/** What the token's holder may see before accepting: where, with which role, for which email. */
export const invitationPreviewSchema = z.object({
  workspace: z.object({ id: z.uuid(), name: z.string() }),
  role: roleSchema,
  email: z.string(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

export const acceptInvitationSchema = z.strictObject({
  token: rawText().min(10).max(300),
  /** Needed only when the invited email has no Kesher account yet. */
  name: text().min(1).max(120).optional(),
  password: passwordSchema.optional(),
});
