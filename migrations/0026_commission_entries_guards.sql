-- The money path's records are history. Commission entries change only forward (their status, and
-- what refunds voided or clawed back of them); they are never deleted. What a refund did to an entry,
-- a settlement and each leader's part of it never change once written. Corrections are new rows and
-- new ledger transfers.
CREATE FUNCTION commission_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commission_entries_no_delete BEFORE DELETE ON commission_entries
  FOR EACH ROW EXECUTE FUNCTION commission_forbid_change();
--> statement-breakpoint
CREATE TRIGGER commission_entries_no_truncate BEFORE TRUNCATE ON commission_entries
  FOR EACH STATEMENT EXECUTE FUNCTION commission_forbid_change();
--> statement-breakpoint
CREATE TRIGGER commission_entry_adjustments_no_update BEFORE UPDATE OR DELETE ON commission_entry_adjustments
  FOR EACH ROW EXECUTE FUNCTION commission_forbid_change();
--> statement-breakpoint
CREATE TRIGGER commission_entry_adjustments_no_truncate BEFORE TRUNCATE ON commission_entry_adjustments
  FOR EACH STATEMENT EXECUTE FUNCTION commission_forbid_change();
--> statement-breakpoint
CREATE TRIGGER commission_settlements_no_update BEFORE UPDATE OR DELETE ON commission_settlements
  FOR EACH ROW EXECUTE FUNCTION commission_forbid_change();
--> statement-breakpoint
CREATE TRIGGER commission_settlements_no_truncate BEFORE TRUNCATE ON commission_settlements
  FOR EACH STATEMENT EXECUTE FUNCTION commission_forbid_change();
--> statement-breakpoint
CREATE TRIGGER commission_settlement_leaders_no_update BEFORE UPDATE OR DELETE ON commission_settlement_leaders
  FOR EACH ROW EXECUTE FUNCTION commission_forbid_change();
--> statement-breakpoint
CREATE TRIGGER commission_settlement_leaders_no_truncate BEFORE TRUNCATE ON commission_settlement_leaders
  FOR EACH STATEMENT EXECUTE FUNCTION commission_forbid_change();
--> statement-breakpoint
INSERT INTO commission_accrual_settings (id, after_sales_days, updated_at) VALUES ('default', 7, now());
