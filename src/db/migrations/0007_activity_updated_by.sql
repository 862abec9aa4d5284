ALTER TABLE "activities" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action NOT VALID;--> statement-breakpoint
ALTER TABLE "activities" VALIDATE CONSTRAINT "activities_updated_by_users_id_fk";
