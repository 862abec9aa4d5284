ALTER TABLE "users" ADD COLUMN "last_workspace_id" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "added_by" uuid;--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "notice_seen_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Hand-written backfill: memberships that existed before notices were seen long ago; users land where their newest session was.
UPDATE "memberships" SET "notice_seen_at" = "created_at";--> statement-breakpoint
UPDATE "users" u SET "last_workspace_id" = (
  SELECT s."workspace_id" FROM "sessions" s
  JOIN "memberships" m ON m."workspace_id" = s."workspace_id" AND m."user_id" = s."user_id"
  WHERE s."user_id" = u."id" ORDER BY s."created_at" DESC LIMIT 1
);
