import { useCallback, useSyncExternalStore } from 'react';
import { changeStore, type RecordChange } from './changeStore.js';

/**
 * The last change another tab or colleague made to a record while this page was open (who, which
 * version), or undefined: a card compares `version` with its own to say "changed by X, reload".
 */
export function useRecordChanges(recordType: string, id: string | undefined): RecordChange | undefined {
  const getSnapshot = useCallback(() => (id ? changeStore.get(recordType, id) : undefined), [recordType, id]);
  return useSyncExternalStore(changeStore.subscribe, getSnapshot, getSnapshot);
}
