-- Issue 8, search speed. The search walks return a few dozen rows (each walk is LIMITed), but a
-- set-returning function is estimated at 1,000 rows unless it says otherwise: with 5,000 estimated
-- rows the planner joined the titles by hashing every contact (PGlite, 100k contacts: 680 of 824 ms)
-- instead of a primary-key lookup per row found. Declare what they return at most in practice.
ALTER FUNCTION kesher_search_terms(uuid, text, uuid, uuid[], text[], text[], text[], text[], int) ROWS 40;
--> statement-breakpoint
-- The walk again (0008), declaring its rows, and with a team's "rest" walked per teammate.
CREATE OR REPLACE FUNCTION kesher_search_walk(ws uuid, rtype text, me uuid, owners uuid[], words text[], prefix boolean, others text[], take int, tier int)
RETURNS TABLE(record_id uuid, field text, word text, rank int) LANGUAGE plpgsql STABLE ROWS 20 AS $$
DECLARE
  scan int := CASE WHEN cardinality(others) > 0 THEN 2000 ELSE take END;
BEGIN
  IF cardinality(words) = 0 THEN RETURN; END IF;
  IF cardinality(others) > 0 THEN
    -- Keep only the spellings of the other words that start some word of this type (a few probes), and
    -- stop at once when one of them has none: the per-row check below then tries two spellings, not twelve.
    others := array(SELECT (SELECT string_agg(a.w, '|') FROM unnest(string_to_array(o.alternatives, '|')) AS a(w)
        WHERE EXISTS (SELECT 1 FROM search_terms t WHERE t.workspace_id = ws AND t.record_type = rtype AND t.word >= a.w AND t.word < a.w || chr(1114111)))
      FROM unnest(others) AS o(alternatives));
    IF array_position(others, NULL) IS NOT NULL THEN RETURN; END IF;
  END IF;
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
  IF owners IS NOT NULL THEN
    -- A team: one bounded walk of the owner index per teammate (the caller's own came above), rather
    -- than a walk of every record's word that filters by owner, which is unbounded when the team
    -- owns few of the records holding a common word.
    IF prefix THEN
      RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 + 2
      FROM unnest(words) AS u(w) CROSS JOIN (SELECT o FROM unnest(owners) AS o WHERE me IS NULL OR o <> me) m CROSS JOIN LATERAL (
        SELECT t.record_id, t.field, t.word FROM search_terms t
        WHERE t.workspace_id = ws AND t.record_type = rtype AND t.owner_id = m.o AND t.word >= u.w AND t.word < u.w || chr(1114111)
        ORDER BY t.word, t.record_id LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
    ELSE
      RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 + 2
      FROM unnest(words) AS u(w) CROSS JOIN (SELECT o FROM unnest(owners) AS o WHERE me IS NULL OR o <> me) m CROSS JOIN LATERAL (
        SELECT t.record_id, t.field, t.word FROM search_terms t
        WHERE t.workspace_id = ws AND t.record_type = rtype AND t.owner_id = m.o AND t.word = u.w
        ORDER BY t.record_id LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
    END IF;
    RETURN;
  END IF;
  IF prefix THEN
    RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 + 2 FROM unnest(words) AS u(w) CROSS JOIN LATERAL (
      SELECT t.record_id, t.field, t.word FROM search_terms t
      WHERE t.workspace_id = ws AND t.record_type = rtype AND t.word >= u.w AND t.word < u.w || chr(1114111)
      ORDER BY t.word, t.record_id LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
  ELSE
    RETURN QUERY SELECT x.record_id, x.field, x.word::text, tier * 10 + 2 FROM unnest(words) AS u(w) CROSS JOIN LATERAL (
      SELECT t.record_id, t.field, t.word FROM search_terms t
      WHERE t.workspace_id = ws AND t.record_type = rtype AND t.word = u.w
      ORDER BY t.record_id LIMIT scan) x WHERE kesher_search_has_all(ws, rtype, x.record_id, others) LIMIT take;
  END IF;
END $$;
--> statement-breakpoint
-- True when every element of `others` starts a word of the record; an element may list spellings
-- separated by | (normalised words never hold one), any of which will do: the fuzzy tier's other
-- words, as typed or transliterated.
CREATE OR REPLACE FUNCTION kesher_search_has_all(ws uuid, rtype text, rid uuid, others text[]) RETURNS boolean LANGUAGE sql STABLE AS $$
  select not exists (select 1 from unnest(others) as o(alternatives) where not exists (
    select 1 from unnest(string_to_array(o.alternatives, '|')) as a(w) where exists (
      select 1 from search_terms t where t.workspace_id = ws and t.record_type = rtype and t.record_id = rid
        and t.word >= a.w and t.word < a.w || chr(1114111))))
$$;
