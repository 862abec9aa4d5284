-- Issue 8, search: the contrib extensions the search engine and the duplicate matcher use.
-- PGlite loads them in db/client.ts; PostgreSQL ships them.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
