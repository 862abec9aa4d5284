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
