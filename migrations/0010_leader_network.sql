CREATE TABLE "leader_imports" (
	"id" text PRIMARY KEY NOT NULL,
	"mode" text NOT NULL,
	"status" text NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"processed_rows" integer DEFAULT 0 NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"updated" integer DEFAULT 0 NOT NULL,
	"error_count" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"message" text,
	"actor_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "leader_imports_status_check" CHECK ("leader_imports"."status" in ('running', 'validated', 'completed', 'rejected', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "leader_closure" (
	"ancestor_id" text NOT NULL,
	"descendant_id" text NOT NULL,
	"depth" smallint NOT NULL,
	CONSTRAINT "leader_closure_ancestor_id_descendant_id_pk" PRIMARY KEY("ancestor_id","descendant_id"),
	CONSTRAINT "leader_closure_depth_check" CHECK ("leader_closure"."depth" >= 0 and ("leader_closure"."depth" = 0) = ("leader_closure"."ancestor_id" = "leader_closure"."descendant_id"))
);
--> statement-breakpoint
CREATE TABLE "leader_daily_customers" (
	"leader_id" text NOT NULL,
	"day" date NOT NULL,
	"customer_id" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "leader_daily_customers_leader_id_day_customer_id_pk" PRIMARY KEY("leader_id","day","customer_id")
);
--> statement-breakpoint
CREATE TABLE "leader_daily_sales" (
	"leader_id" text NOT NULL,
	"day" date NOT NULL,
	"completed_gmv_fen" bigint DEFAULT 0 NOT NULL,
	"completed_orders" integer DEFAULT 0 NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"refunded_orders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "leader_daily_sales_leader_id_day_pk" PRIMARY KEY("leader_id","day"),
	CONSTRAINT "leader_daily_sales_nonneg_check" CHECK ("leader_daily_sales"."completed_gmv_fen" >= 0 and "leader_daily_sales"."completed_orders" >= 0 and "leader_daily_sales"."refunded_fen" >= 0 and "leader_daily_sales"."refunded_orders" >= 0)
);
--> statement-breakpoint
CREATE TABLE "leader_referrer_periods" (
	"id" text PRIMARY KEY NOT NULL,
	"leader_id" text NOT NULL,
	"referrer_id" text,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone,
	"cause" text NOT NULL,
	"reason" text,
	"actor_name" text,
	CONSTRAINT "leader_referrer_periods_range_check" CHECK ("leader_referrer_periods"."valid_to" is null or "leader_referrer_periods"."valid_to" >= "leader_referrer_periods"."valid_from"),
	CONSTRAINT "leader_referrer_periods_cause_check" CHECK ("leader_referrer_periods"."cause" in ('created', 'moved', 'imported')),
	CONSTRAINT "leader_referrer_periods_self_check" CHECK ("leader_referrer_periods"."referrer_id" is distinct from "leader_referrer_periods"."leader_id")
);
--> statement-breakpoint
CREATE TABLE "leader_sales_orders" (
	"order_id" text PRIMARY KEY NOT NULL,
	"leader_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"day" date NOT NULL,
	"gmv_fen" bigint NOT NULL,
	"refunded_fen" bigint DEFAULT 0 NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leader_sales_orders_amount_check" CHECK ("leader_sales_orders"."refunded_fen" >= 0 and "leader_sales_orders"."refunded_fen" <= "leader_sales_orders"."gmv_fen")
);
--> statement-breakpoint
CREATE TABLE "region_managers" (
	"region_id" text NOT NULL,
	"user_id" text NOT NULL,
	"leader_id" text,
	"weight" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "region_managers_region_id_user_id_pk" PRIMARY KEY("region_id","user_id"),
	CONSTRAINT "region_managers_weight_check" CHECK ("region_managers"."weight" > 0)
);
--> statement-breakpoint
ALTER TABLE "leaders" ADD COLUMN "referrer_id" text;--> statement-breakpoint
ALTER TABLE "leader_closure" ADD CONSTRAINT "leader_closure_ancestor_id_leaders_id_fk" FOREIGN KEY ("ancestor_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_closure" ADD CONSTRAINT "leader_closure_descendant_id_leaders_id_fk" FOREIGN KEY ("descendant_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_referrer_periods" ADD CONSTRAINT "leader_referrer_periods_leader_id_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_referrer_periods" ADD CONSTRAINT "leader_referrer_periods_referrer_id_leaders_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_managers" ADD CONSTRAINT "region_managers_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "region_managers" ADD CONSTRAINT "region_managers_leader_id_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leader_imports_created_idx" ON "leader_imports" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "leader_closure_descendant_idx" ON "leader_closure" USING btree ("descendant_id","depth","ancestor_id");--> statement-breakpoint
CREATE INDEX "leader_daily_sales_day_idx" ON "leader_daily_sales" USING btree ("day");--> statement-breakpoint
CREATE INDEX "leader_referrer_periods_leader_idx" ON "leader_referrer_periods" USING btree ("leader_id","valid_from");--> statement-breakpoint
CREATE INDEX "leader_referrer_periods_referrer_idx" ON "leader_referrer_periods" USING btree ("referrer_id","valid_from");--> statement-breakpoint
CREATE UNIQUE INDEX "leader_referrer_periods_open_idx" ON "leader_referrer_periods" USING btree ("leader_id") WHERE "leader_referrer_periods"."valid_to" is null;--> statement-breakpoint
CREATE INDEX "leader_sales_orders_leader_idx" ON "leader_sales_orders" USING btree ("leader_id","day");--> statement-breakpoint
CREATE INDEX "region_managers_user_idx" ON "region_managers" USING btree ("user_id");--> statement-breakpoint
ALTER TABLE "leaders" ADD CONSTRAINT "leaders_referrer_id_leaders_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leaders_referrer_idx" ON "leaders" USING btree ("referrer_id");