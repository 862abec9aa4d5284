import type { LiveChange } from '../../../../src/domain/events/schema.js';

/** The last change seen on a record: who made it and which version it left, for "changed by X". */
export interface RecordChange {
  eventId: number;
  action: string;
  version: number | null;
  actorUserId: string | null;
  actorName: string | null;
  fields: string[];
  at: number;
}

type Listener = () => void;

/** Keeps the last change per record (bounded, oldest dropped first); subscribable for useSyncExternalStore. */
export function createChangeStore(max = 500) {
  const changes = new Map<string, RecordChange>();
  const listeners = new Set<Listener>();
  const keyOf = (recordType: string, id: string) => `${recordType}:${id}`;
  return {
    record(change: LiveChange, at = Date.now()) {
      if (change.action === 'activity') return;
      const key = keyOf(change.recordType, change.recordId);
      changes.delete(key);
      changes.set(key, {
        eventId: change.id,
        action: change.action,
        version: change.version,
        actorUserId: change.actorUserId,
        actorName: change.actorName,
        fields: change.fields,
        at,
      });
      if (changes.size > max) changes.delete(changes.keys().next().value!);
      listeners.forEach((l) => l());
    },
    get: (recordType: string, id: string): RecordChange | undefined => changes.get(keyOf(recordType, id)),
    subscribe(listener: Listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    clear() {
      changes.clear();
      listeners.forEach((l) => l());
    },
  };
}

export type ChangeStore = ReturnType<typeof createChangeStore>;

/** The app's one store; the live provider fills it, cards read it through useRecordChanges. */
export const changeStore = createChangeStore();
