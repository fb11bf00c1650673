CREATE TABLE "commission_accrual_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"after_sales_days" integer DEFAULT 7 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "commission_accrual_settings_id_check" CHECK ("commission_accrual_settings"."id" = 'default'),
	CONSTRAINT "commission_accrual_settings_days_check" CHECK ("commission_accrual_settings"."after_sales_days" between 0 and 90)
);
--> statement-breakpoint
CREATE TABLE "commission_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"beneficiary_id" text NOT NULL,
	"rule" text NOT NULL,
	"cause_type" text NOT NULL,
	"order_id" text,
	"order_line_id" text,
	"campaign_id" text,
	"sku_id" text,
	"period_key" text,
	"plan_id" text NOT NULL,
	"plan_version" integer NOT NULL,
	"chain_position" integer,
	"base_fen" bigint NOT NULL,
	"rate_bps" integer,
	"per_unit_fen" bigint,
	"amount_fen" bigint NOT NULL,
	"voided_fen" bigint DEFAULT 0 NOT NULL,
	"clawed_back_fen" bigint DEFAULT 0 NOT NULL,
	"line_quantity" integer,
	"line_fen" bigint,
	"refunded_quantity" integer DEFAULT 0 NOT NULL,
	"refunded_line_fen" bigint DEFAULT 0 NOT NULL,
	"status" text NOT NULL,
	"explanation" jsonb NOT NULL,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"final_at" timestamp with time zone,
	"settled_at" timestamp with time zone,
	"settlement_id" text,
	CONSTRAINT "commission_entries_rule_check" CHECK ("commission_entries"."rule" in ('direct', 'differential', 'peer', 'generation', 'recruit_rate', 'tiered', 'regional_dividend', 'hot_product', 'recruit_bonus')),
	CONSTRAINT "commission_entries_status_check" CHECK ("commission_entries"."status" in ('estimated', 'final', 'settled', 'voided')),
	CONSTRAINT "commission_entries_cause_check" CHECK (("commission_entries"."cause_type" = 'order_line' and "commission_entries"."order_id" is not null and "commission_entries"."order_line_id" is not null
           and "commission_entries"."line_quantity" > 0 and "commission_entries"."line_fen" >= 0)
        or ("commission_entries"."cause_type" = 'period' and "commission_entries"."period_key" is not null)),
	CONSTRAINT "commission_entries_amounts_check" CHECK ("commission_entries"."amount_fen" >= 0 and "commission_entries"."base_fen" >= 0 and "commission_entries"."voided_fen" >= 0 and "commission_entries"."clawed_back_fen" >= 0
        and "commission_entries"."voided_fen" + "commission_entries"."clawed_back_fen" <= "commission_entries"."amount_fen"),
	CONSTRAINT "commission_entries_refunded_check" CHECK ("commission_entries"."refunded_quantity" >= 0 and "commission_entries"."refunded_line_fen" >= 0
        and ("commission_entries"."line_quantity" is null or "commission_entries"."refunded_quantity" <= "commission_entries"."line_quantity")
        and ("commission_entries"."line_fen" is null or "commission_entries"."refunded_line_fen" <= "commission_entries"."line_fen")),
	CONSTRAINT "commission_entries_settled_check" CHECK (("commission_entries"."status" = 'settled') = ("commission_entries"."settlement_id" is not null)),
	CONSTRAINT "commission_entries_final_at_check" CHECK ("commission_entries"."status" not in ('final', 'settled') or "commission_entries"."final_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "commission_entry_adjustments" (
	"entry_id" text NOT NULL,
	"refund_id" text NOT NULL,
	"order_id" text NOT NULL,
	"beneficiary_id" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" integer NOT NULL,
	"line_fen" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"from_available_fen" bigint DEFAULT 0 NOT NULL,
	"to_owed_fen" bigint DEFAULT 0 NOT NULL,
	"refunded_at" timestamp with time zone NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "commission_entry_adjustments_entry_id_refund_id_pk" PRIMARY KEY("entry_id","refund_id"),
	CONSTRAINT "commission_entry_adjustments_kind_check" CHECK ("commission_entry_adjustments"."kind" in ('void', 'clawback')),
	CONSTRAINT "commission_entry_adjustments_amounts_check" CHECK ("commission_entry_adjustments"."quantity" >= 0 and "commission_entry_adjustments"."line_fen" >= 0 and "commission_entry_adjustments"."amount_fen" >= 0 and "commission_entry_adjustments"."from_available_fen" >= 0
        and "commission_entry_adjustments"."to_owed_fen" >= 0
        and ("commission_entry_adjustments"."kind" = 'void' and "commission_entry_adjustments"."from_available_fen" = 0 and "commission_entry_adjustments"."to_owed_fen" = 0
             or "commission_entry_adjustments"."kind" = 'clawback' and "commission_entry_adjustments"."from_available_fen" + "commission_entry_adjustments"."to_owed_fen" = "commission_entry_adjustments"."amount_fen"))
);
--> statement-breakpoint
CREATE TABLE "commission_orders" (
	"order_id" text PRIMARY KEY NOT NULL,
	"leader_id" text,
	"paid_at" timestamp with time zone,
	"plan_id" text,
	"plan_version" integer,
	"accrued_at" timestamp with time zone,
	"picked_up_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"final_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "commission_settlement_leaders" (
	"settlement_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"entry_count" integer NOT NULL,
	"settled_fen" bigint NOT NULL,
	"netted_fen" bigint NOT NULL,
	CONSTRAINT "commission_settlement_leaders_settlement_id_leader_id_pk" PRIMARY KEY("settlement_id","leader_id"),
	CONSTRAINT "commission_settlement_leaders_check" CHECK ("commission_settlement_leaders"."entry_count" >= 0 and "commission_settlement_leaders"."settled_fen" >= 0 and "commission_settlement_leaders"."netted_fen" >= 0 and "commission_settlement_leaders"."netted_fen" <= "commission_settlement_leaders"."settled_fen")
);
--> statement-breakpoint
CREATE TABLE "commission_settlements" (
	"id" text PRIMARY KEY NOT NULL,
	"day" date NOT NULL,
	"entry_count" integer NOT NULL,
	"leader_count" integer NOT NULL,
	"settled_fen" bigint NOT NULL,
	"netted_fen" bigint NOT NULL,
	"transfer_count" integer NOT NULL,
	"trigger" text NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	CONSTRAINT "commission_settlements_totals_check" CHECK ("commission_settlements"."entry_count" >= 0 and "commission_settlements"."leader_count" >= 0 and "commission_settlements"."settled_fen" >= 0 and "commission_settlements"."netted_fen" >= 0
        and "commission_settlements"."netted_fen" <= "commission_settlements"."settled_fen" and "commission_settlements"."transfer_count" >= 0),
	CONSTRAINT "commission_settlements_trigger_check" CHECK ("commission_settlements"."trigger" in ('schedule', 'manual', 'bench'))
);
--> statement-breakpoint
CREATE TABLE "commission_period_runs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"period" text NOT NULL,
	"trigger" text NOT NULL,
	"plan_id" text,
	"plan_version" integer,
	"entries_computed" integer NOT NULL,
	"entries_new" integer NOT NULL,
	"computed_fen" bigint NOT NULL,
	"new_fen" bigint NOT NULL,
	"transfers_posted" integer NOT NULL,
	"report" jsonb NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"at" timestamp with time zone NOT NULL,
	"duration_ms" integer NOT NULL,
	CONSTRAINT "commission_period_runs_kind_check" CHECK ("commission_period_runs"."kind" in ('month_close', 'hot_product', 'recruit_check')),
	CONSTRAINT "commission_period_runs_trigger_check" CHECK ("commission_period_runs"."trigger" in ('schedule', 'manual', 'demo')),
	CONSTRAINT "commission_period_runs_counts_check" CHECK ("commission_period_runs"."entries_computed" >= 0 and "commission_period_runs"."entries_new" >= 0 and "commission_period_runs"."entries_new" <= "commission_period_runs"."entries_computed"
        and "commission_period_runs"."computed_fen" >= 0 and "commission_period_runs"."new_fen" >= 0 and "commission_period_runs"."new_fen" <= "commission_period_runs"."computed_fen"
        and "commission_period_runs"."transfers_posted" >= 0 and "commission_period_runs"."duration_ms" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX "commission_entries_key_idx" ON "commission_entries" USING btree ("key");--> statement-breakpoint
CREATE INDEX "commission_entries_order_idx" ON "commission_entries" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "commission_entries_beneficiary_idx" ON "commission_entries" USING btree ("beneficiary_id","paid_at");--> statement-breakpoint
CREATE INDEX "commission_entries_settlement_idx" ON "commission_entries" USING btree ("settlement_id");--> statement-breakpoint
CREATE INDEX "commission_entries_final_idx" ON "commission_entries" USING btree ("final_at") WHERE "commission_entries"."status" = 'final';--> statement-breakpoint
CREATE INDEX "commission_entry_adjustments_order_idx" ON "commission_entry_adjustments" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "commission_orders_freeze_idx" ON "commission_orders" USING btree ("completed_at") WHERE "commission_orders"."final_at" is null and "commission_orders"."completed_at" is not null;--> statement-breakpoint
CREATE INDEX "commission_settlement_leaders_leader_idx" ON "commission_settlement_leaders" USING btree ("leader_id");--> statement-breakpoint
CREATE UNIQUE INDEX "commission_settlements_day_idx" ON "commission_settlements" USING btree ("day");--> statement-breakpoint
CREATE INDEX "commission_period_runs_kind_idx" ON "commission_period_runs" USING btree ("kind","period","at");--> statement-breakpoint
CREATE INDEX "commission_period_runs_at_idx" ON "commission_period_runs" USING btree ("at");