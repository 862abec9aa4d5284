-- Issue 8, merge: one row per merge with the snapshot that undo replays, and a tombstone per merged-away
-- record that outlives purge and erasure, so a merged-away id always leads to its survivor.
CREATE TABLE "merges" (
	"workspace_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"record_type" text NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merged_ids" uuid[] NOT NULL,
	"actor_user_id" uuid,
	"snapshot" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undo_until" timestamp with time zone NOT NULL,
	"undone_at" timestamp with time zone,
	"undone_by" uuid,
	CONSTRAINT "merges_workspace_id_id_pk" PRIMARY KEY("workspace_id","id")
);
--> statement-breakpoint
CREATE TABLE "merge_tombstones" (
	"workspace_id" uuid NOT NULL,
	"record_type" text NOT NULL,
	"merged_id" uuid NOT NULL,
	"survivor_id" uuid NOT NULL,
	"merge_id" uuid NOT NULL,
	CONSTRAINT "merge_tombstones_workspace_id_record_type_merged_id_pk" PRIMARY KEY("workspace_id","record_type","merged_id")
);
--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "merges" ADD CONSTRAINT "merges_undone_by_users_id_fk" FOREIGN KEY ("undone_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "merge_tombstones" ADD CONSTRAINT "merge_tombstones_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "merges_survivor_idx" ON "merges" USING btree ("workspace_id","record_type","survivor_id","created_at");
--> statement-breakpoint
CREATE INDEX "merges_merged_idx" ON "merges" USING gin ("merged_ids");
--> statement-breakpoint
CREATE INDEX "merge_tombstones_survivor_idx" ON "merge_tombstones" USING btree ("workspace_id","record_type","survivor_id");
