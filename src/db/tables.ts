// Every drizzle table, for the client, the migrator and drizzle-kit.
export * from '../domain/users/table.js';
export * from '../domain/workspaces/table.js';
export * from '../domain/invitations/table.js';
export * from '../domain/api-keys/table.js';
export * from '../domain/companies/table.js';
export * from '../domain/contacts/table.js';
export * from '../domain/rate-limits/table.js';
