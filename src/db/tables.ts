// Every drizzle table, for the client, the migrator and drizzle-kit.
export * from '../domain/users/table.js';
export * from '../domain/workspaces/table.js';
export * from '../domain/invitations/table.js';
export * from '../domain/api-keys/table.js';
export * from '../domain/companies/table.js';
export * from '../domain/contacts/table.js';
export * from '../domain/rate-limits/table.js';
export * from '../domain/teams/table.js';
export * from '../domain/custom-fields/table.js';
export * from '../domain/activities/table.js';
export * from '../domain/search/table.js';
export * from '../domain/audit/table.js';
export * from '../domain/events/table.js';
export * from '../domain/views/table.js';
export * from '../domain/duplicates/table.js';
export * from '../domain/merge/table.js';
export * from '../domain/privacy/table.js';
