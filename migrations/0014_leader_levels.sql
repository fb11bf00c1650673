CREATE TABLE "leader_level_history" (
	"id" text PRIMARY KEY NOT NULL,
	"leader_id" text NOT NULL,
	"from_level_id" text,
	"to_level_id" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"cause" text NOT NULL,
	"metrics" jsonb,
	"reason" text,
	"actor_id" text,
	"actor_name" text,
	"period_start" date,
	"period_end" date,
	"run_id" text,
	"held_until" timestamp with time zone,
	CONSTRAINT "leader_level_history_cause_check" CHECK ("leader_level_history"."cause" in ('initial', 'assessment', 'override'))
);
--> statement-breakpoint
CREATE TABLE "leader_levels" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name_zh" text NOT NULL,
	"name_en" text NOT NULL,
	"rank" integer NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"upgrade_rule" jsonb,
	"downgrade_rule" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leader_levels_status_check" CHECK ("leader_levels"."status" in ('active', 'archived')),
	CONSTRAINT "leader_levels_rank_check" CHECK ("leader_levels"."rank" between 0 and 1000)
);
--> statement-breakpoint
CREATE TABLE "level_assessment_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"trigger" text NOT NULL,
	"status" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"assessed" integer DEFAULT 0 NOT NULL,
	"upgraded" integer DEFAULT 0 NOT NULL,
	"downgraded" integer DEFAULT 0 NOT NULL,
	"unchanged" integer DEFAULT 0 NOT NULL,
	"held" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer,
	"error" text,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "level_assessment_runs_trigger_check" CHECK ("level_assessment_runs"."trigger" in ('schedule', 'manual')),
	CONSTRAINT "level_assessment_runs_status_check" CHECK ("level_assessment_runs"."status" in ('running', 'completed', 'failed')),
	CONSTRAINT "level_assessment_runs_period_check" CHECK ("level_assessment_runs"."period_start" <= "level_assessment_runs"."period_end")
);
--> statement-breakpoint
ALTER TABLE "leaders" ADD COLUMN "level_id" text;--> statement-breakpoint
ALTER TABLE "leaders" ADD COLUMN "level_held_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leader_level_history" ADD CONSTRAINT "leader_level_history_leader_id_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_level_history" ADD CONSTRAINT "leader_level_history_from_level_id_leader_levels_id_fk" FOREIGN KEY ("from_level_id") REFERENCES "public"."leader_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_level_history" ADD CONSTRAINT "leader_level_history_to_level_id_leader_levels_id_fk" FOREIGN KEY ("to_level_id") REFERENCES "public"."leader_levels"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leader_level_history_leader_idx" ON "leader_level_history" USING btree ("leader_id","at");--> statement-breakpoint
CREATE INDEX "leader_level_history_period_idx" ON "leader_level_history" USING btree ("period_end","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "leader_levels_code_idx" ON "leader_levels" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "leader_levels_rank_idx" ON "leader_levels" USING btree ("rank") WHERE "leader_levels"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "level_assessment_runs_one_running_idx" ON "level_assessment_runs" USING btree ("status") WHERE "level_assessment_runs"."status" = 'running';--> statement-breakpoint
CREATE INDEX "level_assessment_runs_started_idx" ON "level_assessment_runs" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "leaders_level_idx" ON "leaders" USING btree ("level_id");