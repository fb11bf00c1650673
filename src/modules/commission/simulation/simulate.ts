import { localMonth } from '../../../platform/business-time.js';
import { type ChainLink, type CommissionLine, computeLine, withinDaysOf } from '../domain/compute-line.js';
import { COMMISSION_RULES, type CommissionRule } from '../domain/entries.js';
import {
  computeHotProduct,
  computeRecruitBonus,
  computeRegionalDividend,
  computeTiered,
} from '../domain/period-rules.js';
import type { PlanDocument } from '../domain/plan.js';

/**
 * The simulation (佣金试算) as a pure accumulator: historical order lines go in one at a time (or in
 * chunks, as they stream from the database) and are computed under two plans with the same engine
 * the accrual uses; nothing is kept per line, only sums, so a month of lines costs a few maps.
 *
 * The period rules are estimated from the same lines: tiered commission per leader and month of
 * payment, the regional dividend per region and month, the hot-product ladder per campaign and SKU,
 * and the recruit bonus of recruits whose window the lines fall in. They are estimates because the
 * real computations count completed sales of whole months and finished campaigns (see
 * docs/commission-periods.md), while a simulation counts the paid lines of the chosen range.
 */

/** One paid line as the simulation needs it: the engine's line, its chain as of payment, and where it sold. */
export interface SimLine extends CommissionLine {
  paidAt: string;
  campaignId: string;
  /** L0, L1, … with each leader's level as of payment (and L0's approval time, for the recruit rules). */
  chain: ChainLink[];
}

export interface SimManager {
  userId: string;
  leaderId: string | null;
  weight: number;
}

/** What the period estimates need besides the lines: regions and their managers, recruits' referrers. */
export interface SimContext {
  /** The region of each L0 leader and the regions above it (the leader's region first). */
  regionPathOf: (leaderId: string) => readonly string[];
  /** The managers of a region (empty when it has none). */
  managersOf: (regionId: string) => readonly SimManager[];
  /** A recruit's referrer as of approval (who earns their recruit bonus); null: nobody. */
  referrerAtApprovalOf: (leaderId: string) => string | null;
}

export interface Bucket {
  amountFen: number;
  entries: number;
}

export interface PlanCost {
  totalFen: number;
  /** Line rules (direct, team, peer, generation, recruit rate): exact recomputations. */
  lineFen: number;
  /** Period rules (tiered, regional, hot product, recruit bonus): estimates from the range's lines. */
  periodFen: number;
  byRule: Record<CommissionRule, Bucket>;
  /** By the beneficiary's level as of the payment (period entries: their latest level seen; else none). */
  byLevel: Map<string | null, Bucket>;
  byLeader: Map<string, Bucket>;
}

const emptyBuckets = (): Record<CommissionRule, Bucket> =>
  Object.fromEntries(COMMISSION_RULES.map((r) => [r, { amountFen: 0, entries: 0 }])) as Record<
    CommissionRule,
    Bucket
  >;

/** The value under `key`, made and stored first when missing. */
function entryOf<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}

function addTo<K>(map: Map<K, Bucket>, key: K, amountFen: number): void {
  const b = map.get(key);
  if (b) {
    b.amountFen += amountFen;
    b.entries += 1;
  } else map.set(key, { amountFen, entries: 1 });
}

/** One plan's running totals and the figures its period rules need. */
class PlanTally {
  readonly cost: PlanCost = {
    totalFen: 0,
    lineFen: 0,
    periodFen: 0,
    byRule: emptyBuckets(),
    byLevel: new Map(),
    byLeader: new Map(),
  };

  constructor(readonly plan: PlanDocument) {}

  add(
    rule: CommissionRule,
    leaderId: string,
    levelId: string | null,
    amountFen: number,
    period: boolean,
  ): void {
    if (amountFen <= 0) return;
    const c = this.cost;
    c.totalFen += amountFen;
    if (period) c.periodFen += amountFen;
    else c.lineFen += amountFen;
    c.byRule[rule].amountFen += amountFen;
    c.byRule[rule].entries += 1;
    addTo(c.byLevel, levelId, amountFen);
    addTo(c.byLeader, leaderId, amountFen);
  }
}

export interface SimulationTotals {
  lines: number;
  orders: number;
  leaders: number;
  gmvFen: number;
}

export interface Simulation {
  /** Computes one line under both plans and adds it to the sums. */
  add(line: SimLine): void;
  /** The period estimates, then the totals; call once, after the last line. */
  finish(ctx: SimContext): { totals: SimulationTotals; draft: PlanCost; baseline: PlanCost | null };
}

/**
 * Starts a simulation of `draft` against `baseline` (the active plan; null when none is active, so
 * the difference is the draft's whole cost).
 */
export function startSimulation(draft: PlanDocument, baseline: PlanDocument | null): Simulation {
  const tallies = [new PlanTally(draft), ...(baseline ? [new PlanTally(baseline)] : [])];
  const orders = new Set<string>();
  const leaders = new Set<string>();
  let lines = 0;
  let gmvFen = 0;
  // Period figures, plan-independent: GMV per leader and month, units per campaign / SKU / leader,
  // and each recruit's paid sales by payment time (for the recruit window).
  const leaderMonthGmv = new Map<string, Map<string, number>>();
  const units = new Map<string, Map<string, number>>();
  const recruitSales = new Map<string, { approvedAt: string; sales: Array<[string, number]> }>();
  const latestLevel = new Map<string, string | null>();
  const l0Of = new Set<string>();

  return {
    add(line) {
      const l0 = line.chain.find((c) => c.depth === 0);
      if (!l0) return;
      lines += 1;
      gmvFen += line.baseFen;
      orders.add(line.orderId);
      l0Of.add(l0.leaderId);
      for (const link of line.chain) {
        leaders.add(link.leaderId);
        latestLevel.set(link.leaderId, link.levelId);
      }
      for (const tally of tallies) {
        const levelAt = new Map(line.chain.map((c) => [c.leaderId, c.levelId]));
        for (const e of computeLine(tally.plan, line, line.chain)) {
          tally.add(e.rule, e.beneficiaryId, levelAt.get(e.beneficiaryId) ?? null, e.amountFen, false);
        }
      }
      const month = localMonth(new Date(line.paidAt));
      const months = entryOf(leaderMonthGmv, l0.leaderId, () => new Map<string, number>());
      months.set(month, (months.get(month) ?? 0) + line.baseFen);
      const unitKey = `${line.campaignId}\u0000${line.skuId}`;
      const byLeader = entryOf(units, unitKey, () => new Map<string, number>());
      byLeader.set(l0.leaderId, (byLeader.get(l0.leaderId) ?? 0) + line.quantity);
      if (l0.approvedAt) {
        const approvedAt = l0.approvedAt;
        const r = entryOf(recruitSales, l0.leaderId, () => ({
          approvedAt,
          sales: [] as Array<[string, number]>,
        }));
        r.sales.push([line.paidAt, line.baseFen]);
      }
    },

    finish(ctx) {
      // Region GMV per month: each L0's month counts in its region and every region above it.
      const regionMonthGmv = new Map<string, Map<string, number>>();
      for (const [leaderId, months] of leaderMonthGmv) {
        for (const regionId of ctx.regionPathOf(leaderId)) {
          const m = entryOf(regionMonthGmv, regionId, () => new Map<string, number>());
          for (const [month, gmv] of months) m.set(month, (m.get(month) ?? 0) + gmv);
        }
      }
      for (const tally of tallies) {
        const plan = tally.plan;
        const levelOf = (id: string) => latestLevel.get(id) ?? null;
        if (plan.tiered) {
          for (const [leaderId, months] of leaderMonthGmv) {
            for (const gmv of months.values()) {
              tally.add('tiered', leaderId, levelOf(leaderId), computeTiered(plan, gmv).amountFen, true);
            }
          }
        }
        if (plan.regional && plan.regional.rateBps > 0) {
          for (const [regionId, months] of regionMonthGmv) {
            const managers = ctx.managersOf(regionId).filter((m) => m.weight > 0);
            if (managers.length === 0) continue;
            for (const gmv of months.values()) {
              const r = computeRegionalDividend(
                plan,
                gmv,
                managers.map((m) => ({ id: m.userId, weight: m.weight })),
              );
              for (const part of r.parts) {
                const m = managers.find((x) => x.userId === part.managerId);
                // A manager without a leader account is held at month close; it is still a cost.
                const who = m?.leaderId ?? `user:${part.managerId}`;
                tally.add(
                  'regional_dividend',
                  who,
                  m?.leaderId ? levelOf(m.leaderId) : null,
                  part.amountFen,
                  true,
                );
              }
            }
          }
        }
        for (const rule of plan.hotProducts) {
          const byLeader = units.get(`${rule.campaignId}\u0000${rule.skuId}`);
          if (!byLeader) continue;
          for (const a of computeHotProduct(plan, rule.campaignId, rule.skuId, byLeader)) {
            tally.add('hot_product', a.leaderId, levelOf(a.leaderId), a.amountFen, true);
          }
        }
        const recruit = plan.recruit;
        if (recruit && recruit.bonusFen > 0) {
          for (const [recruitId, r] of recruitSales) {
            const referrerId = ctx.referrerAtApprovalOf(recruitId);
            if (!referrerId) continue;
            let inWindow = 0;
            for (const [paidAt, base] of r.sales) {
              if (withinDaysOf(r.approvedAt, paidAt, recruit.withinDays)) inWindow += base;
            }
            const res = computeRecruitBonus(plan, {
              recruitId,
              referrerId,
              approvedAt: r.approvedAt,
              completedSalesInWindowFen: inWindow,
              alreadyAwarded: false,
            });
            if (res.award) tally.add('recruit_bonus', referrerId, levelOf(referrerId), res.amountFen, true);
          }
        }
      }
      const [draftTally, baselineTally] = tallies;
      return {
        totals: { lines, orders: orders.size, leaders: leaders.size, gmvFen },
        draft: (draftTally as PlanTally).cost,
        baseline: baselineTally ? baselineTally.cost : null,
      };
    },
  };
}

/** Cost as a percentage of GMV with two decimals (12.34 means 12.34%); 0 when there is no GMV. */
export function percentOfGmv(costFen: number, gmvFen: number): number {
  if (gmvFen <= 0) return 0;
  return Math.round((costFen * 10_000) / gmvFen) / 100;
}
