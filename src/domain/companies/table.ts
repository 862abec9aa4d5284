import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { addressColumns, recordColumns, type LabelledValue } from '../records/columns.js';

export const companies = pgTable(
  'companies',
  {
    ...recordColumns(),
    name: text('name').notNull(),
    domain: text('domain'),
    /** The primary phone in E.164. */
    phone: text('phone'),
    phones: jsonb('phones').$type<LabelledValue[]>().notNull().default([]),
    ...addressColumns(),
    industry: text('industry'),
    /** Head-count band: 1-10, 11-50, 51-200, 201-1000, 1001+. */
    size: text('size'),
    notes: text('notes'),
    sortName: text('sort_name')
      .notNull()
      .generatedAlwaysAs(sql`lower(name)`),
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`kesher_search_join(kesher_company_fields(name, domain, phone, phones))`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    index('companies_name_idx').on(t.workspaceId, sql`lower(${t.name})`),
    index('companies_sort_idx').on(t.workspaceId, t.sortName, t.id).where(sql`deleted_at is null`),
    index('companies_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('companies_owner_idx').on(t.workspaceId, t.ownerId, t.sortName, t.id).where(sql`deleted_at is null`),
    index('companies_tags_idx').using('gin', t.tags),
    index('companies_custom_idx').using('gin', t.custom.op('jsonb_path_ops')),
    index('companies_trash_idx').on(t.workspaceId, t.deletedAt).where(sql`deleted_at is not null`),
  ],
);
