CREATE TABLE "agreement_signatures" (
	"id" text PRIMARY KEY NOT NULL,
	"template_id" text NOT NULL,
	"version" integer NOT NULL,
	"leader_id" text NOT NULL,
	"user_id" text NOT NULL,
	"typed_name" text NOT NULL,
	"consent" boolean NOT NULL,
	"text_sha256" text NOT NULL,
	"signature_png" "bytea" NOT NULL,
	"signature_sha256" text NOT NULL,
	"signed_at" timestamp with time zone NOT NULL,
	"ip" text,
	"user_agent" text,
	CONSTRAINT "agreement_signatures_consent_check" CHECK ("agreement_signatures"."consent")
);
--> statement-breakpoint
CREATE TABLE "agreement_templates" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"body_sha256" text NOT NULL,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" text,
	"published_by_name" text,
	CONSTRAINT "agreement_templates_version_check" CHECK ("agreement_templates"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "leader_applications" (
	"id" text PRIMARY KEY NOT NULL,
	"application_no" text NOT NULL,
	"name" text NOT NULL,
	"phone_enc" text NOT NULL,
	"phone_hash" text NOT NULL,
	"id_number_enc" text NOT NULL,
	"id_number_hash" text NOT NULL,
	"region_id" text NOT NULL,
	"pickup_point_name" text NOT NULL,
	"pickup_point_address" text NOT NULL,
	"latitude" numeric(9, 6) NOT NULL,
	"longitude" numeric(9, 6) NOT NULL,
	"opening_hours" text NOT NULL,
	"referrer_code" text,
	"referrer_id" text,
	"status" text DEFAULT 'pending' NOT NULL,
	"status_token_hash" text NOT NULL,
	"reject_reason" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"decided_by_name" text,
	"leader_id" text,
	"pickup_point_id" text,
	"user_id" text,
	"initial_password_fingerprint" text,
	"submitted_ip" text,
	"submitted_user_agent" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "leader_applications_status_check" CHECK ("leader_applications"."status" in ('pending', 'approved', 'rejected')),
	CONSTRAINT "leader_applications_latitude_check" CHECK ("leader_applications"."latitude" between -90 and 90),
	CONSTRAINT "leader_applications_longitude_check" CHECK ("leader_applications"."longitude" between -180 and 180),
	CONSTRAINT "leader_applications_decision_check" CHECK (("leader_applications"."status" = 'pending') = ("leader_applications"."decided_at" is null)
        and ("leader_applications"."status" <> 'rejected' or "leader_applications"."reject_reason" is not null)
        and ("leader_applications"."status" <> 'approved' or ("leader_applications"."leader_id" is not null and "leader_applications"."user_id" is not null)))
);
--> statement-breakpoint
CREATE TABLE "training_completions" (
	"material_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"completed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_completions_material_id_leader_id_pk" PRIMARY KEY("material_id","leader_id")
);
--> statement-breakpoint
CREATE TABLE "training_materials" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"body_html" text,
	"url" text,
	"required" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "training_materials_kind_check" CHECK ("training_materials"."kind" in ('article', 'video', 'document')),
	CONSTRAINT "training_materials_status_check" CHECK ("training_materials"."status" in ('active', 'archived')),
	CONSTRAINT "training_materials_content_check" CHECK (("training_materials"."kind" = 'article' and "training_materials"."body_html" is not null) or ("training_materials"."kind" <> 'article' and "training_materials"."url" is not null))
);
--> statement-breakpoint
CREATE TABLE "ledger_accounts" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"code" text NOT NULL,
	"owner" text NOT NULL,
	"leader_id" text,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_accounts_owner_check" CHECK (("ledger_accounts"."owner" = 'leader' and "ledger_accounts"."leader_id" is not null and "ledger_accounts"."kind" in ('pending', 'available', 'withdrawing', 'paid_out', 'owed'))
        or ("ledger_accounts"."owner" = 'company' and "ledger_accounts"."leader_id" is null and "ledger_accounts"."kind" in ('commission_expense', 'payouts_payable', 'tax_withheld', 'fees', 'bank')))
);
--> statement-breakpoint
CREATE TABLE "ledger_balances" (
	"account_id" bigint PRIMARY KEY NOT NULL,
	"owner" text NOT NULL,
	"kind" text NOT NULL,
	"balance_fen" bigint DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_balances_leader_sign_check" CHECK ("ledger_balances"."owner" <> 'leader'
        or ("ledger_balances"."kind" = 'owed' and "ledger_balances"."balance_fen" >= 0)
        or ("ledger_balances"."kind" <> 'owed' and "ledger_balances"."balance_fen" <= 0))
);
--> statement-breakpoint
CREATE TABLE "ledger_postings" (
	"id" bigint PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY (sequence name "ledger_postings_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"transfer_count" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ledger_transfers" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "ledger_transfers_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"key" text NOT NULL,
	"posting_id" bigint NOT NULL,
	"debit_account_id" bigint NOT NULL,
	"credit_account_id" bigint NOT NULL,
	"amount_fen" bigint NOT NULL,
	"cause_type" text NOT NULL,
	"cause_id" text NOT NULL,
	"memo" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_transfers_amount_check" CHECK ("ledger_transfers"."amount_fen" > 0),
	CONSTRAINT "ledger_transfers_accounts_check" CHECK ("ledger_transfers"."debit_account_id" <> "ledger_transfers"."credit_account_id"),
	CONSTRAINT "ledger_transfers_key_check" CHECK (length("ledger_transfers"."key") between 1 and 200),
	CONSTRAINT "ledger_transfers_cause_check" CHECK (length("ledger_transfers"."cause_type") between 1 and 64)
);
--> statement-breakpoint
CREATE TABLE "ledger_payout_accounts" (
	"leader_id" text PRIMARY KEY NOT NULL,
	"method" text NOT NULL,
	"payee_name" text NOT NULL,
	"account_enc" text NOT NULL,
	"account_last4" text NOT NULL,
	"bank_name" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "ledger_payout_accounts_method_check" CHECK ("ledger_payout_accounts"."method" in ('bank', 'wechat')),
	CONSTRAINT "ledger_payout_accounts_bank_check" CHECK ("ledger_payout_accounts"."method" <> 'bank' or length(btrim(coalesce("ledger_payout_accounts"."bank_name", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_payout_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"method" text NOT NULL,
	"status" text NOT NULL,
	"line_count" integer NOT NULL,
	"total_fen" bigint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"closed_at" timestamp with time zone,
	CONSTRAINT "ledger_payout_batches_status_check" CHECK ("ledger_payout_batches"."status" in ('open', 'closed')),
	CONSTRAINT "ledger_payout_batches_totals_check" CHECK ("ledger_payout_batches"."line_count" >= 1 and "ledger_payout_batches"."total_fen" > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_payout_lines" (
	"id" text PRIMARY KEY NOT NULL,
	"batch_id" text NOT NULL,
	"withdrawal_id" text NOT NULL,
	"leader_id" text NOT NULL,
	"seq" integer NOT NULL,
	"amount_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"reference" text,
	"fail_reason" text,
	"marked_at" timestamp with time zone,
	"marked_by" text,
	CONSTRAINT "ledger_payout_lines_amount_check" CHECK ("ledger_payout_lines"."amount_fen" > 0),
	CONSTRAINT "ledger_payout_lines_status_check" CHECK ("ledger_payout_lines"."status" in ('pending', 'paid', 'failed')),
	CONSTRAINT "ledger_payout_lines_reason_check" CHECK ("ledger_payout_lines"."status" <> 'failed' or length(btrim(coalesce("ledger_payout_lines"."fail_reason", ''))) > 0)
);
--> statement-breakpoint
CREATE TABLE "ledger_withdrawal_settings" (
	"id" text PRIMARY KEY NOT NULL,
	"min_amount_fen" bigint NOT NULL,
	"fee_fixed_fen" bigint NOT NULL,
	"fee_bps" integer NOT NULL,
	"daily_count_limit" integer NOT NULL,
	"tax_bps" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text,
	CONSTRAINT "ledger_withdrawal_settings_id_check" CHECK ("ledger_withdrawal_settings"."id" = 'default'),
	CONSTRAINT "ledger_withdrawal_settings_values_check" CHECK ("ledger_withdrawal_settings"."min_amount_fen" >= 1 and "ledger_withdrawal_settings"."fee_fixed_fen" >= 0 and "ledger_withdrawal_settings"."fee_bps" between 0 and 10000
        and "ledger_withdrawal_settings"."tax_bps" between 0 and 10000 and "ledger_withdrawal_settings"."daily_count_limit" >= 1)
);
--> statement-breakpoint
CREATE TABLE "ledger_withdrawals" (
	"id" text PRIMARY KEY NOT NULL,
	"leader_id" text NOT NULL,
	"amount_fen" bigint NOT NULL,
	"fee_fen" bigint NOT NULL,
	"tax_fen" bigint NOT NULL,
	"net_fen" bigint NOT NULL,
	"status" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"method" text NOT NULL,
	"payee_name" text NOT NULL,
	"account_enc" text NOT NULL,
	"account_last4" text NOT NULL,
	"bank_name" text,
	"local_day" date NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"requested_by" text,
	"decided_at" timestamp with time zone,
	"decided_by" text,
	"reject_reason" text,
	"batch_id" text,
	"completed_at" timestamp with time zone,
	"fail_reason" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_withdrawals_amounts_check" CHECK ("ledger_withdrawals"."net_fen" > 0 and "ledger_withdrawals"."fee_fen" >= 0 and "ledger_withdrawals"."tax_fen" >= 0
        and "ledger_withdrawals"."amount_fen" = "ledger_withdrawals"."net_fen" + "ledger_withdrawals"."fee_fen" + "ledger_withdrawals"."tax_fen"),
	CONSTRAINT "ledger_withdrawals_status_check" CHECK ("ledger_withdrawals"."status" in ('requested', 'approved', 'batched', 'paid', 'failed', 'rejected')),
	CONSTRAINT "ledger_withdrawals_reason_check" CHECK ("ledger_withdrawals"."status" <> 'rejected' or length(btrim(coalesce("ledger_withdrawals"."reject_reason", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_template_id_agreement_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."agreement_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signatures" ADD CONSTRAINT "agreement_signatures_leader_id_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_applications" ADD CONSTRAINT "leader_applications_region_id_regions_id_fk" FOREIGN KEY ("region_id") REFERENCES "public"."regions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_applications" ADD CONSTRAINT "leader_applications_referrer_id_leaders_id_fk" FOREIGN KEY ("referrer_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_applications" ADD CONSTRAINT "leader_applications_leader_id_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leader_applications" ADD CONSTRAINT "leader_applications_pickup_point_id_pickup_points_id_fk" FOREIGN KEY ("pickup_point_id") REFERENCES "public"."pickup_points"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_material_id_training_materials_id_fk" FOREIGN KEY ("material_id") REFERENCES "public"."training_materials"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_completions" ADD CONSTRAINT "training_completions_leader_id_leaders_id_fk" FOREIGN KEY ("leader_id") REFERENCES "public"."leaders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_balances" ADD CONSTRAINT "ledger_balances_account_id_ledger_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."ledger_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_payout_lines" ADD CONSTRAINT "ledger_payout_lines_batch_id_ledger_payout_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."ledger_payout_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_payout_lines" ADD CONSTRAINT "ledger_payout_lines_withdrawal_id_ledger_withdrawals_id_fk" FOREIGN KEY ("withdrawal_id") REFERENCES "public"."ledger_withdrawals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_signatures_leader_template_idx" ON "agreement_signatures" USING btree ("leader_id","template_id");--> statement-breakpoint
CREATE INDEX "agreement_signatures_template_idx" ON "agreement_signatures" USING btree ("template_id","signed_at");--> statement-breakpoint
CREATE UNIQUE INDEX "agreement_templates_version_idx" ON "agreement_templates" USING btree ("version");--> statement-breakpoint
CREATE UNIQUE INDEX "leader_applications_no_idx" ON "leader_applications" USING btree ("application_no");--> statement-breakpoint
CREATE UNIQUE INDEX "leader_applications_token_idx" ON "leader_applications" USING btree ("status_token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "leader_applications_open_phone_idx" ON "leader_applications" USING btree ("phone_hash") WHERE "leader_applications"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "leader_applications_open_id_number_idx" ON "leader_applications" USING btree ("id_number_hash") WHERE "leader_applications"."status" in ('pending', 'approved');--> statement-breakpoint
CREATE UNIQUE INDEX "leader_applications_user_idx" ON "leader_applications" USING btree ("user_id") WHERE "leader_applications"."user_id" is not null;--> statement-breakpoint
CREATE INDEX "leader_applications_status_idx" ON "leader_applications" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "leader_applications_region_idx" ON "leader_applications" USING btree ("region_id");--> statement-breakpoint
CREATE INDEX "leader_applications_referrer_idx" ON "leader_applications" USING btree ("referrer_id");--> statement-breakpoint
CREATE INDEX "training_completions_leader_idx" ON "training_completions" USING btree ("leader_id");--> statement-breakpoint
CREATE INDEX "training_materials_order_idx" ON "training_materials" USING btree ("status","sort_order");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_accounts_code_idx" ON "ledger_accounts" USING btree ("code");--> statement-breakpoint
CREATE INDEX "ledger_accounts_leader_idx" ON "ledger_accounts" USING btree ("leader_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_transfers_key_idx" ON "ledger_transfers" USING btree ("key");--> statement-breakpoint
CREATE INDEX "ledger_transfers_debit_idx" ON "ledger_transfers" USING btree ("debit_account_id","at");--> statement-breakpoint
CREATE INDEX "ledger_transfers_credit_idx" ON "ledger_transfers" USING btree ("credit_account_id","at");--> statement-breakpoint
CREATE INDEX "ledger_transfers_cause_idx" ON "ledger_transfers" USING btree ("cause_type","cause_id");--> statement-breakpoint
CREATE INDEX "ledger_payout_batches_created_idx" ON "ledger_payout_batches" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_payout_lines_withdrawal_idx" ON "ledger_payout_lines" USING btree ("withdrawal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_payout_lines_seq_idx" ON "ledger_payout_lines" USING btree ("batch_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_withdrawals_key_idx" ON "ledger_withdrawals" USING btree ("leader_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "ledger_withdrawals_leader_day_idx" ON "ledger_withdrawals" USING btree ("leader_id","local_day");--> statement-breakpoint
CREATE INDEX "ledger_withdrawals_status_idx" ON "ledger_withdrawals" USING btree ("status","requested_at");--> statement-breakpoint
CREATE INDEX "ledger_withdrawals_batch_idx" ON "ledger_withdrawals" USING btree ("batch_id");