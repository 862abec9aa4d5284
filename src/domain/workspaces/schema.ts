import { z } from 'zod';
import { text } from '../common/schema.js';

import { roles } from '../../core/roles.js';

export { roles };
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const localeSchema = z.enum(['he', 'en']);
export type Locale = z.infer<typeof localeSchema>;

export const workspaceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  slug: z.string(),
  defaultLocale: localeSchema,
  role: roleSchema,
});
export type Workspace = z.infer<typeof workspaceSchema>;

export const slugSchema = text()
  .toLowerCase()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single hyphens');

export const createWorkspaceSchema = z.strictObject({
  name: text().min(1).max(120),
  slug: slugSchema,
  defaultLocale: localeSchema.default('he'),
});
export type CreateWorkspaceInput = z.input<typeof createWorkspaceSchema>;

export const memberSchema = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  createdAt: z.iso.datetime({ offset: true }),
});
export type Member = z.infer<typeof memberSchema>;

/** "You were added to workspace X by Y", shown once; `addedBy` is null when an operator added the member. */
export const membershipNoticeSchema = z.object({
  workspace: z.object({ id: z.uuid(), name: z.string() }),
  addedBy: z.string().nullable(),
  addedAt: z.iso.datetime({ offset: true }),
});
export type MembershipNotice = z.infer<typeof membershipNoticeSchema>;

export const seenNoticesSchema = z.strictObject({ workspaceIds: z.array(z.uuid()).min(1).max(100) });

export const updateMemberSchema = z.strictObject({ role: roleSchema });
