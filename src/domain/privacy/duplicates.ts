import { and, eq, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { duplicateDismissals, duplicateScanGroups } from '../duplicates/table.js';
import { scrubJson } from './scrub.js';

/** "Not a duplicate" decisions that name the contact (the export's duplicateDecisions). */
export async function dismissalsOf(db: Db, workspaceId: string, contactId: string) {
  const rows = await db
    .select({ aId: duplicateDismissals.aId, bId: duplicateDismissals.bId, createdBy: duplicateDismissals.createdBy, createdAt: duplicateDismissals.createdAt })
    .from(duplicateDismissals)
    .where(and(eq(duplicateDismissals.workspaceId, workspaceId), eq(duplicateDismissals.recordType, 'contact'), or(eq(duplicateDismissals.aId, contactId), eq(duplicateDismissals.bId, contactId))));
  return rows.map((r) => ({ decision: 'not_duplicate', otherId: r.aId === contactId ? r.bId : r.aId, decidedBy: r.createdBy, decidedAt: r.createdAt.toISOString() }));
}

/** Scan groups that hold the contact keep their scores; the reasons' details (an email, a phone) lose the person's identifiers. */
export async function scrubScanGroups(tx: Db, workspaceId: string, contactId: string, scrub: (text: string) => string) {
  const groups = await tx
    .select({ id: duplicateScanGroups.id, pairs: duplicateScanGroups.pairs })
    .from(duplicateScanGroups)
    .where(and(eq(duplicateScanGroups.workspaceId, workspaceId), sql`${contactId}::uuid = any(${duplicateScanGroups.recordIds})`));
  for (const group of groups) {
    const pairs = scrubJson(group.pairs, scrub, new Set()) as typeof group.pairs;
    if (JSON.stringify(pairs) === JSON.stringify(group.pairs)) continue;
    await tx.update(duplicateScanGroups).set({ pairs }).where(and(eq(duplicateScanGroups.workspaceId, workspaceId), eq(duplicateScanGroups.id, group.id)));
  }
}
