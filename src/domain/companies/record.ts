import { sql } from 'drizzle-orm';
import { companyDuplicates } from './duplicates.js';
import { registerRecordType, type BuiltinField } from '../records/registry.js';
import { loadCompanies } from './load.js';
import { companySchema } from './schema.js';
import { companies } from './table.js';

// One list, declared with the contract (schema.ts).
export { companySizeValues as companySizes } from './schema.js';
import { companySizeValues as companySizes } from './schema.js';

const c = companies;
/** Built-in fields of a company, by API name. */
export const companyFields: readonly BuiltinField[] = [
  { key: 'name', type: 'text', expression: c.sortName, sortable: true },
  { key: 'domain', nullable: true, type: 'text', expression: c.domain, sortable: true },
  { key: 'phone', nullable: true, type: 'phone', expression: c.phone },
  { key: 'industry', nullable: true, type: 'text', expression: c.industry, sortable: true },
  { key: 'size', nullable: true, type: 'select', expression: c.size, values: companySizes, sortable: true },
  { key: 'ownerId', nullable: true, type: 'member', expression: c.ownerId },
  { key: 'tags', type: 'tags', expression: c.tags },
  { key: 'city', nullable: true, type: 'text', expression: c.city, sortable: true },
  { key: 'country', nullable: true, type: 'text', expression: c.country, sortable: true },
  { key: 'createdAt', type: 'datetime', expression: c.createdAt, sortable: true },
  { key: 'updatedAt', type: 'datetime', expression: c.updatedAt, sortable: true },
];

export const companyRecord = registerRecordType({
  name: 'company',
  plural: 'companies',
  table: companies,
  fields: companyFields,
  displayName: sql`${c.name}`,
  defaultSort: 'name',
  label: 'Company',
  itemSchema: companySchema,
  load: loadCompanies,
  searchText: c.searchText,
  search: {
    title: sql`${c.name}`,
    subtitle: sql`nullif(concat_ws(' · ', ${c.domain}, ${c.phone}), '')`,
    fields: ['name', 'domain', 'phone'],
    fieldValues: sql`kesher_company_fields(${c.name}, ${c.domain}, ${c.phone}, ${c.phones})`,
  },
  duplicates: companyDuplicates,
});
