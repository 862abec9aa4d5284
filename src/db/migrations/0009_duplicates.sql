-- Issue 8, duplicates: the matcher's rules per workspace, remembered "not a duplicate" pairs, stored
-- scans, and the expression indexes the create/edit check finds candidates by (src/domain/duplicates).
--
-- dup_email_key: the SQL twin of emailKey() in src/domain/duplicates/canonical.ts (lower case, trimmed,
-- no +tag; gmail/googlemail without dots in the local part). canonical-sql.test.ts checks they agree.
CREATE OR REPLACE FUNCTION dup_email_key(e text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  select case
    when p.local is null or p.local = '' or p.domain = '' then null
    when p.domain in ('gmail.com', 'googlemail.com') then nullif(replace(p.local, '.', ''), '') || '@gmail.com'
    else p.local || '@' || p.domain
  end
  from (select split_part(substring(v from '^(.*)@[^@]*$'), '+', 1) as local, substring(v from '@([^@]*)$') as domain
        from (select lower(btrim(e, E' \t\r\n')) as v) t) p
$$;--> statement-breakpoint
-- Every email of a record's list, as keys: a GIN index over it finds a record by any of its emails.
CREATE OR REPLACE FUNCTION dup_email_keys(emails jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  select coalesce(array_agg(k), '{}') from (select public.dup_email_key(x->>'value') as k from jsonb_array_elements(emails) x) s where k is not null
$$;--> statement-breakpoint
-- Every phone of a record's list (stored in E.164 already).
CREATE OR REPLACE FUNCTION dup_phone_keys(phones jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
  select coalesce(array_agg(x->>'value'), '{}') from jsonb_array_elements(phones) x where x->>'value' is not null
$$;--> statement-breakpoint
CREATE INDEX "contacts_dup_email_idx" ON "contacts" USING gin ("workspace_id", dup_email_keys("emails")) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contacts_dup_phone_idx" ON "contacts" USING gin ("workspace_id", dup_phone_keys("phones")) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contacts_dup_name_idx" ON "contacts" USING btree ("workspace_id", kesher_norm("last_name"), left(kesher_norm("first_name"), 1)) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "contacts_dup_birthday_idx" ON "contacts" USING btree ("workspace_id", "birthday") WHERE deleted_at is null and birthday is not null;--> statement-breakpoint
CREATE INDEX "companies_dup_name_idx" ON "companies" USING btree ("workspace_id", kesher_norm("name")) WHERE deleted_at is null;--> statement-breakpoint
CREATE INDEX "companies_dup_domain_idx" ON "companies" USING btree ("workspace_id", lower("domain")) WHERE deleted_at is null and domain is not null;--> statement-breakpoint
CREATE INDEX "companies_dup_phone_idx" ON "companies" USING gin ("workspace_id", dup_phone_keys("phones")) WHERE deleted_at is null;--> statement-breakpoint
CREATE TABLE "duplicate_rules" (
	"workspace_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"rules" jsonb NOT NULL,
	"block_at" double precision NOT NULL,
	"warn_at" double precision NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_rules_workspace_id_record_type_pk" PRIMARY KEY("workspace_id","record_type")
);--> statement-breakpoint
ALTER TABLE "duplicate_rules" ADD CONSTRAINT "duplicate_rules_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "duplicate_dismissals" (
	"workspace_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"a_id" uuid NOT NULL,
	"b_id" uuid NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "duplicate_dismissals_workspace_id_record_type_a_id_b_id_pk" PRIMARY KEY("workspace_id","record_type","a_id","b_id"),
	CONSTRAINT "duplicate_dismissals_order" CHECK ("a_id" < "b_id")
);--> statement-breakpoint
ALTER TABLE "duplicate_dismissals" ADD CONSTRAINT "duplicate_dismissals_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "duplicate_scans" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"record_type" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"pairs" integer DEFAULT 0 NOT NULL,
	"groups" integer DEFAULT 0 NOT NULL,
	"started_by" uuid,
	"error" text,
	CONSTRAINT "duplicate_scans_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);--> statement-breakpoint
ALTER TABLE "duplicate_scans" ADD CONSTRAINT "duplicate_scans_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duplicate_scans_latest_idx" ON "duplicate_scans" USING btree ("workspace_id","record_type","started_at");--> statement-breakpoint
CREATE TABLE "duplicate_scan_groups" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"scan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"score" double precision NOT NULL,
	"record_ids" uuid[] NOT NULL,
	"pairs" jsonb NOT NULL,
	CONSTRAINT "duplicate_scan_groups_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);--> statement-breakpoint
ALTER TABLE "duplicate_scan_groups" ADD CONSTRAINT "duplicate_scan_groups_scan_fk" FOREIGN KEY ("workspace_id","scan_id") REFERENCES "public"."duplicate_scans"("workspace_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duplicate_scan_groups_scan_idx" ON "duplicate_scan_groups" USING btree ("workspace_id","scan_id","position");
