CREATE TABLE "attempt_throttles" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "attempt_throttles_scope_key_pk" PRIMARY KEY("scope","key"),
	CONSTRAINT "attempt_throttles_failures_check" CHECK ("attempt_throttles"."failures" >= 0)
);
--> statement-breakpoint
CREATE INDEX "attempt_throttles_last_failure_idx" ON "attempt_throttles" USING btree ("last_failure_at");--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_logins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";