import { getTableColumns, sql } from 'drizzle-orm';
import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { activities, activityLinks, auditLog, events } from '../db/tables.js';
import type { FieldChange } from '../domain/audit/table.js';

/**
 * Inserts rows a few thousand at a time, each batch ONE statement with ONE parameter: the rows as a
 * JSON array that the database unpacks with jsonb_to_recordset. Drizzle's multi-row INSERT binds a
 * parameter per value, and building and binding tens of thousands of them per statement is what made
 * the demo seed slow on PGlite (~0.2 ms a row against ~0.02 ms this way).
 */
export async function insertAll<T extends PgTable>(db: Db, table: T, rows: T['$inferInsert'][], onBatch?: (n: number) => void) {
  if (rows.length === 0) return;
  const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in (rows[0] as object));
  const names = sql.raw(columns.map(([, c]) => `"${c.name}"`).join(', '));
  const types = sql.raw(columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(', '));
  const target = sql.raw(`"${getTableConfig(table).name}"`);
  for (let at = 0; at < rows.length; at += 2000) {
    const batch = rows.slice(at, at + 2000);
    const json = JSON.stringify(batch.map((row) => Object.fromEntries(columns.map(([key, c]) => [c.name, (row as Record<string, unknown>)[key] ?? null]))));
    await db.execute(sql`insert into ${target} (${names}) select ${names} from jsonb_to_recordset(${json}::jsonb) as r(${types})`);
    onBatch?.(batch.length);
  }
}

export interface CreatedRecord {
  recordType: 'contact' | 'company';
  recordId: string;
  ownerId: string | null;
  createdAt: Date;
  changes: FieldChange[];
}

/**
 * What records/changes.ts recordChange writes for a 'create', for many records at once: the audit
 * entry, the timeline's system event (an activity of kind 'system' and its link) and the outbox event,
 * all dated when the record was created. No NOTIFY: the workspace is new, nobody is listening to it.
 */
export async function recordCreations(db: Db, ctx: { workspaceId: string; actorUserId: string }, created: CreatedRecord[], ids: () => string, onBatch?: (n: number) => void) {
  const { workspaceId, actorUserId } = ctx;
  const systemIds = created.map(() => ids());
  await insertAll(
    db,
    auditLog,
    created.map((r) => ({ workspaceId, at: r.createdAt, actorUserId, apiKeyId: null, channel: 'cli', recordType: r.recordType, recordId: r.recordId, action: 'create', changes: r.changes })),
  );
  await insertAll(
    db,
    activities,
    created.map((r, i) => ({
      workspaceId,
      id: systemIds[i]!,
      kind: 'system',
      occurredAt: r.createdAt,
      event: { action: 'create', recordType: r.recordType, recordId: r.recordId, changes: r.changes },
      createdBy: actorUserId,
      createdAt: r.createdAt,
      updatedAt: r.createdAt,
    })),
  );
  await insertAll(
    db,
    activityLinks,
    created.map((r, i) => ({ workspaceId, activityId: systemIds[i]!, recordType: r.recordType, recordId: r.recordId, occurredAt: r.createdAt, kind: 'system' })),
  );
  await insertAll(
    db,
    events,
    created.map((r) => ({ workspaceId, at: r.createdAt, recordType: r.recordType, recordId: r.recordId, action: 'created', ownerId: r.ownerId, actorUserId, version: 1, payload: { fields: r.changes.map((c) => c.field) } })),
  );
  onBatch?.(created.length);
}

/** The fields a 'create' audit entry lists: every value the record was created with, old null. */
export function creationChanges(values: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(values)) {
    if (value === null || value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    changes.push({ field, old: null, new: value });
  }
  return changes;
}
