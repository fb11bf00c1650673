import { inArray } from 'drizzle-orm';
import { BUSINESS_TZ, localDate } from '../../platform/business-time.js';
import type { Clock } from '../../platform/clock.js';
import type { Executor } from '../../platform/db/database.js';
import { leaders, levelProgress, listRecruits, teamSummaries, teamSummary } from '../leaders/index.js';
import type { PortalLeader } from './portal-leader.js';

/** A leader with thousands of direct recruits sees the first (longest-standing) ones listed. */
export const MAX_RECRUITS_LISTED = 200;

/**
 * "团队": the leader's team from the referral network (the NETWORK part's closure table and sales
 * roll-up): its size and sales over all time and this month, and each direct recruit (直推) with
 * their own sales and their own team's size. Sales are completed orders net of refunds, as every
 * commission and level figure counts them.
 */
export async function portalTeam(db: Executor, clock: Clock, leader: PortalLeader) {
  const today = localDate(clock.now(), BUSINESS_TZ);
  const month = { from: `${today.slice(0, 7)}-01`, to: today };
  const [all, thisMonth, recruits] = await Promise.all([
    teamSummary(db, leader.id),
    teamSummary(db, leader.id, month),
    listRecruits(db, leader.id),
  ]);
  const listed = recruits.slice(0, MAX_RECRUITS_LISTED);
  const ids = listed.map((r) => r.leaderId);
  const [rows, allOf, monthOf] = await Promise.all([
    ids.length
      ? db
          .select({ id: leaders.id, name: leaders.name, code: leaders.code, status: leaders.status })
          .from(leaders)
          .where(inArray(leaders.id, ids))
      : Promise.resolve([]),
    teamSummaries(db, ids),
    teamSummaries(db, ids, month),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    month: today.slice(0, 7),
    size: all.size,
    gmvFen: all.gmvFen,
    orders: all.orders,
    monthGmvFen: thisMonth.gmvFen,
    recruitCount: recruits.length,
    recruits: listed.map((r) => {
      const who = byId.get(r.leaderId);
      return {
        leaderId: r.leaderId,
        name: who?.name ?? '',
        code: who?.code ?? '',
        status: who?.status ?? 'active',
        since: r.since,
        ownGmvFen: allOf.get(r.leaderId)?.ownGmvFen ?? 0,
        ownMonthGmvFen: monthOf.get(r.leaderId)?.ownGmvFen ?? 0,
        teamSize: allOf.get(r.leaderId)?.size ?? 0,
        teamGmvFen: allOf.get(r.leaderId)?.gmvFen ?? 0,
      };
    }),
  };
}

/**
 * "我的等级": the current level, the next one, and the progress towards it this period, as the
 * LEVELS part measures it (`levelProgress`): each condition of the next level's upgrade rule with
 * the leader's figure so far, and the current level's keep (downgrade) rule the same way.
 */
export async function portalLevel(db: Executor, clock: Clock, leader: PortalLeader) {
  return levelProgress(db, leader.id, { now: clock.now() });
}
