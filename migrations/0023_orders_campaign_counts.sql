CREATE TABLE "order_customer_campaign_counts" (
	"phone_hash" text NOT NULL,
	"campaign_id" text NOT NULL,
	"orders" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "order_customer_campaign_counts_phone_hash_campaign_id_pk" PRIMARY KEY("phone_hash","campaign_id"),
	CONSTRAINT "order_customer_campaign_counts_check" CHECK ("order_customer_campaign_counts"."orders" >= 0)
);
