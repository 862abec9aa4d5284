import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/** The values of a labelled list (`emails`) and of its shortcut (`email`), as a body or a record has them. */
export function listValues(record: Record<string, unknown>, shortcut: string, list: string): string[] {
  const values = new Set<string>();
  const items = record[list];
  if (Array.isArray(items)) for (const item of items) if (item && typeof (item as { value?: unknown }).value === 'string') values.add((item as { value: string }).value);
  if (typeof record[shortcut] === 'string') values.add(record[shortcut] as string);
  return [...values];
}

export const textOf = (record: Record<string, unknown>, key: string): string | null => (typeof record[key] === 'string' ? (record[key] as string) : null);

/** `expression = any(array[…])`, or nothing for no values. */
export function anyOf(expression: SQL | PgColumn, values: readonly string[]): SQL | undefined {
  if (values.length === 0) return undefined;
  return sql`${expression} = any(array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[])`;
}

/** `array_expression && array[…]` (a GIN lookup), or nothing for no values. */
export function overlaps(expression: SQL, values: readonly string[]): SQL | undefined {
  if (values.length === 0) return undefined;
  return sql`${expression} && array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}
