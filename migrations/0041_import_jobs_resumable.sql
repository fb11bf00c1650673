ALTER TABLE "catalog_imports" ADD COLUMN "file" "bytea";--> statement-breakpoint
ALTER TABLE "catalog_imports" ADD COLUMN "actor" jsonb;--> statement-breakpoint
ALTER TABLE "catalog_imports" ADD COLUMN "done_rows" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "catalog_imports" ADD COLUMN "runner" text;--> statement-breakpoint
ALTER TABLE "leader_imports" ADD COLUMN "file" "bytea";--> statement-breakpoint
ALTER TABLE "leader_imports" ADD COLUMN "actor" jsonb;--> statement-breakpoint
ALTER TABLE "leader_imports" ADD COLUMN "done_rows" integer[] DEFAULT '{}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "leader_imports" ADD COLUMN "runner" text;