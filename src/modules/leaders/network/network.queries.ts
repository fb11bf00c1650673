import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { networkError } from './network.errors.js';
import { dayRange } from './sales-days.js';

/**
 * Reads of the referral tree (推荐关系) and the sales roll-up. Every query is one indexed statement:
 * the upline is the closure rows of one descendant, a team the closure rows of one ancestor, and
 * team GMV those rows joined with `leader_daily_sales`, never a scan of orders.
 */

/** Upper bound for "as of" walks through the history, which has no closure table to bound it. */
const MAX_WALK = 64;

export interface UplineLink {
  leaderId: string;
  /** 1 = the direct referrer, 2 = the referrer's referrer ... */
  depth: number;
}

/**
 * The upline chain (上级链) of a leader, the direct referrer first. With `at`, the chain as it was at
 * that moment, from the referrer periods (a move never rewrites them); without, from the closure table.
 */
export async function getUplineChain(
  db: Executor,
  leaderId: string,
  opts: { maxDepth?: number | undefined; at?: Date | undefined } = {},
): Promise<UplineLink[]> {
  const max = Math.max(1, Math.min(opts.maxDepth ?? MAX_WALK, MAX_WALK));
  if (!opts.at) {
    const r = await db.execute<{ id: string; depth: number }>(sql`
      select ancestor_id as id, depth from leader_closure
      where descendant_id = ${leaderId} and depth between 1 and ${max}
      order by depth`);
    return r.rows.map((x) => ({ leaderId: x.id, depth: Number(x.depth) }));
  }
  const at = opts.at.toISOString();
  const r = await db.execute<{ id: string; depth: number }>(sql`
    with recursive up(id, depth) as (
      select p.referrer_id, 1 from leader_referrer_periods p
      where p.leader_id = ${leaderId} and p.valid_from <= ${at}::timestamptz
        and (p.valid_to is null or p.valid_to > ${at}::timestamptz) and p.referrer_id is not null
      union all
      select p.referrer_id, up.depth + 1 from up
      join leader_referrer_periods p on p.leader_id = up.id
        and p.valid_from <= ${at}::timestamptz and (p.valid_to is null or p.valid_to > ${at}::timestamptz)
      where p.referrer_id is not null and up.depth < ${max}
    )
    select id, depth from up order by depth`);
  return r.rows.map((x) => ({ leaderId: x.id, depth: Number(x.depth) }));
}

export interface Recruit {
  leaderId: string;
  /** When this leader was placed under the referrer (creation, or a move). */
  since: string;
}

/** The direct recruits (直推) of a leader, now or as of a moment, oldest first. */
export async function listRecruits(
  db: Executor,
  leaderId: string,
  opts: { at?: Date | undefined } = {},
): Promise<Recruit[]> {
  const at = (opts.at ?? null)?.toISOString() ?? null;
  const r = await db.execute<{ id: string; since: Date | string }>(sql`
    select p.leader_id as id, p.valid_from as since from leader_referrer_periods p
    where p.referrer_id = ${leaderId}
      and ${
        at === null
          ? sql`p.valid_to is null`
          : sql`p.valid_from <= ${at}::timestamptz and (p.valid_to is null or p.valid_to > ${at}::timestamptz)`
      }
    order by p.valid_from, p.leader_id`);
  return r.rows.map((x) => ({ leaderId: x.id, since: new Date(x.since).toISOString() }));
}

export interface TeamQuery {
  /** 1 = direct recruits only, 2 = and theirs ...; absent = every descendant. */
  generations?: number | undefined;
  /** Days inclusive (YYYY-MM-DD), or instants (`to` exclusive); absent = all time. */
  from?: Date | string | undefined;
  to?: Date | string | undefined;
  /** Count the leader's own sales in the team GMV too (团队业绩含本人). Default false. */
  includeSelf?: boolean | undefined;
}

export interface TeamSummary {
  /** Leaders below (not counting the leader). */
  size: number;
  /** Net GMV (completed minus refunded) in fen over the range. */
  gmvFen: number;
  /** Completed orders net of full refunds. */
  orders: number;
}

function checkedRange(q: { from?: Date | string | undefined; to?: Date | string | undefined }) {
  const { from, to } = dayRange(q.from, q.to);
  if (from !== null && to !== null && from > to)
    throw networkError('leaders.date_range_invalid', { field: 'query.from', detail: `${from} > ${to}` });
  return { from, to };
}

function rangeSql(q: { from?: Date | string | undefined; to?: Date | string | undefined }) {
  const { from, to } = checkedRange(q);
  return sql`${from === null ? sql`` : sql` and s.day >= ${from}::date`}${
    to === null ? sql`` : sql` and s.day <= ${to}::date`
  }`;
}

/**
 * One descendant's figures over the range, as a LATERAL subquery: the plan is then always one
 * index-only range scan of the roll-up's primary key per team member (tens of milliseconds for
 * 10,000), never a hash join over every leader's days, which the planner would otherwise pick.
 */
function salesOf(range: ReturnType<typeof rangeSql>) {
  return sql`cross join lateral (
      select sum(s.completed_gmv_fen - s.refunded_fen) as gmv, sum(s.completed_orders - s.refunded_orders) as orders
      from leader_daily_sales s where s.leader_id = c.descendant_id${range}) x`;
}

/** 团队规模与团队业绩: the team's size and its net GMV over a range, from the closure table and the roll-up. */
export async function teamSummary(db: Executor, leaderId: string, q: TeamQuery = {}): Promise<TeamSummary> {
  const gen = q.generations ?? null;
  const maxDepth = gen === null ? sql`` : sql` and c.depth <= ${gen}`;
  const r = await db.execute<{ size: number; gmv: number | null; orders: number | null }>(sql`
    select (count(*) filter (where c.depth >= 1))::int as size,
      coalesce(sum(x.gmv) filter (where c.depth >= ${q.includeSelf ? 0 : 1}), 0)::bigint as gmv,
      coalesce(sum(x.orders) filter (where c.depth >= ${q.includeSelf ? 0 : 1}), 0)::bigint as orders
    from leader_closure c ${salesOf(rangeSql(q))}
    where c.ancestor_id = ${leaderId} and c.depth >= 0${maxDepth}`);
  const row = r.rows[0];
  return { size: Number(row?.size ?? 0), gmvFen: Number(row?.gmv ?? 0), orders: Number(row?.orders ?? 0) };
}

/** Team sizes and team GMV of many leaders at once (the children of a node in the team tree). */
export async function teamSummaries(
  db: Executor,
  leaderIds: readonly string[],
  q: Omit<TeamQuery, 'generations' | 'includeSelf'> = {},
): Promise<Map<string, TeamSummary & { ownGmvFen: number }>> {
  const out = new Map<string, TeamSummary & { ownGmvFen: number }>();
  if (leaderIds.length === 0) return out;
  const r = await db.execute<{ id: string; size: number; gmv: number; orders: number; own: number }>(sql`
    select c.ancestor_id as id, (count(*) - 1)::int as size,
      coalesce(sum(x.gmv) filter (where c.depth >= 1), 0)::bigint as gmv,
      coalesce(sum(x.orders) filter (where c.depth >= 1), 0)::bigint as orders,
      coalesce(sum(x.gmv) filter (where c.depth = 0), 0)::bigint as own
    from leader_closure c ${salesOf(rangeSql(q))}
    where c.ancestor_id = any(${sql.param([...leaderIds])}::text[])
    group by c.ancestor_id`);
  for (const x of r.rows)
    out.set(x.id, {
      size: Number(x.size),
      gmvFen: Number(x.gmv),
      orders: Number(x.orders),
      ownGmvFen: Number(x.own),
    });
  return out;
}

export interface LeaderSales {
  /** Completed minus refunded, in fen. */
  gmvFen: number;
  completedGmvFen: number;
  refundedFen: number;
  /** Completed orders net of full refunds. */
  orders: number;
  /** Distinct customers with a completed order in the range. */
  customers: number;
}

/**
 * Each leader's own sales over a range of business days (inclusive), from the roll-up: for level
 * assessment (LEVELS) and the portal. Leaders without sales in the range are absent from the map.
 */
export async function leaderSalesBetween(
  db: Executor,
  leaderIds: readonly string[] | 'all',
  from: Date | string,
  to: Date | string,
): Promise<Map<string, LeaderSales>> {
  const range = rangeSql({ from, to });
  const out = new Map<string, LeaderSales>();
  if (leaderIds !== 'all' && leaderIds.length === 0) return out;
  const who = leaderIds === 'all' ? sql`true` : sql`s.leader_id = any(${sql.param([...leaderIds])}::text[])`;
  const [sales, customers] = await Promise.all([
    db.execute<{ id: string; gross: number; refunded: number; orders: number }>(sql`
      select s.leader_id as id, sum(s.completed_gmv_fen)::bigint as gross, sum(s.refunded_fen)::bigint as refunded,
        sum(s.completed_orders - s.refunded_orders)::bigint as orders
      from leader_daily_sales s where ${who}${range}
      group by s.leader_id`),
    db.execute<{ id: string; customers: number }>(sql`
      select s.leader_id as id, count(distinct s.customer_id)::int as customers
      from leader_daily_customers s where ${who}${range}
      group by s.leader_id`),
  ]);
  const customersOf = new Map(customers.rows.map((c) => [c.id, Number(c.customers)]));
  for (const x of sales.rows) {
    const gross = Number(x.gross);
    const refunded = Number(x.refunded);
    out.set(x.id, {
      gmvFen: gross - refunded,
      completedGmvFen: gross,
      refundedFen: refunded,
      orders: Number(x.orders),
      customers: customersOf.get(x.id) ?? 0,
    });
  }
  return out;
}
