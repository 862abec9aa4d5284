import { getTableColumns } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { LabelledValue } from '../records/columns.js';
import type { RecordType } from '../records/registry.js';

/** A record's row as drizzle reads it, by API key (firstName, custom…). */
export type Row = Record<string, unknown> & { id: string; version: number; updatedAt: Date; custom: Record<string, unknown>; tags: string[] };

/** The engine's own columns: who/when/version belong to the survivor, tags and custom are merged apart. */
const engineKeys = new Set(['workspaceId', 'id', 'tags', 'custom', 'createdBy', 'updatedBy', 'version', 'createdAt', 'updatedAt', 'deletedAt', 'deletedBy']);

/** How a record type's columns merge, derived from its table once. */
export interface MergeFields {
  /** Columns where one record's value survives (the caller picks; default the survivor's, else the newest non-empty). */
  chosen: { key: string; column: PgColumn }[];
  /** Labelled lists whose every value is kept (`emails` with its primary column `email`). */
  lists: { key: string; primaryKey: string }[];
}

const cache = new Map<string, MergeFields>();

/**
 * The merge rules of any registered type, read from its table: a jsonb list `<x>s` beside a text column `<x>`
 * is a list of labelled values (all kept, the survivor's primary stays primary); generated columns, other
 * jsonb (stage dates) and ids of other records (kept in step with link tables) stay the survivor's; every
 * other column, and the owner, is a choice.
 */
export function mergeFieldsOf(type: RecordType): MergeFields {
  const known = cache.get(type.name);
  if (known) return known;
  const columns = getTableColumns(type.table) as Record<string, PgColumn>;
  const lists = Object.keys(columns)
    .filter((key) => columns[key]!.columnType === 'PgJsonb' && key.endsWith('s') && columns[key.slice(0, -1)]?.columnType === 'PgText')
    .map((key) => ({ key, primaryKey: key.slice(0, -1) }));
  const inLists = new Set(lists.flatMap((l) => [l.key, l.primaryKey]));
  const chosen = Object.entries(columns)
    .filter(([key, column]) => !engineKeys.has(key) && !inLists.has(key) && !column.generated && column.columnType !== 'PgJsonb')
    .filter(([key, column]) => column.columnType !== 'PgUUID' || key === 'ownerId')
    .map(([key, column]) => ({ key, column }));
  const fields = { chosen, lists };
  cache.set(type.name, fields);
  return fields;
}

export const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);

/** Each field key (built-in, then `custom.<key>`) with its value on a row. */
export function valueOf(row: Row, key: string): unknown {
  return key.startsWith('custom.') ? (row.custom[key.slice(7)] ?? null) : (row[key] ?? null);
}

/** Every choosable key of these rows: the type's columns, then each custom key any of them holds. */
export function choosableKeys(fields: MergeFields, rows: Row[]): string[] {
  const custom = [...new Set(rows.flatMap((r) => Object.keys(r.custom)))].sort().map((k) => `custom.${k}`);
  return [...fields.chosen.map((f) => f.key), ...custom];
}

/** The default source of a field: the survivor when its value is not empty, else the newest non-empty, else the survivor. */
export function defaultSource(rows: Row[], survivorId: string, key: string): string {
  const survivor = rows.find((r) => r.id === survivorId)!;
  if (!isEmpty(valueOf(survivor, key))) return survivorId;
  const newest = [...rows].sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime()).find((r) => !isEmpty(valueOf(r, key)));
  return newest?.id ?? survivorId;
}

const normalised = (value: string) => value.trim().toLowerCase();

/** The survivor's list first (its primary stays primary), then the others' values not already there, none primary. */
export function unitedList(rows: Row[], survivorId: string, key: string): LabelledValue[] {
  const ordered = [rows.find((r) => r.id === survivorId)!, ...rows.filter((r) => r.id !== survivorId)];
  const seen = new Set<string>();
  const united: LabelledValue[] = [];
  for (const row of ordered) {
    for (const item of (row[key] as LabelledValue[] | null) ?? []) {
      if (seen.has(normalised(item.value))) continue;
      seen.add(normalised(item.value));
      united.push({ ...item, primary: row.id === survivorId && item.primary });
    }
  }
  if (united.length > 0 && !united.some((i) => i.primary)) united[0] = { ...united[0]!, primary: true };
  return united;
}

export const unitedTags = (rows: Row[], survivorId: string) => {
  const ordered = [rows.find((r) => r.id === survivorId)!, ...rows.filter((r) => r.id !== survivorId)];
  return [...new Set(ordered.flatMap((r) => r.tags))];
};
