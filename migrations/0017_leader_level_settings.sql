CREATE TABLE "leader_level_settings" (
	"id" smallint PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"period_kind" text DEFAULT 'month' NOT NULL,
	"run_day" smallint DEFAULT 1 NOT NULL,
	"run_hour" smallint DEFAULT 2 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leader_level_settings_one_row" CHECK ("leader_level_settings"."id" = 1),
	CONSTRAINT "leader_level_settings_period_check" CHECK ("leader_level_settings"."period_kind" in ('month', 'week')),
	CONSTRAINT "leader_level_settings_day_check" CHECK ("leader_level_settings"."run_day" >= 1 and "leader_level_settings"."run_day" <= case when "leader_level_settings"."period_kind" = 'week' then 7 else 28 end),
	CONSTRAINT "leader_level_settings_hour_check" CHECK ("leader_level_settings"."run_hour" between 0 and 23)
);
