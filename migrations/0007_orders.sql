CREATE TABLE "order_customer_item_counts" (
	"phone_hash" text NOT NULL,
	"campaign_item_id" text NOT NULL,
	"bought" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "order_customer_item_counts_phone_hash_campaign_item_id_pk" PRIMARY KEY("phone_hash","campaign_item_id"),
	CONSTRAINT "order_customer_item_counts_check" CHECK ("order_customer_item_counts"."bought" >= 0)
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"order_id" text NOT NULL,
	"campaign_item_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"quantity" integer NOT NULL,
	"unit_price_fen" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	CONSTRAINT "order_lines_quantity_check" CHECK ("order_lines"."quantity" > 0 and "order_lines"."amount_fen" = "order_lines"."quantity" * "order_lines"."unit_price_fen")
);
--> statement-breakpoint
CREATE TABLE "order_requests" (
	"idempotency_key" text PRIMARY KEY NOT NULL,
	"request_hash" text NOT NULL,
	"status_code" integer NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"customer_id" text NOT NULL,
	"pickup_point_id" text NOT NULL,
	"status" text NOT NULL,
	"total_fen" bigint NOT NULL,
	"item_count" integer NOT NULL,
	"pickup_code" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"placed_at" timestamp with time zone NOT NULL,
	"payment_due_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "orders_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "orders_total_check" CHECK ("orders"."total_fen" >= 0 and "orders"."item_count" > 0)
);
--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_order_id_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_lines_order_idx" ON "order_lines" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "order_lines_item_idx" ON "order_lines" USING btree ("campaign_item_id");--> statement-breakpoint
CREATE INDEX "orders_campaign_idx" ON "orders" USING btree ("campaign_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_leader_idx" ON "orders" USING btree ("leader_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("customer_id","placed_at");--> statement-breakpoint
CREATE INDEX "orders_status_idx" ON "orders" USING btree ("status");