#!/usr/bin/env bash
# Measures the custom field storage alternatives of docs/decisions.md on PostgreSQL at 1M contacts.
# Usage: bench/custom-field-storage.sh [postgres://postgres@127.0.0.1:5432]   (creates and drops kesher_cf_bench)
set -euo pipefail
server=${1:-postgres://postgres@127.0.0.1:5432}
db=kesher_cf_bench
[ -n "${KEEP:-}" ] || trap 'psql "$server/postgres" -qc "drop database if exists $db with (force)"' EXIT
if [ -z "${REUSE:-}" ]; then # REUSE=1 KEEP=1: measure again on the database a KEEP=1 run left
  psql "$server/postgres" -qc "drop database if exists $db with (force)" -c "create database $db"
  for f in "$(dirname "$0")"/../src/db/migrations/*.sql; do psql "$server/$db" -q -v ON_ERROR_STOP=1 -f "$f" >/dev/null; done
  time psql "$server/$db" -q -f "$(dirname "$0")/custom-field-storage.sql"
fi

ws="'00000000-0000-4000-8000-0000000000aa'"
expr="coalesce(kesher_date(custom ->> 'cf_due'), 'infinity'::date)"
col="coalesce(due, 'infinity'::date)"
# The deep page starts after the 500,000th row of the date order.
deep=$(psql "$server/$db" -tA -c "select $expr::text || '|' || id from contacts where workspace_id = $ws and deleted_at is null order by $expr, id offset 500000 limit 1")
deep_value=${deep%%|*}; deep_id=${deep##*|}

run() { # name, setup SQL, query
  local times=()
  for _ in 1 2 3 4 5; do
    times+=("$(psql "$server/$db" -qtA -c "$2" -c "explain (analyze, format json) $3" | grep -o '"Execution Time": [0-9.]*' | grep -o '[0-9.]*$')")
  done
  printf '%-58s %s ms (median of 5)\n' "$1" "$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)"
}
for option in opt_1 opt_rare; do
  filter="custom @> '{\"cf_interest\": \"$option\"}'"
  base="select id from contacts where workspace_id = $ws and deleted_at is null and $filter"
  cursor="and ($expr, id) > ('$deep_value'::date, '$deep_id'::uuid)"
  run "(a) expression index, $option, first page" "set enable_bitmapscan = on" "$base order by $expr, id limit 51"
  run "(a) expression index, $option, deep page" "set enable_bitmapscan = on" "$base $cursor order by $expr, id limit 51"
  nox="set enable_indexscan = off; set enable_indexonlyscan = off"
  run "(b) GIN only, $option, first page" "$nox" "$base order by $expr, id limit 51"
  run "(b) GIN only, $option, deep page" "$nox" "$base $cursor order by $expr, id limit 51"
  cbase="select id from contacts where workspace_id = $ws and deleted_at is null and interest = '$option'"
  ccursor="and ($col, id) > ('$deep_value'::date, '$deep_id'::uuid)"
  run "(c) real columns, $option, first page" "select 1" "$cbase order by $col, id limit 51"
  run "(c) real columns, $option, deep page" "select 1" "$cbase $ccursor order by $col, id limit 51"
done
