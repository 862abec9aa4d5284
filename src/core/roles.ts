/** Roles in a workspace, highest first; the domain's vocabulary, shared by permissions and the contracts. */
export const roles = ['owner', 'admin', 'manager', 'sales', 'service', 'marketing', 'viewer'] as const;
export type Role = (typeof roles)[number];
