import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { leadersError } from '../leaders.errors.js';
import { leaders, regions } from '../leaders.tables.js';
import type { LeaderRow } from '../leaders.view.js';
import type { RegionScope } from '../regions/region-scope.js';
import {
  getUplineChain,
  listRecruits,
  type TeamQuery,
  teamSummaries,
  teamSummary,
} from './network.queries.js';
import { leaderReferrerPeriods } from './network.tables.js';

/**
 * What the console's leader detail page shows of the referral network: the upline chain, the team
 * tree one level at a time (lazy), team figures and the referrer history. A region manager sees
 * the leaders of their regions by name; a leader outside them appears as a masked node (the tree
 * keeps its shape and its figures, never the other region's names).
 */
export interface LeaderCard {
  leaderId: string;
  code: string | null;
  name: string | null;
  status: string | null;
  regionId: string | null;
  regionName: string | null;
  /** False when the leader is outside the viewer's regions: code, name and region are withheld. */
  visible: boolean;
}

export async function leaderCards(
  db: Executor,
  ids: readonly string[],
  scope: RegionScope,
): Promise<Map<string, LeaderCard>> {
  const out = new Map<string, LeaderCard>();
  if (ids.length === 0) return out;
  const rows = await db
    .select({
      id: leaders.id,
      code: leaders.code,
      name: leaders.name,
      status: leaders.status,
      regionId: leaders.regionId,
      regionName: regions.name,
    })
    .from(leaders)
    .leftJoin(regions, eq(regions.id, leaders.regionId))
    .where(inArray(leaders.id, [...new Set(ids)]));
  for (const r of rows) {
    const visible = scope === null || scope.has(r.regionId);
    out.set(
      r.id,
      visible
        ? {
            leaderId: r.id,
            code: r.code,
            name: r.name,
            status: r.status,
            regionId: r.regionId,
            regionName: r.regionName,
            visible,
          }
        : {
            leaderId: r.id,
            code: null,
            name: null,
            status: null,
            regionId: null,
            regionName: null,
            visible,
          },
    );
  }
  return out;
}

const missingCard = (leaderId: string): LeaderCard => ({
  leaderId,
  code: null,
  name: null,
  status: null,
  regionId: null,
  regionName: null,
  visible: false,
});

/** The leader, or the 404 a wrong id gets; outside a region manager's regions too. */
export async function visibleLeader(db: Executor, id: string, scope: RegionScope): Promise<LeaderRow> {
  const [row] = await db.select().from(leaders).where(eq(leaders.id, id));
  if (!row || (scope && !scope.has(row.regionId)))
    throw leadersError('leaders.not_found', { field: 'params.id', detail: id });
  return row;
}

export async function uplineView(
  db: Executor,
  id: string,
  q: { at?: Date | undefined; maxDepth?: number | undefined },
  scope: RegionScope,
) {
  await visibleLeader(db, id, scope);
  const chain = await getUplineChain(db, id, q);
  const cards = await leaderCards(
    db,
    chain.map((c) => c.leaderId),
    scope,
  );
  return {
    at: q.at?.toISOString() ?? null,
    items: chain.map((c) => ({ depth: c.depth, ...(cards.get(c.leaderId) ?? missingCard(c.leaderId)) })),
  };
}

/** One level of the team tree: the leader's direct recruits with their own team figures. */
export async function recruitsView(
  db: Executor,
  id: string,
  q: { at?: Date | undefined; from?: string | undefined; to?: string | undefined },
  scope: RegionScope,
) {
  await visibleLeader(db, id, scope);
  const recruits = await listRecruits(db, id, { at: q.at });
  const ids = recruits.map((r) => r.leaderId);
  const [cards, teams, direct] = await Promise.all([
    leaderCards(db, ids, scope),
    teamSummaries(db, ids, { from: q.from, to: q.to }),
    directRecruitCounts(db, ids),
  ]);
  return {
    items: recruits.map((r) => {
      const team = teams.get(r.leaderId);
      return {
        ...(cards.get(r.leaderId) ?? missingCard(r.leaderId)),
        since: r.since,
        directRecruits: direct.get(r.leaderId) ?? 0,
        teamSize: team?.size ?? 0,
        teamGmvFen: team?.gmvFen ?? 0,
        ownGmvFen: team?.ownGmvFen ?? 0,
      };
    }),
  };
}

async function directRecruitCounts(db: Executor, ids: readonly string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const r = await db.execute<{ id: string; n: number }>(sql`
    select referrer_id as id, count(*)::int as n from leaders
    where referrer_id = any(${sql.param([...ids])}::text[]) group by referrer_id`);
  return new Map(r.rows.map((x) => [x.id, Number(x.n)]));
}

/** The leader's team figures (团队): size, net GMV, orders, own GMV, direct recruits, depth. */
export async function teamView(db: Executor, id: string, q: TeamQuery, scope: RegionScope) {
  const leader = await visibleLeader(db, id, scope);
  const [team, own, direct, depth] = await Promise.all([
    teamSummary(db, id, q),
    teamSummaries(db, [id], { from: q.from, to: q.to }),
    directRecruitCounts(db, [id]),
    db.execute<{ d: number | null }>(sql`
      select max(depth)::int as d from leader_closure where ancestor_id = ${id}`),
  ]);
  const referrer = leader.referrerId
    ? (await leaderCards(db, [leader.referrerId], scope)).get(leader.referrerId)
    : null;
  return {
    leaderId: id,
    referrer: referrer ?? null,
    size: team.size,
    gmvFen: team.gmvFen,
    orders: team.orders,
    ownGmvFen: own.get(id)?.ownGmvFen ?? 0,
    directRecruits: direct.get(id) ?? 0,
    depth: Number(depth.rows[0]?.d ?? 0),
  };
}

/** Who the leader's referrer was, period by period (推荐关系历史), newest first. */
export async function referrerHistoryView(db: Executor, id: string, scope: RegionScope) {
  await visibleLeader(db, id, scope);
  const rows = await db
    .select()
    .from(leaderReferrerPeriods)
    .where(eq(leaderReferrerPeriods.leaderId, id))
    .orderBy(asc(leaderReferrerPeriods.validFrom), asc(leaderReferrerPeriods.id));
  const cards = await leaderCards(
    db,
    rows.flatMap((r) => (r.referrerId ? [r.referrerId] : [])),
    scope,
  );
  return {
    items: rows.reverse().map((r) => ({
      id: r.id,
      referrer: r.referrerId ? (cards.get(r.referrerId) ?? missingCard(r.referrerId)) : null,
      validFrom: r.validFrom.toISOString(),
      validTo: r.validTo?.toISOString() ?? null,
      cause: r.cause,
      reason: r.reason,
      actorName: r.actorName,
    })),
  };
}
