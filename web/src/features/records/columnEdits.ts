/**
 * The column picker's edits as functions of the columns as they are now. The picker hands these to the
 * list rather than a finished array: the router renders a new URL in a transition, so a second click
 * can come before the picker shows the first, and an array built from what it shows would undo it.
 */

/** Moves `path` by `by` places (−1 up, +1 down); unchanged at an edge or when the column is hidden. */
export function moveColumn(columns: string[], path: string, by: number): string[] {
  const from = columns.indexOf(path);
  const to = from + by;
  if (from < 0 || to < 0 || to >= columns.length) return columns;
  const next = [...columns];
  next.splice(from, 1);
  next.splice(to, 0, path);
  return next;
}

/** Shows a hidden column (last) or hides a shown one; the last shown column stays. */
export function toggleColumn(columns: string[], path: string): string[] {
  if (!columns.includes(path)) return [...columns, path];
  return columns.length > 1 ? columns.filter((c) => c !== path) : columns;
}
