import { can } from '../../../../src/core/permissions.js';
import { roles, type Role } from '../../../../src/core/roles.js';

const isRole = (role: string | undefined): role is Role => (roles as readonly string[]).includes(role ?? '');

/** Scanning, merging and "not a duplicate" are writes (records:write, as the API checks): a viewer only reads the groups. */
export const canActOnDuplicates = (role: string | undefined) => isRole(role) && can(role, 'records:write');
