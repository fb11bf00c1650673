CREATE TABLE "audit_chain_keying" (
	"keyed_from_seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "platform_field_key" (
	"id" integer PRIMARY KEY NOT NULL,
	"key_id" text NOT NULL,
	"check_value" text NOT NULL,
	"next_key_id" text,
	"next_check_value" text,
	"rotation_started_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "platform_field_key_singleton_check" CHECK ("platform_field_key"."id" = 1)
);
--> statement-breakpoint
-- Records from here on are chained with HMAC-SHA256 under the audit key (src/platform/audit); the
-- records already written keep verifying as plain SHA-256. On a new database this is seq 1.
INSERT INTO "audit_chain_keying" ("keyed_from_seq", "at") SELECT coalesce(max("seq"), 0) + 1, now() FROM "audit_log";
--> statement-breakpoint
-- The switch-over is written once, above, and never changes.
CREATE FUNCTION audit_chain_keying_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_chain_keying is written once (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_chain_keying_no_change BEFORE INSERT OR UPDATE OR DELETE ON audit_chain_keying
  FOR EACH ROW EXECUTE FUNCTION audit_chain_keying_forbid_change();
--> statement-breakpoint
CREATE TRIGGER audit_chain_keying_no_truncate BEFORE TRUNCATE ON audit_chain_keying
  FOR EACH STATEMENT EXECUTE FUNCTION audit_chain_keying_forbid_change();
