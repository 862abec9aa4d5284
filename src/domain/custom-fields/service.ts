import { randomBytes } from 'node:crypto';
import { and, asc, eq, getTableName, inArray, isNull, sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { AppError, notFound } from '../../core/errors.js';
import { requirePermission } from '../../core/permissions.js';
import { cachePerHandle } from '../../core/ttl-cache.js';
import { queryRows, type Db } from '../../db/client.js';
import { customSortExpr, indexedTypes } from '../records/filter-fields.js';
import { findRecordType, type RecordType } from '../records/registry.js';
import {
  createCustomFieldSchema,
  fieldConfigSchemas,
  listCustomFieldsQuerySchema,
  reorderCustomFieldsSchema,
  updateCustomFieldSchema,
  type CreateCustomFieldInput,
  type CustomField,
  type UpdateCustomFieldInput,
} from './schema.js';
import { customFields, type FieldOption } from './table.js';

type Row = typeof customFields.$inferSelect;

const toField = (row: Row): CustomField => ({
  id: row.id,
  recordType: row.recordType,
  key: row.key,
  labelHe: row.labelHe,
  labelEn: row.labelEn,
  type: row.type as CustomField['type'],
  options: row.options,
  config: row.config,
  required: row.required,
  position: row.position,
  archived: row.archivedAt !== null,
  version: row.version,
});

const invalid = (path: string, message: string) =>
  new AppError('validation_failed', 'Request is not valid', { fields: [{ path, message }] });

function recordTypeOf(name: string): RecordType {
  const type = findRecordType(name);
  if (!type) throw invalid('recordType', `Unknown record type ${name}`);
  return type;
}

/** Every custom field of a record type in the caller's workspace, archived ones too, in order (no permission check: engine use). */
export async function customFieldsOf(ctx: Ctx, recordType: string): Promise<CustomField[]> {
  const rows = await ctx.db
    .select()
    .from(customFields)
    .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.recordType, recordType)))
    .orderBy(asc(customFields.position), asc(customFields.createdAt));
  return rows.map(toField);
}

/**
 * The definitions lists read on every request, kept a second per process: a field written here clears
 * them at once; one added by another process is found by `cachedCustomFieldsOf`'s `needed` keys, one
 * archived or relabelled there is seen within the second (writes always read afresh).
 */
const definitionsOf = cachePerHandle<CustomField[]>({ ttlMs: 1000, max: 10_000 });

/**
 * `customFieldsOf` for reads, from the per-process cache unless it lacks one of the `needed` keys (a
 * field created a moment ago by another process) or is older than a second.
 */
export async function cachedCustomFieldsOf(ctx: Ctx, recordType: string, needed: readonly string[] = []): Promise<CustomField[]> {
  const cache = definitionsOf(ctx.db);
  const key = `${ctx.workspaceId}:${recordType}`;
  const cached = cache.get(key);
  if (cached && needed.every((k) => cached.some((f) => f.key === k))) return cached;
  const epoch = definitionsOf.epoch();
  const fields = await customFieldsOf(ctx, recordType);
  if (definitionsOf.epoch() === epoch) cache.set(key, fields);
  return fields;
}

/** Called once a change to any field definition has committed. */
const forgetDefinitions = () => definitionsOf.clearAll();

export async function listCustomFields(ctx: Ctx, query: { recordType: string; archived?: 'true' | 'false' }): Promise<CustomField[]> {
  requirePermission(ctx, 'records:read');
  const { recordType, archived } = listCustomFieldsQuerySchema.parse(query);
  recordTypeOf(recordType);
  const fields = await customFieldsOf(ctx, recordType);
  return archived ? fields : fields.filter((f) => !f.archived);
}

/** A type's config, checked and with its defaults; 400 naming config when it does not fit the type. */
function checkConfig(type: CustomField['type'], config: Record<string, unknown> | undefined) {
  const schema = (fieldConfigSchemas as Record<string, (typeof fieldConfigSchemas)[keyof typeof fieldConfigSchemas]>)[type];
  if (!schema) {
    if (config && Object.keys(config).length > 0) throw invalid('config', `A ${type} field takes no config`);
    return {};
  }
  const parsed = schema.safeParse(config ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0]!;
    throw invalid(['config', ...first.path].join('.'), first.message);
  }
  return parsed.data as Record<string, unknown>;
}

const optionId = () => `opt_${randomBytes(6).readUIntBE(0, 6).toString(36)}`;
const fieldKey = () => `cf_${randomBytes(6).readUIntBE(0, 6).toString(36).padStart(8, '0')}`;

type OptionInput = NonNullable<ReturnType<typeof createCustomFieldSchema.parse>['options']>[number];

/**
 * The options after an edit: given ones in the given order (existing ones by id keep it), existing ones
 * left out are archived after them, never dropped, because records' values still name them.
 */
function mergeOptions(type: CustomField['type'], current: FieldOption[], given: OptionInput[] | undefined): FieldOption[] {
  const hasOptions = type === 'select' || type === 'multi_select';
  if (!hasOptions) {
    if (given && given.length > 0) throw invalid('options', `A ${type} field has no options`);
    return current;
  }
  if (!given) return current;
  const byId = new Map(current.map((o) => [o.id, o]));
  const used = new Set<string>();
  const merged = given.map((option, position): FieldOption => {
    if (option.id !== undefined) {
      const existing = byId.get(option.id);
      if (!existing || used.has(option.id)) throw invalid(`options.${position}.id`, `No option ${option.id} in this field`);
      used.add(option.id);
    }
    return {
      id: option.id ?? optionId(),
      labelHe: option.labelHe,
      labelEn: option.labelEn,
      color: option.color ?? (option.id ? byId.get(option.id)!.color : null),
      position,
      archived: option.archived ?? false,
    };
  });
  const dropped = current.filter((o) => !used.has(o.id)).map((o, i) => ({ ...o, archived: true, position: merged.length + i }));
  return [...merged, ...dropped];
}

export async function createCustomField(ctx: Ctx, input: CreateCustomFieldInput): Promise<CustomField> {
  requirePermission(ctx, 'fields:manage');
  const data = createCustomFieldSchema.parse(input);
  const type = recordTypeOf(data.recordType);
  const config = checkConfig(data.type, data.config);
  const options = mergeOptions(data.type, [], data.options ?? []);
  if (data.type === 'select' || data.type === 'multi_select') {
    if (options.length === 0) throw invalid('options', 'A select field needs at least one option');
  }
  const [last] = await ctx.db
    .select({ position: sql<number>`coalesce(max(${customFields.position}), -1)::int` })
    .from(customFields)
    .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.recordType, type.name)));
  let row: Row | undefined;
  // A fresh key can only meet an old one by chance; the unique key (workspace, type, key) decides.
  for (let attempt = 0; !row && attempt < 3; attempt++) {
    [row] = await ctx.db
      .insert(customFields)
      .values({
        workspaceId: ctx.workspaceId,
        recordType: type.name,
        key: fieldKey(),
        labelHe: data.labelHe,
        labelEn: data.labelEn,
        type: data.type,
        options,
        config,
        required: data.required ?? false,
        position: (last?.position ?? -1) + 1,
      })
      .onConflictDoNothing()
      .returning();
  }
  if (!row) throw new AppError('conflict', 'Could not pick a fresh field key; try again');
  forgetDefinitions();
  const field = toField(row);
  if (indexedTypes.includes(field.type)) indexInBackground(ctx, type, field);
  return field;
}

/** Updates labels, options, config, required or archived if `version` is still current (else 409). */
export async function updateCustomField(ctx: Ctx, id: string, input: UpdateCustomFieldInput): Promise<CustomField> {
  requirePermission(ctx, 'fields:manage');
  const { version, archived, ...data } = updateCustomFieldSchema.parse(input);
  if (version === undefined) throw invalid('version', 'Required');
  const current = await findField(ctx, id);
  const field = toField(current);
  const options = mergeOptions(field.type, current.options, data.options);
  const config = data.config === undefined ? undefined : checkConfig(field.type, data.config);
  const [row] = await ctx.db
    .update(customFields)
    .set({
      ...(data.labelHe !== undefined && { labelHe: data.labelHe }),
      ...(data.labelEn !== undefined && { labelEn: data.labelEn }),
      ...(data.required !== undefined && { required: data.required }),
      ...(config !== undefined && { config }),
      options,
      ...(archived !== undefined && { archivedAt: archived ? (current.archivedAt ?? sql`now()`) : null }),
      version: sql`${customFields.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.id, id), eq(customFields.version, version)))
    .returning();
  if (!row) {
    throw new AppError('version_conflict', 'Someone else changed this field; reload and try again', { currentVersion: current.version });
  }
  forgetDefinitions();
  const updated = toField(row);
  const type = recordTypeOf(updated.recordType);
  if (archived === true && row.indexName) await dropFieldIndex(ctx, row.indexName);
  if (archived === false && indexedTypes.includes(updated.type) && !row.indexName) indexInBackground(ctx, type, updated);
  return updated;
}

async function findField(ctx: Ctx, id: string): Promise<Row> {
  const [row] = await ctx.db
    .select()
    .from(customFields)
    .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.id, id)));
  if (!row) throw notFound('Custom field');
  return row;
}

/** Sets the order of a record type's fields to `ids` (all of them, each once). */
export async function reorderCustomFields(ctx: Ctx, input: { recordType: string; ids: string[] }): Promise<CustomField[]> {
  requirePermission(ctx, 'fields:manage');
  const { recordType, ids } = reorderCustomFieldsSchema.parse(input);
  recordTypeOf(recordType);
  await ctx.db.transaction(async (tx) => {
    const rows = await tx
      .select({ id: customFields.id })
      .from(customFields)
      .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.recordType, recordType)))
      .for('update');
    const known = new Set(rows.map((r) => r.id));
    if (new Set(ids).size !== ids.length || ids.length !== known.size || ids.some((id) => !known.has(id))) {
      throw invalid('ids', `Send every ${recordType} field's id exactly once`);
    }
    for (const [position, id] of ids.entries()) {
      await tx
        .update(customFields)
        .set({ position, version: sql`${customFields.version} + 1`, updatedAt: sql`now()` })
        .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.id, id)));
    }
  });
  forgetDefinitions();
  return listCustomFields(ctx, { recordType, archived: 'true' });
}

/** True on embedded PGlite: one connection, no CONCURRENTLY needed (nor possible to overlap). */
function isEmbedded(db: Db) {
  const client = (db as unknown as { $client?: object }).$client;
  return !!client && 'waitReady' in client;
}

/**
 * Index builds under way in this process. At 1M records a build takes ~16 s, so a field is usable at
 * once (sorting it is slower, never wrong) and its index follows; `settleFieldIndexes` waits for them
 * (tests, the bench, closing the app before its database).
 */
const building = new Set<Promise<unknown>>();

/** Runs a build as one of this process's jobs; a failure is logged (the field works without its index). */
function track(ctx: Ctx, type: RecordType, field: CustomField): Promise<unknown> {
  const job: Promise<unknown> = buildFieldIndex(ctx, type, field)
    .catch((error: Error) => console.error(`kesher: index for custom field ${field.key} not built: ${error.message}`))
    .finally(() => building.delete(job));
  building.add(job);
  return job;
}

const indexInBackground = (ctx: Ctx, type: RecordType, field: CustomField) => void track(ctx, type, field);

export async function settleFieldIndexes() {
  while (building.size > 0) await Promise.allSettled([...building]);
}

/**
 * Builds every index a live sortable field lacks, in every workspace: those a stopped process left
 * unfinished (killed mid-build, CONCURRENTLY leaves an invalid index behind, which is dropped first)
 * and those of fields written straight to the table (the demo seed). Run at start, in the background.
 */
export async function ensureFieldIndexes(db: Db) {
  const rows = await db
    .select()
    .from(customFields)
    .where(and(isNull(customFields.indexName), isNull(customFields.archivedAt), inArray(customFields.type, [...indexedTypes])));
  for (const row of rows) {
    const type = findRecordType(row.recordType);
    if (!type) continue;
    const ctx = { db, workspaceId: row.workspaceId } as Ctx;
    const name = fieldIndexName(ctx, type, toField(row));
    const [found] = await queryRows<{ valid: boolean }>(
      db,
      sql`select i.indisvalid as valid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = ${name}`,
    );
    if (found && !found.valid) await db.execute(sql`drop index if exists ${sql.identifier(name)}`);
    await track(ctx, type, toField(row));
  }
}

const fieldIndexName = (ctx: Ctx, type: RecordType, field: CustomField) =>
  `${getTableName(type.table)}_${field.key}_${ctx.workspaceId.slice(0, 8)}_idx`;

/**
 * Builds the expression index a sort or range filter on this field uses: (value with empty as
 * +infinity, id) over the workspace's live rows. The workspace is in the predicate, not a column: the
 * planner drops a condition the predicate implies, and a leading workspace_id column without one would
 * make `(value, id) > cursor` a filter over the whole index instead of where the scan starts (2.2 s
 * instead of ms for a deep page at 1M rows; docs/decisions.md). Each index holds one workspace's rows. On PostgreSQL CONCURRENTLY, outside any transaction,
 * so writes go on while it builds at 1M rows; on PGlite plainly. A failure leaves the field without an
 * index (slower, still correct), never without the field.
 */
export async function buildFieldIndex(ctx: Ctx, type: RecordType, field: CustomField): Promise<string | null> {
  const name = fieldIndexName(ctx, type, field);
  const workspaceId = ctx.workspaceId.replace(/[^0-9a-f-]/g, '');
  const concurrently = isEmbedded(ctx.db) ? sql.raw('') : sql.raw('concurrently');
  try {
    await ctx.db.execute(
      sql`create index ${concurrently} if not exists ${sql.identifier(name)} on ${type.table}
          ((${customSortExpr(type, field)}), id)
          where deleted_at is null and workspace_id = ${sql.raw(`'${workspaceId}'`)}`,
    );
  } catch (error) {
    console.error(`kesher: index ${name} for custom field ${field.key} not built: ${(error as Error).message}`);
    await ctx.db.execute(sql`drop index ${concurrently} if exists ${sql.identifier(name)}`).catch(() => undefined);
    return null;
  }
  const recorded = await ctx.db
    .update(customFields)
    .set({ indexName: name })
    .where(
      and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.id, field.id), isNull(customFields.indexName), isNull(customFields.archivedAt)),
    )
    .returning({ id: customFields.id });
  // Archived while it was building: the index has no field to serve.
  if (recorded.length === 0) {
    const [current] = await ctx.db
      .select({ indexName: customFields.indexName })
      .from(customFields)
      .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.id, field.id)));
    if (current?.indexName === name) return name;
    await ctx.db.execute(sql`drop index ${concurrently} if exists ${sql.identifier(name)}`);
    return null;
  }
  return name;
}

async function dropFieldIndex(ctx: Ctx, name: string) {
  const concurrently = isEmbedded(ctx.db) ? sql.raw('') : sql.raw('concurrently');
  await ctx.db.execute(sql`drop index ${concurrently} if exists ${sql.identifier(name)}`);
  await ctx.db
    .update(customFields)
    .set({ indexName: null })
    .where(and(eq(customFields.workspaceId, ctx.workspaceId), eq(customFields.indexName, name)));
}
