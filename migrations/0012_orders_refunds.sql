CREATE TABLE "order_refund_lines" (
	"refund_id" text NOT NULL,
	"order_line_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "order_refund_lines_refund_id_order_line_id_pk" PRIMARY KEY("refund_id","order_line_id"),
	CONSTRAINT "order_refund_lines_check" CHECK ("order_refund_lines"."quantity" > 0 and "order_refund_lines"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "order_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"kind" text NOT NULL,
	"provider" text NOT NULL,
	"reference" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"reason" text NOT NULL,
	"fully_refunded" boolean NOT NULL,
	"actor_id" text,
	"actor_name" text,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "order_refunds_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "order_refunds_amount_check" CHECK ("order_refunds"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "risk_blocklist" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"value" text NOT NULL,
	"display" text NOT NULL,
	"reason" text NOT NULL,
	"created_by_id" text,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"removed_at" timestamp with time zone,
	"removed_by" text,
	"removed_reason" text,
	CONSTRAINT "risk_blocklist_kind_check" CHECK ("risk_blocklist"."kind" in ('phone', 'address'))
);
--> statement-breakpoint
CREATE TABLE "risk_holds" (
	"order_id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"reasons" jsonb NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"decided_by_id" text,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "risk_holds_status_check" CHECK ("risk_holds"."status" in ('open', 'approved', 'rejected')),
	CONSTRAINT "risk_holds_decision_check" CHECK (("risk_holds"."status" = 'open') = ("risk_holds"."decided_at" is null))
);
--> statement-breakpoint
CREATE TABLE "risk_policy" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"max_quantity_per_order" integer,
	"max_orders_per_phone_per_campaign" integer,
	"version" bigint DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "risk_policy_singleton_check" CHECK ("risk_policy"."id" = 1),
	CONSTRAINT "risk_policy_max_quantity_check" CHECK ("risk_policy"."max_quantity_per_order" > 0),
	CONSTRAINT "risk_policy_max_orders_check" CHECK ("risk_policy"."max_orders_per_phone_per_campaign" > 0)
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "refunded_quantity" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_refund_lines" ADD CONSTRAINT "order_refund_lines_refund_id_order_refunds_id_fk" FOREIGN KEY ("refund_id") REFERENCES "public"."order_refunds"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refund_lines" ADD CONSTRAINT "order_refund_lines_order_line_id_order_lines_id_fk" FOREIGN KEY ("order_line_id") REFERENCES "public"."order_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_refunds" ADD CONSTRAINT "order_refunds_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_refund_lines_line_idx" ON "order_refund_lines" USING btree ("order_line_id");--> statement-breakpoint
CREATE INDEX "order_refunds_order_idx" ON "order_refunds" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "risk_blocklist_live_value_idx" ON "risk_blocklist" USING btree ("kind","value") WHERE "risk_blocklist"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "risk_blocklist_created_idx" ON "risk_blocklist" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "risk_holds_status_idx" ON "risk_holds" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "risk_holds_campaign_idx" ON "risk_holds" USING btree ("campaign_id","created_at");--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_refunded_check" CHECK ("order_lines"."refunded_quantity" >= 0 and "order_lines"."refunded_quantity" <= "order_lines"."quantity");