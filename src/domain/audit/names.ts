import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { queryRows } from '../../db/client.js';
import { findRecordType } from '../records/registry.js';
import { canSeeOwner, type Visibility } from '../records/visibility.js';
import { users } from '../users/table.js';
import { memberships } from '../workspaces/table.js';
import type { FieldChange } from './table.js';

/** `company:<id>` or `member:<id>`: how a page of entries names what its changes point to. */
export type NameKey = `${string}:${string}`;

const isId = (v: unknown): v is string => typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v);

/** Built-in fields holding another record's id, by the type they point to. */
const relationFields: Record<string, string> = { companyId: 'company' };

/** The ids a change points to: linked companies, relation custom fields, members (owner). */
function refsOf(recordType: string, change: FieldChange): NameKey[] {
  const refs: NameKey[] = [];
  const memberField = findRecordType(recordType)?.fields.some((f) => f.key === change.field && f.type === 'member') || change.field === 'updatedBy';
  for (const value of [change.old, change.new]) {
    if (change.field === 'companies' && Array.isArray(value)) {
      for (const link of value as { companyId?: unknown }[]) if (isId(link?.companyId)) refs.push(`company:${link.companyId}`);
    } else if (memberField && isId(value)) {
      refs.push(`member:${value}`);
    } else if (relationFields[change.field] && isId(value)) {
      refs.push(`${relationFields[change.field]}:${value}`);
    } else if (change.field.startsWith('custom.') && value && typeof value === 'object' && !Array.isArray(value)) {
      const { recordType: type, id } = value as { recordType?: unknown; id?: unknown };
      if (typeof type === 'string' && isId(id)) refs.push(`${type}:${id}`);
    }
  }
  return refs;
}

/**
 * Display names for everything a page of audit changes points to, so history reads "Acme", not a
 * uuid. A record the reader may not see (or one that is gone) maps to null: its name never leaves
 * the server. Members are named only if they belong to this workspace.
 */
export async function namesOfChanges(
  ctx: Ctx,
  visibility: Visibility,
  entries: { recordType: string; changes: FieldChange[] }[],
): Promise<Record<NameKey, string | null>> {
  const keys = new Set(entries.flatMap((e) => e.changes.flatMap((c) => refsOf(e.recordType, c))));
  const names: Record<NameKey, string | null> = {};
  const byType = new Map<string, string[]>();
  for (const key of keys) {
    const [type, id] = key.split(':') as [string, string];
    names[key] = null;
    byType.set(type, [...(byType.get(type) ?? []), id]);
  }
  for (const [typeName, ids] of byType) {
    if (typeName === 'member') {
      const rows = await ctx.db
        .select({ id: users.id, name: users.name })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.workspaceId, ctx.workspaceId), inArray(memberships.userId, ids)));
      for (const row of rows) names[`member:${row.id}`] = row.name;
      continue;
    }
    const type = findRecordType(typeName);
    if (!type) continue;
    const t = type.table;
    const rows = await queryRows<{ id: string; name: string | null; owner_id: string | null }>(
      ctx.db,
      sql`select ${t.id} as id, ${type.displayName} as name, ${t.ownerId} as owner_id from ${t}
          where ${t.workspaceId} = ${ctx.workspaceId} and ${inArray(t.id, ids)}`,
    );
    for (const row of rows) if (canSeeOwner(visibility, row.owner_id)) names[`${typeName}:${row.id}`] = row.name ?? '';
  }
  return names;
}
