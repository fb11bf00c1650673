CREATE TABLE "campaign_items" (
	"id" text PRIMARY KEY NOT NULL,
	"campaign_id" text NOT NULL,
	"sku_id" text NOT NULL,
	"price_fen" bigint NOT NULL,
	"stock_cap" integer NOT NULL,
	"per_customer_limit" integer NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"sold" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaign_items_price_check" CHECK ("campaign_items"."price_fen" >= 0),
	CONSTRAINT "campaign_items_cap_check" CHECK ("campaign_items"."stock_cap" >= 1),
	CONSTRAINT "campaign_items_limit_check" CHECK ("campaign_items"."per_customer_limit" >= 1),
	CONSTRAINT "campaign_items_sold_check" CHECK ("campaign_items"."sold" >= 0 and "campaign_items"."sold" <= "campaign_items"."stock_cap")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"cover_url" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"cutoff_at" timestamp with time zone NOT NULL,
	"delivery_date" date NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"sell_to" text DEFAULT 'all' NOT NULL,
	"region_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"close_reason" text,
	"closed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "campaigns_code_unique" UNIQUE("code"),
	CONSTRAINT "campaigns_state_check" CHECK ("campaigns"."state" in ('draft', 'scheduled', 'live', 'closed', 'fulfilled', 'cancelled')),
	CONSTRAINT "campaigns_sell_to_check" CHECK ("campaigns"."sell_to" in ('all', 'regions')),
	CONSTRAINT "campaigns_times_check" CHECK ("campaigns"."starts_at" < "campaigns"."cutoff_at" and "campaigns"."cutoff_at" <= "campaigns"."ends_at")
);
--> statement-breakpoint
ALTER TABLE "campaign_items" ADD CONSTRAINT "campaign_items_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_items_campaign_sku_idx" ON "campaign_items" USING btree ("campaign_id","sku_id");--> statement-breakpoint
CREATE INDEX "campaign_items_sku_idx" ON "campaign_items" USING btree ("sku_id");--> statement-breakpoint
CREATE INDEX "campaigns_state_idx" ON "campaigns" USING btree ("state");--> statement-breakpoint
CREATE INDEX "campaigns_starts_at_idx" ON "campaigns" USING btree ("starts_at");--> statement-breakpoint
CREATE INDEX "campaigns_clock_idx" ON "campaigns" USING btree ("state","cutoff_at") WHERE "campaigns"."state" in ('scheduled', 'live');