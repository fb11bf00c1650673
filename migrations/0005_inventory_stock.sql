CREATE TABLE "stock_levels" (
	"sku_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"on_hand" bigint DEFAULT 0 NOT NULL,
	"allocated" bigint DEFAULT 0 NOT NULL,
	"available" bigint DEFAULT 0 NOT NULL,
	"low_stock_threshold" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_levels_pk" PRIMARY KEY("sku_id","warehouse_id"),
	CONSTRAINT "stock_levels_counters_check" CHECK ("stock_levels"."available" >= 0 AND "stock_levels"."allocated" >= 0 AND "stock_levels"."on_hand" >= 0 AND "stock_levels"."available" = "stock_levels"."on_hand" - "stock_levels"."allocated"),
	CONSTRAINT "stock_levels_threshold_check" CHECK ("stock_levels"."low_stock_threshold" >= 0)
);
--> statement-breakpoint
CREATE TABLE "stock_movements" (
	"id" text PRIMARY KEY NOT NULL,
	"sku_id" text NOT NULL,
	"warehouse_id" text NOT NULL,
	"kind" text NOT NULL,
	"quantity" bigint NOT NULL,
	"reason" text,
	"actor_id" text,
	"actor_name" text,
	"reference_type" text,
	"reference_id" text,
	"on_hand_after" bigint NOT NULL,
	"allocated_after" bigint NOT NULL,
	"available_after" bigint NOT NULL,
	"request_id" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "stock_movements_kind_check" CHECK ("stock_movements"."kind" in ('receipt', 'adjustment', 'allocation', 'release', 'shipment')),
	CONSTRAINT "stock_movements_sign_check" CHECK (("stock_movements"."kind" in ('receipt', 'release') and "stock_movements"."quantity" > 0)
        or ("stock_movements"."kind" in ('allocation', 'shipment') and "stock_movements"."quantity" < 0)
        or ("stock_movements"."kind" = 'adjustment' and "stock_movements"."quantity" <> 0)),
	CONSTRAINT "stock_movements_reason_check" CHECK ("stock_movements"."kind" <> 'adjustment' or length(btrim(coalesce("stock_movements"."reason", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "stock_levels" ADD CONSTRAINT "stock_levels_warehouse_id_warehouses_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stock_movements" ADD CONSTRAINT "stock_movements_level_fk" FOREIGN KEY ("sku_id","warehouse_id") REFERENCES "public"."stock_levels"("sku_id","warehouse_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stock_levels_warehouse_idx" ON "stock_levels" USING btree ("warehouse_id");--> statement-breakpoint
CREATE INDEX "stock_movements_level_idx" ON "stock_movements" USING btree ("sku_id","warehouse_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_warehouse_idx" ON "stock_movements" USING btree ("warehouse_id","created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_created_idx" ON "stock_movements" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "stock_movements_reference_idx" ON "stock_movements" USING btree ("reference_type","reference_id");