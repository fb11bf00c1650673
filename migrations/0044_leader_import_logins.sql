CREATE TABLE "leader_import_credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"import_id" text NOT NULL,
	"row" integer NOT NULL,
	"leader_id" text NOT NULL,
	"user_id" text NOT NULL,
	"username" text NOT NULL,
	"password_enc" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "must_change_password" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "leader_imports" ADD COLUMN "credentials_downloaded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ledger_withdrawal_settings" ADD COLUMN "withdraw_while_owed" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "leader_import_credentials" ADD CONSTRAINT "leader_import_credentials_import_id_leader_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."leader_imports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "leader_import_credentials_row_idx" ON "leader_import_credentials" USING btree ("import_id","row");