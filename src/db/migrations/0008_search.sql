-- Issue 8, search: the contrib extensions the search engine and the duplicate matcher use.
-- PGlite loads them in db/client.ts; PostgreSQL ships them.
CREATE EXTENSION IF NOT EXISTS unaccent;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
-- kesher_norm: the SQL twin of normaliseText (src/domain/search/normalise.ts), step for step over the
-- same explicit character ranges, so the output does not depend on the database's locale.
CREATE OR REPLACE FUNCTION kesher_norm(s text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  select btrim(regexp_replace(regexp_replace(translate(
    regexp_replace(regexp_replace(normalize(s, NFKD), '[\u05BE\u05C0\u05C3\u05C6]', ' ', 'g'),
      '[\u0300-\u036F\u0483-\u0489\u0591-\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F\u05F3\u05F4''"`\u2018\u2019\u201C\u201D\u00AD\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]', '', 'g'),
    'ABCDEFGHIJKLMNOPQRSTUVWXYZÆÐØÞĐĦŁŊŒŦАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯЁЄІЇЎΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩךםןףץ',
    'abcdefghijklmnopqrstuvwxyzæðøþđħłŋœŧабвгдежзийклмнопрстуфхцчшщъыьэюяёєіїўαβγδεζηθικλμνξοπρστυφχψωכמנפצ'),
    '[^0-9a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u0370-\u03FF\u0400-\u04FF\u05D0-\u05F2\u0620-\u064A\u0660-\u0669\u066E-\u06D3]+', ' ', 'g'),
    ' +', ' ', 'g'), ' ')
$$;
--> statement-breakpoint
-- The values of a jsonb array of { value } objects (emails, phones), space-separated.
CREATE OR REPLACE FUNCTION kesher_json_values(a jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select coalesce(string_agg(e->>'value', ' '), '')
  from jsonb_array_elements(case when jsonb_typeof(a) = 'array' then a else '[]'::jsonb end) e
$$;--> statement-breakpoint
-- The digit forms a stored E.164 phone is found by (phoneDigitForms in normalise.ts): +972547651234 →
-- "0547651234 972547651234"; other countries their international digits.
CREATE OR REPLACE FUNCTION kesher_phone_forms(p text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  select case when d like '972%' then '0' || substr(d, 4) || ' ' || d else d end
  from (select regexp_replace(p, '[^0-9]', '', 'g') as d) x
$$;--> statement-breakpoint
-- The phone words of a primary phone and a phones array.
CREATE OR REPLACE FUNCTION kesher_phones_text(phone text, phones jsonb) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select coalesce(string_agg(distinct f, ' '), '')
  from (select kesher_phone_forms(v) as f from unnest(array[phone] || string_to_array(kesher_json_values(phones), ' ')) v where v <> '') x
  where f <> ''
$$;--> statement-breakpoint
-- What a contact is searched by, per field (the words of the search terms, see kesher_search_sync).
CREATE OR REPLACE FUNCTION kesher_contact_fields(first_name text, last_name text, email text, emails jsonb, phone text, phones jsonb)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select array[
    kesher_norm(coalesce(first_name, '') || ' ' || coalesce(last_name, '')),
    kesher_norm(coalesce(email, '') || ' ' || kesher_json_values(emails)),
    kesher_phones_text(phone, phones)]
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION kesher_company_fields(name text, domain text, phone text, phones jsonb)
RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select array[kesher_norm(coalesce(name, '')), kesher_norm(coalesce(domain, '')), kesher_phones_text(phone, phones)]
$$;--> statement-breakpoint
-- The fields' words as one text (array_to_string is only STABLE, so it cannot be in a generated column).
CREATE OR REPLACE FUNCTION kesher_search_join(a text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  select coalesce(string_agg(x, ' '), '') from unnest(a) x where x <> ''
$$;--> statement-breakpoint
-- search_text: the normalised name, emails and phone digit forms, trigram-indexed for fragments.
ALTER TABLE "contacts" DROP COLUMN "search_text";--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (kesher_search_join(kesher_contact_fields(first_name, last_name, email, emails, phone, phones))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "contacts_search_idx" ON "contacts" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
ALTER TABLE "companies" DROP COLUMN "search_text";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "search_text" text GENERATED ALWAYS AS (kesher_search_join(kesher_company_fields(name, domain, phone, phones))) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "companies_search_idx" ON "companies" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- One row per word of a live record, kept in step by kesher_search_sync: the exact, prefix, typo and
-- transliteration tiers are bounded range scans of its indexes. `word` sorts bytewise (COLLATE "C") so
-- LIKE 'x%' is an index range on any database locale.
CREATE TABLE "search_terms" (
	"workspace_id" uuid NOT NULL REFERENCES "workspaces"("id") ON DELETE CASCADE,
	"record_type" text NOT NULL,
	"record_id" uuid NOT NULL,
	"word" text COLLATE "C" NOT NULL,
	"field" text NOT NULL,
	"owner_id" uuid,
	CONSTRAINT "search_terms_workspace_id_record_type_record_id_word_field_pk" PRIMARY KEY("workspace_id","record_type","record_id","word","field")
);--> statement-breakpoint
CREATE INDEX "search_terms_word_idx" ON "search_terms" ("workspace_id","record_type","word","record_id") INCLUDE ("owner_id","field");--> statement-breakpoint
CREATE INDEX "search_terms_owner_idx" ON "search_terms" ("workspace_id","record_type","owner_id","word","record_id") INCLUDE ("field");--> statement-breakpoint
-- The terms of one record: delete, and unless deleted, insert its words per field.
CREATE OR REPLACE FUNCTION kesher_search_put(ws uuid, rtype text, rid uuid, owner uuid, live boolean, fields text[], texts text[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM search_terms WHERE workspace_id = ws AND record_type = rtype AND record_id = rid;
  IF live THEN
    INSERT INTO search_terms (workspace_id, record_type, record_id, word, field, owner_id)
    SELECT DISTINCT ws, rtype, rid, left(w, 100), f.field, owner
    FROM unnest(fields, texts) AS f(field, body), regexp_split_to_table(coalesce(f.body, ''), ' ') AS w
    WHERE w <> '';
  END IF;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION kesher_contact_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_terms WHERE workspace_id = OLD.workspace_id AND record_type = 'contact' AND record_id = OLD.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.search_text IS NOT DISTINCT FROM OLD.search_text AND NEW.owner_id IS NOT DISTINCT FROM OLD.owner_id
     AND (NEW.deleted_at IS NULL) = (OLD.deleted_at IS NULL) THEN
    RETURN NULL;
  END IF;
  PERFORM kesher_search_put(NEW.workspace_id, 'contact', NEW.id, NEW.owner_id, NEW.deleted_at IS NULL, array['name', 'email', 'phone'],
    kesher_contact_fields(NEW.first_name, NEW.last_name, NEW.email, NEW.emails, NEW.phone, NEW.phones));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION kesher_company_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM search_terms WHERE workspace_id = OLD.workspace_id AND record_type = 'company' AND record_id = OLD.id;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND NEW.search_text IS NOT DISTINCT FROM OLD.search_text AND NEW.owner_id IS NOT DISTINCT FROM OLD.owner_id
     AND (NEW.deleted_at IS NULL) = (OLD.deleted_at IS NULL) THEN
    RETURN NULL;
  END IF;
  PERFORM kesher_search_put(NEW.workspace_id, 'company', NEW.id, NEW.owner_id, NEW.deleted_at IS NULL, array['name', 'domain', 'phone'],
    kesher_company_fields(NEW.name, NEW.domain, NEW.phone, NEW.phones));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "contacts_search_sync" AFTER INSERT OR UPDATE OR DELETE ON "contacts" FOR EACH ROW EXECUTE FUNCTION kesher_contact_search_sync();--> statement-breakpoint
CREATE TRIGGER "companies_search_sync" AFTER INSERT OR UPDATE OR DELETE ON "companies" FOR EACH ROW EXECUTE FUNCTION kesher_company_search_sync();--> statement-breakpoint
-- Rebuilds every record's terms from the record tables (after a bulk load with triggers off), and
-- fills them now for the records that exist already.
CREATE OR REPLACE FUNCTION kesher_search_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE search_terms;
  INSERT INTO search_terms (workspace_id, record_type, record_id, word, field, owner_id)
  SELECT DISTINCT c.workspace_id, 'contact', c.id, left(w, 100), f.field, c.owner_id
  FROM contacts c,
    unnest(array['name', 'email', 'phone'], kesher_contact_fields(c.first_name, c.last_name, c.email, c.emails, c.phone, c.phones)) AS f(field, body),
    regexp_split_to_table(f.body, ' ') AS w
  WHERE c.deleted_at IS NULL AND w <> '';
  INSERT INTO search_terms (workspace_id, record_type, record_id, word, field, owner_id)
  SELECT DISTINCT c.workspace_id, 'company', c.id, left(w, 100), f.field, c.owner_id
  FROM companies c,
    unnest(array['name', 'domain', 'phone'], kesher_company_fields(c.name, c.domain, c.phone, c.phones)) AS f(field, body),
    regexp_split_to_table(f.body, ' ') AS w
  WHERE c.deleted_at IS NULL AND w <> '';
END $$;--> statement-breakpoint
SELECT kesher_search_rebuild();
--> statement-breakpoint
-- True when every word of `others` starts a word of the record (a multi-word query's other words).
CREATE OR REPLACE FUNCTION kesher_search_has_all(ws uuid, rtype text, rid uuid, others text[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  select not exists (select 1 from unnest(others) as o(w) where not exists (
    select 1 from search_terms t where t.workspace_id = ws and t.record_type = rtype and t.record_id = rid
      and t.word >= o.w and t.word < o.w || chr(1114111)))
$$;--> statement-breakpoint
-- One tier of the search (src/domain/search/engine.ts): for each word of `words` (equal, or starting
-- with when `prefix`), a bounded walk of an index of search_terms, per subtier — 0: records the caller
-- (`me`) touched recently (their last 60 audit entries), 1: records they own, 2: the rest they may see
-- (`owners`, NULL = all) — at most `take` rows each (`scan` rows read when `others` must be checked).
-- Static queries, so PL/pgSQL keeps their plans: a keystroke plans nothing, and every plan is an index
-- range walked in order with a LIMIT, whatever the words' frequencies.
CREATE OR REPLACE FUNCTION kesher_search_walk(ws uuid, rtype text, me uuid, owners uuid[], words text[], prefix boolean, others text[], take int, tier int)
RETURNS TABLE(record_id uuid, field text, word text, rank int) LANGUAGE plpgsql STABLE AS $$
DECLARE
  scan int := CASE WHEN cardinality(others) > 0 THEN 2000 ELSE take END;
BEGIN
  IF cardinality(words) = 0 THEN RETURN; END IF;
  IF me IS NOT NULL THEN
    IF prefix THEN
      RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 FROM unnest(words) AS u(w) CROSS JOIN LATERAL (
        SELECT t.record_id, t.field, t.word FROM search_terms t
        WHERE t.workspace_id = ws AND t.record_type = rtype AND t.word >= u.w AND t.word < u.w || chr(1114111)
          AND t.record_id IN (SELECT a.record_id FROM audit_log a WHERE a.workspace_id = ws AND a.actor_user_id = me AND a.record_type = rtype ORDER BY a.id DESC LIMIT 60)
          AND (owners IS NULL OR t.owner_id = ANY (owners))
        LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
      RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 + 1 FROM unnest(words) AS u(w) CROSS JOIN LATERAL (
        SELECT t.record_id, t.field, t.word FROM search_terms t
        WHERE t.workspace_id = ws AND t.record_type = rtype AND t.owner_id = me AND t.word >= u.w AND t.word < u.w || chr(1114111)
        ORDER BY t.word, t.record_id LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
    ELSE
      RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 FROM unnest(words) AS u(w) CROSS JOIN LATERAL (
        SELECT t.record_id, t.field, t.word FROM search_terms t
        WHERE t.workspace_id = ws AND t.record_type = rtype AND t.word = u.w
          AND t.record_id IN (SELECT a.record_id FROM audit_log a WHERE a.workspace_id = ws AND a.actor_user_id = me AND a.record_type = rtype ORDER BY a.id DESC LIMIT 60)
          AND (owners IS NULL OR t.owner_id = ANY (owners))
        LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
      RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 + 1 FROM unnest(words) AS u(w) CROSS JOIN LATERAL (
        SELECT t.record_id, t.field, t.word FROM search_terms t
        WHERE t.workspace_id = ws AND t.record_type = rtype AND t.owner_id = me AND t.word = u.w
        ORDER BY t.record_id LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
    END IF;
  END IF;
  IF owners IS NOT NULL AND owners <@ ARRAY[me] THEN RETURN; END IF;
  IF prefix THEN
    RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 + 2 FROM unnest(words) AS u(w) CROSS JOIN LATERAL (
      SELECT t.record_id, t.field, t.word FROM search_terms t
      WHERE t.workspace_id = ws AND t.record_type = rtype AND t.word >= u.w AND t.word < u.w || chr(1114111)
        AND (owners IS NULL OR t.owner_id = ANY (owners))
      ORDER BY t.word, t.record_id LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
  ELSE
    RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 + 2 FROM unnest(words) AS u(w) CROSS JOIN LATERAL (
      SELECT t.record_id, t.field, t.word FROM search_terms t
      WHERE t.workspace_id = ws AND t.record_type = rtype AND t.word = u.w
        AND (owners IS NULL OR t.owner_id = ANY (owners))
      ORDER BY t.record_id LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
  END IF;
END $$;--> statement-breakpoint
-- The exact (tier 0), prefix (1) and typo/transliteration (3) tiers of one type in one call.
CREATE OR REPLACE FUNCTION kesher_search_terms(ws uuid, rtype text, me uuid, owners uuid[], exact text[], prefixes text[], fuzzy text[], others text[], take int)
RETURNS TABLE(record_id uuid, field text, word text, rank int) LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT * FROM kesher_search_walk(ws, rtype, me, owners, exact, false, others, take, 0);
  RETURN QUERY SELECT * FROM kesher_search_walk(ws, rtype, me, owners, prefixes, true, others, take, 1);
  RETURN QUERY SELECT * FROM kesher_search_walk(ws, rtype, me, owners, fuzzy, false, others, take, 3);
END $$;
