CREATE TABLE "leader_onboarding_settings" (
	"id" integer PRIMARY KEY NOT NULL,
	"region_first_review" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "leader_onboarding_settings_one_row" CHECK ("leader_onboarding_settings"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "agreement_templates" ADD COLUMN "effective_at" timestamp with time zone;--> statement-breakpoint
-- Versions published before effective dates existed took effect when they were published. The
-- append-only trigger is lifted for this one backfill only.
ALTER TABLE "agreement_templates" DISABLE TRIGGER "agreement_templates_no_update";--> statement-breakpoint
UPDATE "agreement_templates" SET "effective_at" = "published_at";--> statement-breakpoint
ALTER TABLE "agreement_templates" ENABLE TRIGGER "agreement_templates_no_update";--> statement-breakpoint
ALTER TABLE "agreement_templates" ALTER COLUMN "effective_at" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "agreement_templates" ADD COLUMN "grace_days" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "leader_applications" ADD COLUMN "first_review_verdict" text;--> statement-breakpoint
ALTER TABLE "leader_applications" ADD COLUMN "first_review_note" text;--> statement-breakpoint
ALTER TABLE "leader_applications" ADD COLUMN "first_reviewed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "leader_applications" ADD COLUMN "first_reviewed_by" text;--> statement-breakpoint
ALTER TABLE "leader_applications" ADD COLUMN "first_reviewed_by_name" text;--> statement-breakpoint
ALTER TABLE "agreement_templates" ADD CONSTRAINT "agreement_templates_grace_check" CHECK ("agreement_templates"."grace_days" between 0 and 365);--> statement-breakpoint
ALTER TABLE "leader_applications" ADD CONSTRAINT "leader_applications_first_review_check" CHECK (("leader_applications"."first_review_verdict" is null) = ("leader_applications"."first_reviewed_at" is null)
        and ("leader_applications"."first_review_verdict" is null or "leader_applications"."first_review_verdict" in ('approve', 'reject')));