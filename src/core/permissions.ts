import type { Role } from './roles.js';
import { AppError } from './errors.js';
import type { Ctx } from './context.js';

export type Permission =
  | 'records:read'
  | 'records:write'
  | 'members:read'
  | 'members:manage'
  | 'api-keys:manage'
  | 'workspace:manage'
  | 'fields:manage';

const writers: Role[] = ['owner', 'admin', 'manager', 'sales', 'service', 'marketing'];
const admins: Role[] = ['owner', 'admin'];

const grants: Record<Permission, readonly Role[]> = {
  'records:read': [...writers, 'viewer'],
  'records:write': writers,
  'members:read': [...writers, 'viewer'],
  'members:manage': admins,
  'api-keys:manage': admins,
  'workspace:manage': ['owner'],
  'fields:manage': admins,
};

export const can = (role: Role, permission: Permission) => grants[permission].includes(role);

export function requirePermission(ctx: Pick<Ctx, 'role'>, permission: Permission) {
  if (!can(ctx.role, permission)) {
    throw new AppError('forbidden', `Your role (${ctx.role}) may not do this (${permission})`);
  }
}

/** Rank for "may not grant more than you have": invitations and API keys. */
const rank: Record<Role, number> = { owner: 6, admin: 5, manager: 4, sales: 3, service: 3, marketing: 3, viewer: 1 };

/** The lower of two roles; on equal rank (sales, service, marketing) the first, the one granted, stays. */
export const lowerRole = (granted: Role, cap: Role): Role => (rank[granted] <= rank[cap] ? granted : cap);

/** True when role `a` ranks above role `b`. */
export const outranks = (a: Role, b: Role) => rank[a] > rank[b];

export function requireGrantable(ctx: Pick<Ctx, 'role'>, granted: Role) {
  if (rank[granted] > rank[ctx.role]) {
    throw new AppError('forbidden', `Your role (${ctx.role}) may not grant ${granted}`);
  }
}
