import { and, eq, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Ctx } from '../../core/context.js';
import { queryRows, type Db } from '../../db/client.js';
import { activityLinks } from '../activities/table.js';
import { contactCompanies, contacts } from '../contacts/table.js';
import { customFields } from '../custom-fields/table.js';
import { duplicateDismissals } from '../duplicates/table.js';
import { contactConsents } from '../privacy/table.js';
import { recordChange } from '../records/changes.js';
import { findRecordType, type RecordType } from '../records/registry.js';
import { savedViews } from '../views/table.js';
import type { MergeSnapshot, MovedRows, MovedValue } from './snapshot.js';

/** A link table row pointing at a record of a type through `column` (activity_links.record_id, contact_companies.contact_id…). */
interface LinkRef {
  table: PgTable;
  column: PgColumn;
  key: PgColumn[];
  /** Narrows the rows to the merged type (activity_links holds every type). */
  where?: (type: RecordType) => SQL;
  /** Values the moved row takes on the survivor (a moved company link is not the survivor's primary). */
  reset?: Record<string, unknown>;
}

/** A column of another type's records that names a record of this type (a contact's primary company). */
interface PointerRef {
  recordType: string;
  column: PgColumn;
}

const activityRef: LinkRef = {
  table: activityLinks,
  column: activityLinks.recordId,
  key: [activityLinks.workspaceId, activityLinks.recordType, activityLinks.recordId, activityLinks.activityId],
  where: (type) => sql`${activityLinks.recordType} = ${type.name}`,
};
const ccKey = [contactCompanies.workspaceId, contactCompanies.contactId, contactCompanies.companyId];

/**
 * What points at a record of each type besides what every type has (timeline links, relation values,
 * saved views): a new record type with link tables of its own declares them here.
 */
const linksByType: Record<string, { links: LinkRef[]; pointers: PointerRef[] }> = {
  contact: {
    links: [
      { table: contactCompanies, column: contactCompanies.contactId, key: ccKey, reset: { is_primary: false } },
      // The consent history of every merged record is the survivor's (the same person's evidence).
      { table: contactConsents, column: contactConsents.contactId, key: [contactConsents.workspaceId, contactConsents.id] },
    ],
    pointers: [],
  },
  company: { links: [{ table: contactCompanies, column: contactCompanies.companyId, key: ccKey }], pointers: [{ recordType: 'contact', column: contacts.companyId }] },
};

const ident = (name: string) => sql.identifier(name);
const uuids = (ids: readonly string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]`;

/** Moves a link table's rows from the merged records to the survivor; a link the survivor already has is dropped. */
async function moveRows(tx: Db, ctx: Ctx, type: RecordType, ref: LinkRef, survivorId: string, mergedIds: string[]): Promise<MovedRows> {
  const name = getTableName(ref.table);
  const t = ident(name);
  const setTo = JSON.stringify({ ...ref.reset, [ref.column.name]: survivorId });
  const [row] = await queryRows<{ removed: Record<string, unknown>[]; inserted: Record<string, unknown>[] }>(
    tx,
    sql`with removed as (
          delete from ${t} where workspace_id = ${ctx.workspaceId} and ${ident(ref.column.name)} = any(${uuids(mergedIds)})
            ${ref.where ? sql`and ${ref.where(type)}` : sql``}
          returning *),
        inserted as (
          insert into ${t} select (jsonb_populate_record(null::${t}, to_jsonb(removed) || ${setTo}::jsonb)).* from removed
          on conflict do nothing returning *)
        select (select coalesce(jsonb_agg(to_jsonb(removed)), '[]'::jsonb) from removed) as removed,
               (select coalesce(jsonb_agg(to_jsonb(inserted)), '[]'::jsonb) from inserted) as inserted`,
  );
  return { table: name, key: ref.key.map((c) => c.name), removed: row!.removed, inserted: row!.inserted };
}

/**
 * "Not a duplicate" answers about a merged record now concern the survivor: (A, X) becomes (S, X), and
 * (A, S) goes (a record is not its own duplicate). Rows as `moveRows` reports them, so undo restores them alike.
 */
async function moveDismissals(tx: Db, ctx: Ctx, type: RecordType, survivorId: string, mergedIds: string[]): Promise<MovedRows> {
  const d = duplicateDismissals;
  const merged = uuids(mergedIds);
  const onSurvivor = (column: PgColumn) => sql`case when ${ident(column.name)} = any(${merged}) then ${survivorId}::uuid else ${ident(column.name)} end`;
  const [row] = await queryRows<{ removed: Record<string, unknown>[]; inserted: Record<string, unknown>[] }>(
    tx,
    sql`with removed as (
          delete from ${d} where ${d.workspaceId} = ${ctx.workspaceId} and ${d.recordType} = ${type.name}
            and (${d.aId} = any(${merged}) or ${d.bId} = any(${merged}))
          returning *),
        moved as (
          select workspace_id, record_type, least(${onSurvivor(d.aId)}, ${onSurvivor(d.bId)}) as a_id,
                 greatest(${onSurvivor(d.aId)}, ${onSurvivor(d.bId)}) as b_id, created_by, created_at
          from removed),
        inserted as (
          insert into ${d} (workspace_id, record_type, a_id, b_id, created_by, created_at)
          select * from moved where a_id <> b_id
          on conflict do nothing returning *)
        select (select coalesce(jsonb_agg(to_jsonb(removed)), '[]'::jsonb) from removed) as removed,
               (select coalesce(jsonb_agg(to_jsonb(inserted)), '[]'::jsonb) from inserted) as inserted`,
  );
  const key = [d.workspaceId, d.recordType, d.aId, d.bId].map((c) => c.name);
  return { table: getTableName(d), key, removed: row!.removed, inserted: row!.inserted };
}

/** Undoes a `moveRows`: the rows written go, the rows taken come back. */
export async function restoreRows(tx: Db, ctx: Ctx, moved: MovedRows) {
  const t = ident(moved.table);
  const key = sql.join(moved.key.map(ident), sql`, `);
  if (moved.inserted.length > 0) {
    await tx.execute(
      sql`delete from ${t} where workspace_id = ${ctx.workspaceId} and (${key}) in
            (select ${key} from jsonb_populate_recordset(null::${t}, ${JSON.stringify(moved.inserted)}::jsonb))`,
    );
  }
  if (moved.removed.length > 0) {
    await tx.execute(sql`insert into ${t} select * from jsonb_populate_recordset(null::${t}, ${JSON.stringify(moved.removed)}::jsonb) on conflict do nothing`);
  }
}

/** Sets one value of a record (a column or a custom key) with a new version and an audited update. */
async function setValue(tx: Db, ctx: Ctx, value: MovedValue, to: unknown, from: unknown): Promise<boolean> {
  const type = findRecordType(value.recordType);
  if (!type) return false;
  const t = type.table;
  const custom = value.key.startsWith('custom.') ? value.key.slice(7) : null;
  const columnName = custom ? t.custom.name : (type.table as unknown as Record<string, PgColumn>)[value.key]!.name;
  const current = custom ? sql`coalesce(${t.custom} -> ${custom}::text, 'null'::jsonb)` : sql`coalesce(to_jsonb(${ident(columnName)}), 'null'::jsonb)`;
  const next = custom
    ? to === null
      ? sql`${ident(columnName)} - ${custom}::text`
      : sql`jsonb_set(${ident(columnName)}, array[${custom}::text], ${JSON.stringify(to)}::jsonb)`
    : sql`${to as string | null}`;
  const [row] = await queryRows<{ owner_id: string | null; version: number }>(
    tx,
    sql`update ${t} set ${ident(columnName)} = ${next}, ${ident(t.version.name)} = ${ident(t.version.name)} + 1, ${ident(t.updatedAt.name)} = now(),
          ${ident(t.updatedBy.name)} = ${ctx.actorUserId}
        where ${t.workspaceId} = ${ctx.workspaceId} and ${t.id} = ${value.id}
          and ${current} = ${JSON.stringify(from ?? null)}::jsonb
        returning ${t.ownerId} as owner_id, ${t.version} as version`,
  );
  if (!row) return false;
  await recordChange(tx, ctx, {
    recordType: type.name,
    recordId: value.id,
    action: 'update',
    changes: [{ field: value.key, old: from, new: to }],
    ownerId: row.owner_id,
    version: row.version,
  });
  return true;
}

/** Relation values of any record (live or trashed) naming a merged record now name the survivor. */
async function movedRelations(tx: Db, ctx: Ctx, type: RecordType, survivorId: string, mergedIds: string[]): Promise<MovedValue[]> {
  const fields = await tx
    .select({ recordType: customFields.recordType, key: customFields.key })
    .from(customFields)
    .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.type, 'relation')));
  const moved: MovedValue[] = [];
  for (const field of fields) {
    const owner = findRecordType(field.recordType);
    if (!owner) continue;
    const t = owner.table;
    for (const mergedId of mergedIds) {
      const old = { recordType: type.name, id: mergedId };
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`select ${t.id} as id from ${t} where ${t.workspaceId} = ${ctx.workspaceId}
              and ${t.custom} @> jsonb_build_object(${field.key}::text, ${JSON.stringify(old)}::jsonb)`,
      );
      for (const { id } of rows) {
        const value = { recordType: owner.name, id, key: `custom.${field.key}`, old, new: { recordType: type.name, id: survivorId } };
        if (await setValue(tx, ctx, value, value.new, old)) moved.push(value);
      }
    }
  }
  return moved;
}

/** Columns of other records naming a merged record (a contact's primary company) now name the survivor. */
async function movedPointers(tx: Db, ctx: Ctx, pointer: PointerRef, survivorId: string, mergedIds: string[]): Promise<MovedValue[]> {
  const owner = findRecordType(pointer.recordType)!;
  const t = owner.table;
  const rows = await queryRows<{ id: string; old: string }>(
    tx,
    sql`select ${t.id} as id, ${pointer.column} as old from ${t} where ${t.workspaceId} = ${ctx.workspaceId} and ${pointer.column} = any(${uuids(mergedIds)})`,
  );
  const key = Object.entries(getColumnsByKey(t)).find(([, c]) => c === pointer.column)![0];
  const moved: MovedValue[] = [];
  for (const row of rows) {
    const value = { recordType: owner.name, id: row.id, key, old: row.old, new: survivorId };
    if (await setValue(tx, ctx, value, survivorId, row.old)) moved.push(value);
  }
  return moved;
}

const getColumnsByKey = (t: PgTable) => t as unknown as Record<string, PgColumn>;

/** Saved views whose filter names a merged record (a relation filter) now name the survivor. */
async function movedViews(tx: Db, ctx: Ctx, survivorId: string, mergedIds: string[]) {
  const views: MergeSnapshot['views'] = [];
  for (const mergedId of mergedIds) {
    const rows = await queryRows<{ id: string; old: unknown; new: unknown }>(
      tx,
      sql`update ${savedViews} v set filter = replace(v.filter::text, ${mergedId}, ${survivorId})::jsonb, version = v.version + 1, updated_at = now()
          from (select id, filter from ${savedViews} where workspace_id = ${ctx.workspaceId} and strpos(filter::text, ${mergedId}) > 0) old
          where v.workspace_id = ${ctx.workspaceId} and v.id = old.id
          returning v.id as id, old.filter as old, v.filter as new`,
    );
    views.push(...rows);
  }
  return views;
}

/**
 * A contact survivor without a primary company takes one of the moved links as primary, and a contact whose
 * primary company was merged away has its link to the survivor company marked primary, so contact.company_id
 * and contact_companies stay in step.
 */
async function fixPrimaryLinks(tx: Db, ctx: Ctx, type: RecordType, survivorId: string): Promise<{ rows: MovedRows[]; values: MovedValue[] }> {
  const cc = ident(getTableName(contactCompanies));
  const where =
    type.name === 'contact'
      ? sql`cc.contact_id = ${survivorId} and c.company_id is null
            and not exists (select 1 from ${cc} p where p.workspace_id = cc.workspace_id and p.contact_id = cc.contact_id and p.is_primary)`
      : sql`cc.company_id = ${survivorId} and c.company_id = ${survivorId} and not cc.is_primary`;
  const flipped = await queryRows<{ row: Record<string, unknown> }>(
    tx,
    sql`update ${cc} set is_primary = true from (
          select distinct on (cc.contact_id) cc.contact_id, cc.company_id from ${cc} cc
          join ${contacts} c on c.workspace_id = cc.workspace_id and c.id = cc.contact_id
          where cc.workspace_id = ${ctx.workspaceId} and ${where} order by cc.contact_id, cc.created_at) pick
        where ${cc}.workspace_id = ${ctx.workspaceId} and ${cc}.contact_id = pick.contact_id and ${cc}.company_id = pick.company_id
        returning to_jsonb(${cc}.*) as row`,
  );
  const rows: MovedRows = { table: getTableName(contactCompanies), key: ccKey.map((c) => c.name), removed: [], inserted: [] };
  const values: MovedValue[] = [];
  for (const { row } of flipped) {
    rows.inserted.push(row);
    rows.removed.push({ ...row, is_primary: false });
    if (type.name === 'contact') {
      const value = { recordType: 'contact', id: survivorId, key: 'companyId', old: null, new: row.company_id };
      if (await setValue(tx, ctx, value, value.new, null)) values.push(value);
    }
  }
  return { rows: flipped.length > 0 ? [rows] : [], values };
}

/** Moves everything that points at the merged records to the survivor; returns what undo needs. */
export async function moveReferences(tx: Db, ctx: Ctx, type: RecordType, survivorId: string, mergedIds: string[]) {
  const own = linksByType[type.name] ?? { links: [], pointers: [] };
  const rows: MovedRows[] = [];
  for (const ref of [activityRef, ...own.links]) rows.push(await moveRows(tx, ctx, type, ref, survivorId, mergedIds));
  rows.push(await moveDismissals(tx, ctx, type, survivorId, mergedIds));
  const values = await movedRelations(tx, ctx, type, survivorId, mergedIds);
  for (const pointer of own.pointers) values.push(...(await movedPointers(tx, ctx, pointer, survivorId, mergedIds)));
  if (type.name === 'contact' || type.name === 'company') {
    const fixed = await fixPrimaryLinks(tx, ctx, type, survivorId);
    rows.push(...fixed.rows);
    values.push(...fixed.values);
  }
  const views = await movedViews(tx, ctx, survivorId, mergedIds);
  return { rows, values, views };
}

/** Puts back what `moveReferences` moved, newest first; values changed since keep their later value. */
export async function restoreReferences(tx: Db, ctx: Ctx, snapshot: Pick<MergeSnapshot, 'rows' | 'values' | 'views'>) {
  for (const view of [...snapshot.views].reverse()) {
    await tx.execute(
      sql`update ${savedViews} set filter = ${JSON.stringify(view.old)}::jsonb, version = version + 1, updated_at = now()
          where workspace_id = ${ctx.workspaceId} and id = ${view.id} and filter = ${JSON.stringify(view.new)}::jsonb`,
    );
  }
  for (const value of [...snapshot.values].reverse()) await setValue(tx, ctx, value, value.old, value.new);
  for (const moved of [...snapshot.rows].reverse()) await restoreRows(tx, ctx, moved);
}

/** How many of each thing would move: for the merge page's summary. */
export async function countReferences(ctx: Ctx, type: RecordType, mergedIds: string[]): Promise<Record<string, number>> {
  const [activities] = await queryRows<{ n: number }>(
    ctx.db,
    sql`select count(distinct ${activityLinks.activityId})::int as n from ${activityLinks}
        where ${activityLinks.workspaceId} = ${ctx.workspaceId} and ${activityLinks.recordType} = ${type.name}
          and ${activityLinks.recordId} = any(${uuids(mergedIds)}) and ${activityLinks.kind} <> 'system'`,
  );
  const counts: Record<string, number> = { activities: activities!.n };
  for (const ref of linksByType[type.name]?.links ?? []) {
    const [row] = await queryRows<{ n: number }>(
      ctx.db,
      sql`select count(*)::int as n from ${ref.table} where workspace_id = ${ctx.workspaceId} and ${ident(ref.column.name)} = any(${uuids(mergedIds)})`,
    );
    counts[getTableName(ref.table)] = row!.n;
  }
  return counts;
}
