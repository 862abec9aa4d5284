-- Custom field values live in records' `custom` JSONB as ISO text. Casting text to date or timestamptz
-- is only STABLE (it reads DateStyle/TimeZone), so it cannot appear in an index; for the ISO forms the
-- API writes ('YYYY-MM-DD', and date-times with an offset) the result does not depend on either, so
-- these wrappers are declared IMMUTABLE and the per-field expression indexes (custom-fields/service.ts)
-- and the filter and sort SQL (records/filter-fields.ts) both use them.
CREATE OR REPLACE FUNCTION kesher_date(value text) RETURNS date
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT value::date $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION kesher_timestamptz(value text) RETURNS timestamptz
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT value::timestamptz $$;
