-- Custom field storage: expression index vs GIN only vs a real column, at 1M contacts (PostgreSQL).
-- Run by bench/custom-field-storage.sh on a scratch database that has Kesher's migrations applied.
-- One workspace holds 1M contacts; custom values: a select (4 common options ~24.75% each and a rare
-- one at 1%, uncorrelated with the dates) and a date over two years with 10% empty; the same values are copied into real columns
-- for alternative (c).
\set ON_ERROR_STOP on
insert into users (id, email, name, password_hash) values ('00000000-0000-4000-8000-000000000001', 'bench@example.test', 'Bench', 'x');
insert into workspaces (id, name, slug) values ('00000000-0000-4000-8000-0000000000aa', 'Bench', 'bench');
drop index contacts_search_idx;
drop index contacts_custom_idx;
alter table contacts add column interest text, add column due date;
insert into contacts (workspace_id, first_name, last_name, custom, interest, due)
select '00000000-0000-4000-8000-0000000000aa', 'First' || g, 'Last' || (g % 997),
       jsonb_strip_nulls(jsonb_build_object('cf_interest', i, 'cf_due', d::text)), i, d
from (
  select g,
         case when g % 100 = 7 then 'opt_rare' else 'opt_' || (g % 4) end as i,
         case when g % 10 = 0 then null else date '2025-01-01' + ((g::bigint * 7919) % 730)::int end as d
  from generate_series(1, 1000000) g
) s;
-- The GIN index every record table has (jsonb_path_ops), rebuilt after the load.
create index contacts_custom_idx on contacts using gin (custom jsonb_path_ops);
-- (a) the expression index custom-fields/service.ts builds for a date field
create index contacts_cf_due_idx on contacts ((coalesce(kesher_date(custom ->> 'cf_due'), 'infinity'::date)), id)
  where deleted_at is null and workspace_id = '00000000-0000-4000-8000-0000000000aa';
-- (c) real columns, indexed the same way
create index contacts_due_col_idx on contacts (workspace_id, (coalesce(due, 'infinity'::date)), id) where deleted_at is null;
create index contacts_interest_col_idx on contacts (workspace_id, interest, (coalesce(due, 'infinity'::date)), id) where deleted_at is null;
vacuum analyze contacts;
