-- A leader's current level points at a level of the ladder. Declared here rather than in
-- leaders.tables.ts so that the leaders and levels table files do not import each other.
ALTER TABLE "leaders" ADD CONSTRAINT "leaders_level_id_leader_levels_id_fk" FOREIGN KEY ("level_id") REFERENCES "public"."leader_levels"("id");
--> statement-breakpoint
-- Level history is never rewritten: commission reads the level a leader had when an order was
-- paid, so a row once written stays as it is. Corrections are new rows (an override).
CREATE FUNCTION leader_level_history_forbid_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'leader_level_history is append-only (% refused)', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER leader_level_history_no_update BEFORE UPDATE OR DELETE ON leader_level_history
  FOR EACH ROW EXECUTE FUNCTION leader_level_history_forbid_change();
--> statement-breakpoint
CREATE TRIGGER leader_level_history_no_truncate BEFORE TRUNCATE ON leader_level_history
  FOR EACH STATEMENT EXECUTE FUNCTION leader_level_history_forbid_change();
--> statement-breakpoint
-- Every company starts with one level, the lowest rank (普通团长), so every leader always has a level;
-- the rest of the ladder is configured in the console (the demo data adds 银牌, 金牌 and 合伙人).
INSERT INTO leader_levels (id, code, name_zh, name_en, rank, status, upgrade_rule, downgrade_rule, created_at, updated_at)
  VALUES ('lvl_0000000000000000000000BASE', 'REGULAR', '普通团长', 'Regular leader', 10, 'active', NULL, NULL, now(), now());
--> statement-breakpoint
-- Leaders who existed before levels: they start on the lowest rank, recorded as their initial level
-- from the moment they were created, so `levelsAt` answers for any moment of their life.
UPDATE leaders SET level_id = 'lvl_0000000000000000000000BASE' WHERE level_id IS NULL;
--> statement-breakpoint
INSERT INTO leader_level_history (id, leader_id, from_level_id, to_level_id, at, cause, reason, actor_name)
  SELECT 'llc_' || substr(l.id, 5), l.id, NULL, 'lvl_0000000000000000000000BASE', l.created_at, 'initial',
         'levels introduced', 'system'
  FROM leaders l;
