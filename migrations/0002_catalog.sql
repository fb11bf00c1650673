CREATE TABLE "catalog_categories" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_categories_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "catalog_products" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"category_id" text,
	"unit" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"images" text[] DEFAULT '{}'::text[] NOT NULL,
	"supplier" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_products_code_unique" UNIQUE("code"),
	CONSTRAINT "catalog_products_status_check" CHECK ("catalog_products"."status" in ('draft', 'on_sale', 'off_sale'))
);
--> statement-breakpoint
CREATE TABLE "catalog_skus" (
	"id" text PRIMARY KEY NOT NULL,
	"product_id" text NOT NULL,
	"code" text NOT NULL,
	"spec" text NOT NULL,
	"barcode" text,
	"list_price_fen" bigint NOT NULL,
	"cost_price_fen" bigint NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "catalog_skus_code_unique" UNIQUE("code"),
	CONSTRAINT "catalog_skus_prices_check" CHECK ("catalog_skus"."list_price_fen" >= 0 and "catalog_skus"."cost_price_fen" >= 0),
	CONSTRAINT "catalog_skus_status_check" CHECK ("catalog_skus"."status" in ('active', 'inactive'))
);
--> statement-breakpoint
ALTER TABLE "catalog_products" ADD CONSTRAINT "catalog_products_category_id_catalog_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."catalog_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_skus" ADD CONSTRAINT "catalog_skus_product_id_catalog_products_id_fk" FOREIGN KEY ("product_id") REFERENCES "public"."catalog_products"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "catalog_products_category_idx" ON "catalog_products" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "catalog_products_status_idx" ON "catalog_products" USING btree ("status");--> statement-breakpoint
CREATE INDEX "catalog_skus_product_idx" ON "catalog_skus" USING btree ("product_id");--> statement-breakpoint
CREATE INDEX "catalog_skus_barcode_idx" ON "catalog_skus" USING btree ("barcode");