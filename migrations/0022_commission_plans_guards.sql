-- Plan activations are the history of which commission plan was in force when: append-only, so an
-- order paid on a given day can always be recomputed under the plan of that day.
CREATE FUNCTION commission_plan_activations_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commission_plan_activations_no_update BEFORE UPDATE OR DELETE ON commission_plan_activations
  FOR EACH ROW EXECUTE FUNCTION commission_plan_activations_forbid_change();
--> statement-breakpoint
CREATE TRIGGER commission_plan_activations_no_truncate BEFORE TRUNCATE ON commission_plan_activations
  FOR EACH STATEMENT EXECUTE FUNCTION commission_plan_activations_forbid_change();
--> statement-breakpoint
-- A plan version that has left the draft state never changes its content, and moves only forward:
-- draft → active → archived, or draft → archived. Plans are never deleted (orders refer to them).
CREATE FUNCTION commission_plans_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'commission plans are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status <> 'draft' AND (NEW.document IS DISTINCT FROM OLD.document OR NEW.version <> OLD.version) THEN
    RAISE EXCEPTION 'commission plan % is % and cannot change', OLD.id, OLD.status USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NOT (
    NEW.status = OLD.status
    OR (OLD.status = 'draft' AND NEW.status IN ('active', 'archived'))
    OR (OLD.status = 'active' AND NEW.status = 'archived')
  ) THEN
    RAISE EXCEPTION 'commission plan % cannot go from % to %', OLD.id, OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER commission_plans_guard BEFORE UPDATE OR DELETE ON commission_plans
  FOR EACH ROW EXECUTE FUNCTION commission_plans_guard();
--> statement-breakpoint
CREATE TRIGGER commission_plans_no_truncate BEFORE TRUNCATE ON commission_plans
  FOR EACH STATEMENT EXECUTE FUNCTION commission_plan_activations_forbid_change();
