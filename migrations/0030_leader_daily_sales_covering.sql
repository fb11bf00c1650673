-- Team GMV sums the daily roll-up of up to tens of thousands of descendants: with the figures in
-- the primary key's index (INCLUDE), each descendant's days are one index-only range scan and the
-- table itself is not read (bench/leaders.ts: team GMV of a 10,000-descendant leader, see
-- docs/BENCHMARKS.md). Same name and key columns, so drizzle's schema still describes it.
ALTER TABLE "leader_daily_sales" DROP CONSTRAINT "leader_daily_sales_leader_id_day_pk";
--> statement-breakpoint
ALTER TABLE "leader_daily_sales" ADD CONSTRAINT "leader_daily_sales_leader_id_day_pk"
  PRIMARY KEY ("leader_id", "day") INCLUDE ("completed_gmv_fen", "refunded_fen", "completed_orders", "refunded_orders");
