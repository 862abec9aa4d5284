export { LiveUpdates } from './LiveUpdates.js';
export { useRecordChanges } from './useRecordChanges.js';
export type { RecordChange } from './changeStore.js';
export { keysToInvalidate } from './invalidation.js';
