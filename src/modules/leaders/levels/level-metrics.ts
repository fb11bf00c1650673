import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { leaderSalesBetween } from '../network/network.queries.js';
import { type DayRange, windowEnding } from './assessment-period.js';
import type { MetricSpec } from './level-rules.js';

/**
 * The figures level rules compare (考核指标), computed set-based: one statement per kind of figure and
 * window, over every leader at once (or the few given), from the daily sales roll-up
 * (`leader_daily_sales`, `leader_daily_customers`) and the referral closure table (`leader_closure`),
 * all kept by the network part of this module. Never a scan of orders.
 *
 * - ownGmvFen: completed GMV net of refunds (completed_gmv_fen - refunded_fen) in the window.
 * - ownOrders: completed orders net of fully refunded ones.
 * - customers: distinct customers who had a completed order through the leader in the window.
 * - teamGmvFen: the same net GMV summed over descendants (depth 1..N; the leader's own not included).
 * - directRecruits: active leaders whose current referrer is the leader; with activeOnly, only those
 *   with at least one net completed order in the window.
 */

/** Figures by metric key, then by leader id; a leader missing from a map has 0. */
export type MetricTable = Map<string, Map<string, number>>;

export function valuesOf(table: MetricTable, leaderId: string): (key: string) => number {
  return (key) => table.get(key)?.get(leaderId) ?? 0;
}

/** A spec's window: the assessment period, or the N days ending with its last day. */
export function windowOf(spec: MetricSpec, period: DayRange): DayRange {
  return spec.days === null ? period : windowEnding(period.end, spec.days);
}

type Rows = { id: string; v: number | string }[];

async function run(db: Executor, query: SQL): Promise<Map<string, number>> {
  const r = await db.execute<Rows[number]>(query);
  const out = new Map<string, number>();
  for (const row of r.rows as Rows) out.set(row.id, Number(row.v));
  return out;
}

/**
 * Computes every figure `specs` name for `leaderIds` ('all' for every leader) over `period`.
 * Specs sharing a window share the statement where they can (own GMV and orders come together).
 */
export async function computeMetrics(
  db: Executor,
  specs: readonly MetricSpec[],
  period: DayRange,
  leaderIds: readonly string[] | 'all',
): Promise<MetricTable> {
  const table: MetricTable = new Map();
  const only = (col: SQL) =>
    leaderIds === 'all' ? sql`` : sql` and ${col} = any(${sql.param([...leaderIds])}::text[])`;

  // Own figures come from the network's roll-up reader, once per window for all three metrics.
  const ownByWindow = new Map<string, { w: DayRange; specs: MetricSpec[] }>();
  for (const spec of specs) {
    const w = windowOf(spec, period);
    const between = sql`s.day between ${w.start}::date and ${w.end}::date`;
    switch (spec.metric) {
      case 'ownGmvFen':
      case 'ownOrders':
      case 'customers': {
        const k = `${w.start}/${w.end}`;
        const entry = ownByWindow.get(k) ?? { w, specs: [] };
        entry.specs.push(spec);
        ownByWindow.set(k, entry);
        break;
      }
      case 'teamGmvFen':
        table.set(
          spec.key,
          await run(
            db,
            sql`with own as (
                  select s.leader_id, sum(s.completed_gmv_fen - s.refunded_fen) as gmv
                  from leader_daily_sales s where ${between} group by s.leader_id
                )
                select c.ancestor_id as id, sum(own.gmv)::bigint as v
                from leader_closure c join own on own.leader_id = c.descendant_id
                where c.depth >= 1${spec.generations === null ? sql`` : sql` and c.depth <= ${spec.generations}`}${only(sql`c.ancestor_id`)}
                group by c.ancestor_id`,
          ),
        );
        break;
      case 'directRecruits':
        table.set(
          spec.key,
          await run(
            db,
            spec.activeOnly
              ? sql`with active as (
                      select s.leader_id from leader_daily_sales s where ${between}
                      group by s.leader_id having sum(s.completed_orders - s.refunded_orders) > 0
                    )
                    select l.referrer_id as id, count(*)::bigint as v
                    from leaders l join active a on a.leader_id = l.id
                    where l.referrer_id is not null and l.status = 'active'${only(sql`l.referrer_id`)}
                    group by l.referrer_id`
              : sql`select l.referrer_id as id, count(*)::bigint as v from leaders l
                    where l.referrer_id is not null and l.status = 'active'${only(sql`l.referrer_id`)}
                    group by l.referrer_id`,
          ),
        );
        break;
      default: {
        const unreachable: never = spec.metric;
        throw new Error(`unknown metric ${String(unreachable)}`);
      }
    }
  }

  for (const { w, specs: own } of ownByWindow.values()) {
    const sales = await leaderSalesBetween(db, leaderIds, w.start, w.end);
    for (const spec of own) {
      const m = new Map<string, number>();
      for (const [id, s] of sales) {
        m.set(
          id,
          spec.metric === 'ownGmvFen' ? s.gmvFen : spec.metric === 'ownOrders' ? s.orders : s.customers,
        );
      }
      table.set(spec.key, m);
    }
  }
  return table;
}

/** An assessed leader as the bulk path needs it: who recruited them. */
export interface LeaderEdge {
  id: string;
  referrerId: string | null;
}

/**
 * Every figure for every leader at once (the monthly assessment). Each window's own sales are read
 * once (`leaderSalesBetween`, which scans the roll-up once for sales and once for customers); team
 * GMV joins the closure table with those per-leader sums, sent back as two arrays, so the roll-up is
 * not scanned again per generation; direct recruits are counted in memory from the `leaders` rows
 * the assessment has already read (only active leaders count as recruits).
 */
export async function computeMetricsForAll(
  db: Executor,
  specs: readonly MetricSpec[],
  period: DayRange,
  assessed: readonly LeaderEdge[],
): Promise<MetricTable> {
  const table: MetricTable = new Map();
  const windows = new Map<string, { w: DayRange; specs: MetricSpec[] }>();
  for (const spec of specs) {
    if (spec.metric === 'directRecruits' && !spec.activeOnly) {
      const m = new Map<string, number>();
      for (const l of assessed) if (l.referrerId) m.set(l.referrerId, (m.get(l.referrerId) ?? 0) + 1);
      table.set(spec.key, m);
      continue;
    }
    const w = windowOf(spec, period);
    const k = `${w.start}/${w.end}`;
    const entry = windows.get(k) ?? { w, specs: [] };
    entry.specs.push(spec);
    windows.set(k, entry);
  }
  for (const { w, specs: inWindow } of windows.values()) {
    const sales = await leaderSalesBetween(db, 'all', w.start, w.end);
    const ids: string[] = [];
    const gmvs: number[] = [];
    for (const [id, s] of sales) {
      if (s.gmvFen === 0) continue;
      ids.push(id);
      gmvs.push(s.gmvFen);
    }
    for (const spec of inWindow) {
      const m = new Map<string, number>();
      switch (spec.metric) {
        case 'ownGmvFen':
        case 'ownOrders':
        case 'customers':
          for (const [id, s] of sales)
            m.set(
              id,
              spec.metric === 'ownGmvFen' ? s.gmvFen : spec.metric === 'ownOrders' ? s.orders : s.customers,
            );
          break;
        case 'directRecruits':
          for (const l of assessed) {
            if (l.referrerId && (sales.get(l.id)?.orders ?? 0) > 0)
              m.set(l.referrerId, (m.get(l.referrerId) ?? 0) + 1);
          }
          break;
        case 'teamGmvFen': {
          const r = await db.execute<{ id: string; v: number | string }>(sql`
            select c.ancestor_id as id, sum(v.gmv)::bigint as v
            from leader_closure c
            join unnest(${sql.param(ids)}::text[], ${sql.param(gmvs)}::bigint[]) as v(id, gmv) on v.id = c.descendant_id
            where c.depth >= 1${spec.generations === null ? sql`` : sql` and c.depth <= ${spec.generations}`}
            group by c.ancestor_id`);
          for (const row of r.rows) m.set(row.id, Number(row.v));
          break;
        }
        default: {
          const unreachable: never = spec.metric;
          throw new Error(`unknown metric ${String(unreachable)}`);
        }
      }
      table.set(spec.key, m);
    }
  }
  return table;
}
