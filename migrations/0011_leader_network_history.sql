-- The referral history is never rewritten: a period, once written, may only be closed (valid_to set
-- once, on an open period, nothing else changed). Deleting or truncating it is refused, so "who was
-- a leader's upline at a given moment" stays answerable for commission and audits.
CREATE FUNCTION leader_referrer_periods_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND OLD.valid_to IS NULL
     AND NEW.valid_to IS NOT NULL
     AND NEW.id = OLD.id
     AND NEW.leader_id = OLD.leader_id
     AND NEW.referrer_id IS NOT DISTINCT FROM OLD.referrer_id
     AND NEW.valid_from = OLD.valid_from
     AND NEW.cause = OLD.cause
     AND NEW.reason IS NOT DISTINCT FROM OLD.reason
     AND NEW.actor_name IS NOT DISTINCT FROM OLD.actor_name THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'leader_referrer_periods is history: only closing an open period is allowed (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER leader_referrer_periods_no_change BEFORE UPDATE OR DELETE ON leader_referrer_periods
  FOR EACH ROW EXECUTE FUNCTION leader_referrer_periods_guard();
--> statement-breakpoint
CREATE TRIGGER leader_referrer_periods_no_truncate BEFORE TRUNCATE ON leader_referrer_periods
  FOR EACH STATEMENT EXECUTE FUNCTION leader_referrer_periods_guard();
--> statement-breakpoint
-- Leaders created before the referral network existed: each is the root of its own tree (a self
-- row in the closure table) with one open period without a referrer since it was created.
INSERT INTO leader_closure (ancestor_id, descendant_id, depth)
  SELECT id, id, 0 FROM leaders
  ON CONFLICT DO NOTHING;
--> statement-breakpoint
INSERT INTO leader_referrer_periods (id, leader_id, referrer_id, valid_from, valid_to, cause, reason, actor_name)
  SELECT 'lrp_' || substr(l.id, 5), l.id, NULL, l.created_at, NULL, 'created', NULL, NULL
  FROM leaders l
  WHERE NOT EXISTS (SELECT 1 FROM leader_referrer_periods p WHERE p.leader_id = l.id);
