import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { contacts } from '../contacts/table.js';
import { workspaces } from '../workspaces/table.js';

/** Consent history per contact and channel; the current state of a channel is its latest row. */
export const contactConsents = pgTable(
  'contact_consents',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    contactId: uuid('contact_id').notNull(),
    /** email, sms, whatsapp, phone. */
    channel: text('channel').notNull(),
    /** granted, withdrawn. */
    status: text('status').notNull(),
    /** form, import, verbal, unsubscribe_link, api, email, other. */
    method: text('method').notNull(),
    /** The form's URL, the import file's name, "told me on the phone". */
    evidence: text('evidence'),
    /** The member who recorded it; null for the public unsubscribe link. No FK: history outlives members. */
    recordedBy: uuid('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    foreignKey({ name: 'contact_consents_contact_fk', columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
    index('contact_consents_contact_idx').on(t.workspaceId, t.contactId, t.channel, t.recordedAt.desc(), t.id.desc()),
  ],
);

/**
 * One stored random token per contact and channel, made on first use and kept, so every campaign's
 * link for that person and channel is the same and works until the contact is erased.
 */
export const unsubscribeTokens = pgTable(
  'unsubscribe_tokens',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull().default(sql`gen_random_uuid()`),
    contactId: uuid('contact_id').notNull(),
    channel: text('channel').notNull(),
    /** The workspace id and 24 random bytes, base64url (see privacy/unsubscribe.ts). */
    token: text('token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.id] }),
    unique('unsubscribe_tokens_contact_channel_key').on(t.workspaceId, t.contactId, t.channel),
    unique('unsubscribe_tokens_token_key').on(t.workspaceId, t.token),
    foreignKey({ name: 'unsubscribe_tokens_contact_fk', columns: [t.workspaceId, t.contactId], foreignColumns: [contacts.workspaceId, contacts.id] }).onDelete('cascade'),
  ],
);

/** One row per workspace (absent = retention off). */
export const privacySettings = pgTable(
  'privacy_settings',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    /** Years without activity after which `kesher privacy retention` acts; null = off. */
    retentionYears: integer('retention_years'),
    /** anonymise (pseudonymise in place) or erase (pseudonymise, then delete the record). */
    retentionAction: text('retention_action').notNull().default('anonymise'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId] })],
);
