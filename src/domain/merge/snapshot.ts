/** Rows of a link table the merge took away and the rows it wrote instead (undo deletes the second, puts back the first). */
export interface MovedRows {
  table: string;
  /** The table's primary key columns (SQL names). */
  key: string[];
  removed: Record<string, unknown>[];
  inserted: Record<string, unknown>[];
}

/** A value on another record (or on the survivor) that the merge re-pointed: undo puts `old` back while it still holds `new`. */
export interface MovedValue {
  recordType: string;
  id: string;
  /** A column key (companyId) or `custom.<key>`. */
  key: string;
  old: unknown;
  new: unknown;
}

/** What undo needs, stored on the merge row; personal data, so erasure scrubs it (forgetMergesOf). */
export interface MergeSnapshot {
  /** The merged-away records' names when merged, for the banner. */
  names: Record<string, string>;
  /** The survivor's values the merge changed, by field key, before and after. */
  survivor: { before: Record<string, unknown>; after: Record<string, unknown> };
  rows: MovedRows[];
  values: MovedValue[];
  views: { id: string; old: unknown; new: unknown }[];
}
