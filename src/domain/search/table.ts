import { index, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';
import { workspaces } from '../workspaces/table.js';

/**
 * One row per word of a live record of a searchable type, kept in step by a trigger on each record
 * table (migration 0008, kesher_search_put): the exact, prefix, typo and transliteration tiers of the
 * search are bounded range scans of its indexes. `word` is COLLATE "C" in the migration (bytewise, so
 * LIKE 'x%' is an index range whatever the database's locale).
 */
export const searchTerms = pgTable(
  'search_terms',
  {
    workspaceId: uuid('workspace_id').notNull().references(() => workspaces.id, { onDelete: 'cascade' }),
    recordType: text('record_type').notNull(),
    recordId: uuid('record_id').notNull(),
    /** A normalised word (kesher_norm) or a phone's digit form. */
    word: text('word').notNull(),
    /** Which of the record's fields holds it: name, email, phone, domain… */
    field: text('field').notNull(),
    ownerId: uuid('owner_id'),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.recordType, t.recordId, t.word, t.field] }),
    index('search_terms_word_idx').on(t.workspaceId, t.recordType, t.word, t.recordId),
    index('search_terms_owner_idx').on(t.workspaceId, t.recordType, t.ownerId, t.word, t.recordId),
  ],
);
