export { RecordListPage } from './RecordListPage.js';
export { createRecord, recordKeys } from './api.js';
export { useFields, useMembers } from './hooks.js';
export type { RecordListConfig, GridRecord } from './types.js';
