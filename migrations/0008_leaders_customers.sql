CREATE TABLE "customers" (
	"id" text PRIMARY KEY NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"name" text,
	"default_pickup_point_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "leaders" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"region_id" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"user_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leaders_status_check" CHECK ("leaders"."status" in ('active', 'suspended')),
	CONSTRAINT "leaders_code_check" CHECK ("leaders"."code" ~ '^[A-HJ-NP-Z2-9]{6}$')
);
--> statement-breakpoint
CREATE TABLE "pickup_points" (
	"id" text PRIMARY KEY NOT NULL,
	"leader_id" text NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"region_id" text NOT NULL,
	"latitude" numeric(9, 6),
	"longitude" numeric(9, 6),
	"opening_hours" text DEFAULT '' NOT NULL,
	"capacity" integer,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "pickup_points_status_check" CHECK ("pickup_points"."status" in ('active', 'closed')),
	CONSTRAINT "pickup_points_latitude_check" CHECK ("pickup_points"."latitude" between -90 and 90),
	CONSTRAINT "pickup_points_longitude_check" CHECK ("pickup_points"."longitude" between -180 and 180),
	CONSTRAINT "pickup_points_capacity_check" CHECK ("pickup_points"."capacity" >= 0)
);
--> statement-breakpoint
ALTER TABLE "leaders" ADD CONSTRAINT "leaders_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_points" ADD CONSTRAINT "pickup_points_leader_id_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pickup_points" ADD CONSTRAINT "pickup_points_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "customers_phone_hash_idx" ON "customers" USING btree ("phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "leaders_code_idx" ON "leaders" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "leaders_phone_hash_idx" ON "leaders" USING btree ("phone_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "leaders_user_idx" ON "leaders" USING btree ("user_id") WHERE "leaders"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "leaders_region_idx" ON "leaders" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "pickup_points_leader_idx" ON "pickup_points" USING btree ("leader_id");--> statement-breakpoint
CREATE INDEX "pickup_points_region_idx" ON "pickup_points" USING btree ("region_id");