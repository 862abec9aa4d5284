import { and, eq, sql } from 'drizzle-orm';
import { contactDuplicates } from './duplicates.js';
import { registerRecordType, type BuiltinField } from '../records/registry.js';
import { loadContacts } from './load.js';
import { contactSchema } from './schema.js';
import { companies } from '../companies/table.js';
import { contactCompanies, contacts } from './table.js';

// One list each, declared with the contract (schema.ts, which the web imports too).
export { contactStageValues as contactStages, contactTypeValues as contactTypes } from './schema.js';
import { contactStageValues as contactStages, contactTypeValues as contactTypes } from './schema.js';

const c = contacts;
/** Built-in fields of a contact, by API name: what filters, sorts, columns and the audit know. */
export const contactFields: readonly BuiltinField[] = [
  { key: 'name', type: 'text', expression: c.sortName, sortable: true },
  { key: 'firstName', type: 'text', expression: c.firstName, sortable: true },
  { key: 'lastName', type: 'text', expression: c.lastName, sortable: true },
  { key: 'type', type: 'select', expression: c.type, values: contactTypes, sortable: true },
  { key: 'stage', type: 'select', expression: c.stage, values: contactStages, sortable: true },
  { key: 'ownerId', nullable: true, type: 'member', expression: c.ownerId },
  { key: 'source', nullable: true, type: 'text', expression: c.source, sortable: true },
  { key: 'tags', type: 'tags', expression: c.tags },
  { key: 'email', nullable: true, type: 'email', expression: c.email, sortable: true },
  { key: 'phone', nullable: true, type: 'phone', expression: c.phone },
  { key: 'city', nullable: true, type: 'text', expression: c.city, sortable: true },
  { key: 'country', nullable: true, type: 'text', expression: c.country, sortable: true },
  { key: 'birthday', nullable: true, type: 'date', expression: c.birthday, sortable: true },
  { key: 'language', nullable: true, type: 'text', expression: c.language },
  { key: 'doNotContact', type: 'boolean', expression: c.doNotContact },
  { key: 'companyId', nullable: true, type: 'relation', expression: c.companyId },
  { key: 'createdAt', type: 'datetime', expression: c.createdAt, sortable: true },
  { key: 'updatedAt', type: 'datetime', expression: c.updatedAt, sortable: true },
];

export const contactRecord = registerRecordType({
  name: 'contact',
  plural: 'contacts',
  table: contacts,
  fields: contactFields,
  displayName: sql`trim(${c.firstName} || ' ' || ${c.lastName})`,
  defaultSort: 'name',
  label: 'Contact',
  itemSchema: contactSchema,
  load: loadContacts,
  searchText: c.searchText,
  search: {
    title: sql`trim(${c.firstName} || ' ' || ${c.lastName})`,
    subtitle: sql`nullif(concat_ws(' · ', (select co.name from ${companies} co where co.workspace_id = ${c.workspaceId} and co.id = ${c.companyId} and co.deleted_at is null), ${c.email}, ${c.phone}), '')`,
    fields: ['name', 'email', 'phone'],
    fieldValues: sql`kesher_contact_fields(${c.firstName}, ${c.lastName}, ${c.email}, ${c.emails}, ${c.phone}, ${c.phones})`,
    via: {
      type: 'company',
      field: 'company',
      linkedTo: (workspaceId, source) =>
        sql`select ${contactCompanies.contactId} as id from ${contactCompanies} where ${and(eq(contactCompanies.workspaceId, workspaceId), eq(contactCompanies.companyId, source))}`,
    },
  },
  duplicates: contactDuplicates,
});
