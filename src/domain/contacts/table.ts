import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { companies } from '../companies/table.js';
import { addressColumns, recordColumns, type LabelledValue } from '../records/columns.js';
import { workspaces } from '../workspaces/table.js';

export const contacts = pgTable(
  'contacts',
  {
    ...recordColumns(),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull().default(''),
    /** customer, supplier, employee, partner, other. */
    type: text('type').notNull().default('customer'),
    /** subscriber → lead → qualified → customer → churned → won_back. */
    stage: text('stage').notNull().default('lead'),
    /** When each stage was last entered: { "lead": "2026-…", "customer": "…" }. */
    stageDates: jsonb('stage_dates').$type<Record<string, string>>().notNull().default({}),
    source: text('source'),
    /** The primary email, kept beside `emails` for search, filters and uniqueness. */
    email: text('email'),
    emails: jsonb('emails').$type<LabelledValue[]>().notNull().default([]),
    /** The primary phone in E.164, normalised on write. */
    phone: text('phone'),
    phones: jsonb('phones').$type<LabelledValue[]>().notNull().default([]),
    ...addressColumns(),
    birthday: date('birthday', { mode: 'string' }),
    /** Preferred language, BCP 47 ("he", "en", "ar", "ru"). */
    language: text('language'),
    notes: text('notes'),
    /** "Do not contact": no campaign or outreach on any channel, whatever the consents say (privacy/). */
    doNotContact: boolean('do_not_contact').notNull().default(false),
    /** When the person's data was erased (privacy/erase.ts): the row stays under a pseudonym. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /** The primary company, kept in step with contact_companies. */
    companyId: uuid('company_id'),
    /** Sort key of the list: keyset pagination walks (workspace_id, sort_name, id). */
    sortName: text('sort_name')
      .notNull()
      .generatedAlwaysAs(sql`lower(first_name || ' ' || last_name)`),
    /**
     * What the search matches by fragment, trigram-indexed: the normalised name and emails (kesher_norm)
     * and the phones' digit forms (migration 0008); its words are also in search_terms.
     */
    searchText: text('search_text')
      .notNull()
      .generatedAlwaysAs(sql`kesher_search_join(kesher_contact_fields(first_name, last_name, email, emails, phone, phones))`),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }),
    index('contacts_sort_idx').on(t.workspaceId, t.sortName, t.id).where(sql`deleted_at is null`),
    index('contacts_search_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    index('contacts_owner_idx').on(t.workspaceId, t.ownerId, t.sortName, t.id).where(sql`deleted_at is null`),
    index('contacts_stage_idx').on(t.workspaceId, t.stage, t.sortName, t.id).where(sql`deleted_at is null`),
    index('contacts_company_idx').on(t.workspaceId, t.companyId),
    index('contacts_tags_idx').using('gin', t.tags),
    index('contacts_custom_idx').using('gin', t.custom.op('jsonb_path_ops')),
    index('contacts_trash_idx').on(t.workspaceId, t.deletedAt).where(sql`deleted_at is not null`),
  ],
);

/** Contact ↔ company, many to many, with the contact's role there; one link per contact is primary. */
export const contactCompanies = pgTable(
  'contact_companies',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    contactId: uuid('contact_id').notNull(),
    companyId: uuid('company_id').notNull(),
    /** "director", "buyer"; free text. */
    role: text('role'),
    isPrimary: boolean('is_primary').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.contactId, t.companyId] }),
    foreignKey({ columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.workspaceId, t.companyId], foreignColumns: [companies.workspaceId, companies.id] }).onDelete('cascade'),
    index('contact_companies_company_idx').on(t.workspaceId, t.companyId, t.contactId),
  ],
);
