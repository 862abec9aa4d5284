import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { FilterNode } from '../records/filter-schema.js';
import { savedViews } from '../views/table.js';

/**
 * A filter without the conditions whose value names the person (`names` tells: their id, or a value the
 * scrubber would change, as in free text); a group left empty goes too, and so does a filter left with
 * nothing (undefined). Dropping the condition rather than a value keeps every operator's shape valid.
 */
export function dropPersonalConditions(node: FilterNode, names: (value: string) => boolean): FilterNode | undefined {
  if ('and' in node || 'or' in node) {
    const key = 'and' in node ? 'and' : 'or';
    const children = (node as Record<typeof key, FilterNode[]>)[key].flatMap((child) => dropPersonalConditions(child, names) ?? []);
    return children.length > 0 ? ({ [key]: children } as FilterNode) : undefined;
  }
  const values = Array.isArray(node.value) ? node.value : [node.value];
  return values.some((v) => typeof v === 'string' && names(v)) ? undefined : node;
}

/**
 * Saved views of any record type whose filter holds the person's id, name, email or phone as a value
 * lose that condition; a view's own name is scrubbed like free text. Versions move on, so an editor
 * holding the old view gets a 409 rather than writing the value back.
 */
export async function scrubSavedViews(tx: Db, workspaceId: string, contactId: string, scrub: (text: string) => string) {
  const names = (value: string) => value.toLowerCase() === contactId || scrub(value) !== value;
  const views = await tx
    .select({ id: savedViews.id, name: savedViews.name, filter: savedViews.filter })
    .from(savedViews)
    .where(eq(savedViews.workspaceId, workspaceId));
  for (const view of views) {
    const filter = view.filter ? (dropPersonalConditions(view.filter as FilterNode, names) ?? null) : view.filter;
    const name = scrub(view.name);
    if (name === view.name && JSON.stringify(filter) === JSON.stringify(view.filter)) continue;
    await tx
      .update(savedViews)
      .set({ name, filter, version: sql`${savedViews.version} + 1`, updatedAt: sql`now()` })
      .where(and(eq(savedViews.workspaceId, workspaceId), eq(savedViews.id, view.id)));
  }
}
