-- Refunds are append-only: a refund, once recorded, is what happened to the money and the proof
-- that each order line's refunded_quantity is right (it equals the sum of the line's refund lines).
-- A mistaken refund cannot be taken back by an edit; there is no "un-refund".
CREATE FUNCTION order_refunds_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER order_refunds_no_update BEFORE UPDATE OR DELETE ON order_refunds
  FOR EACH ROW EXECUTE FUNCTION order_refunds_forbid_change();
--> statement-breakpoint
CREATE TRIGGER order_refunds_no_truncate BEFORE TRUNCATE ON order_refunds
  FOR EACH STATEMENT EXECUTE FUNCTION order_refunds_forbid_change();
--> statement-breakpoint
CREATE TRIGGER order_refund_lines_no_update BEFORE UPDATE OR DELETE ON order_refund_lines
  FOR EACH ROW EXECUTE FUNCTION order_refunds_forbid_change();
--> statement-breakpoint
CREATE TRIGGER order_refund_lines_no_truncate BEFORE TRUNCATE ON order_refund_lines
  FOR EACH STATEMENT EXECUTE FUNCTION order_refunds_forbid_change();
