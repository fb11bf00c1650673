CREATE TABLE "commission_plan_activations" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"plan_id" text NOT NULL,
	"version" integer NOT NULL,
	"previous_plan_id" text,
	"activated_at" timestamp with time zone NOT NULL,
	"activated_by" text,
	"activated_by_name" text
);
--> statement-breakpoint
CREATE TABLE "commission_plans" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"document" jsonb NOT NULL,
	"copied_from_id" text,
	"created_by" text,
	"created_by_name" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"activated_by" text,
	"archived_at" timestamp with time zone,
	CONSTRAINT "commission_plans_status_check" CHECK ("commission_plans"."status" in ('draft', 'active', 'archived')),
	CONSTRAINT "commission_plans_version_check" CHECK ("commission_plans"."version" >= 1),
	CONSTRAINT "commission_plans_activated_check" CHECK ("commission_plans"."status" = 'draft' or "commission_plans"."activated_at" is not null or "commission_plans"."archived_at" is not null)
);
--> statement-breakpoint
ALTER TABLE "commission_plan_activations" ADD CONSTRAINT "commission_plan_activations_plan_id_commission_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."commission_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commission_plan_activations" ADD CONSTRAINT "commission_plan_activations_previous_plan_id_commission_plans_id_fk" FOREIGN KEY ("previous_plan_id") REFERENCES "public"."commission_plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "commission_plan_activations_seq_idx" ON "commission_plan_activations" USING btree ("seq");--> statement-breakpoint
CREATE INDEX "commission_plan_activations_at_idx" ON "commission_plan_activations" USING btree ("activated_at","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_plans_version_idx" ON "commission_plans" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_plans_one_active_idx" ON "commission_plans" USING btree ("status") WHERE "commission_plans"."status" = 'active';--> statement-breakpoint
CREATE INDEX "commission_plans_status_idx" ON "commission_plans" USING btree ("status");