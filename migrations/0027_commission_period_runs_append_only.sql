-- A period run (month close, hot products, recruit check) is a record of what was computed and by
-- whom: written once, never changed or deleted (commission_forbid_change is from 0026).
CREATE TRIGGER commission_period_runs_no_update BEFORE UPDATE OR DELETE ON commission_period_runs
  FOR EACH ROW EXECUTE FUNCTION commission_forbid_change();
--> statement-breakpoint
CREATE TRIGGER commission_period_runs_no_truncate BEFORE TRUNCATE ON commission_period_runs
  FOR EACH STATEMENT EXECUTE FUNCTION commission_forbid_change();
