-- Issue 8, search speed. The search walks return a few dozen rows (each walk is LIMITed), but a
-- set-returning function is estimated at 1,000 rows unless it says otherwise: with 5,000 estimated
-- rows the planner joined the titles by hashing every contact (PGlite, 100k contacts: 680 of 824 ms)
-- instead of a primary-key lookup per row found. Declare what they return at most in practice.
ALTER FUNCTION kesher_search_walk(uuid, text, uuid, uuid[], text[], boolean, text[], int, int) ROWS 20;--> statement-breakpoint
ALTER FUNCTION kesher_search_terms(uuid, text, uuid, uuid[], text[], text[], text[], text[], int) ROWS 40;
