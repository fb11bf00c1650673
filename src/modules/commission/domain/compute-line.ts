import {
  type DirectSource,
  type LineEntry,
  type LineExplanation,
  type LineRule,
  lineEntryKey,
} from './entries.js';
import { earnsPeerBonus, type PlanDocument, type PlanLevel } from './plan.js';
import { bpsOf, perUnitTimes } from './rounding.js';

/** One paid order line, as the engine needs it. */
export interface CommissionLine {
  orderLineId: string;
  orderId: string;
  skuId: string;
  categoryId: string | null;
  quantity: number;
  /** What the customer actually paid for the line (after promotions and coupons), without shipping. */
  baseFen: number;
  /** The order's leader L0 bought through their own link (自购). */
  selfPurchase: boolean;
  /** When the order was paid (ISO 8601); needed only for the recruit rate (a recruit's first days). */
  paidAt?: string;
}

/** One leader on the chain, with their level as of payment. */
export interface ChainLink {
  leaderId: string;
  levelId: string | null;
  /** 0 for the order's own leader L0, 1 for L0's referrer L1, … */
  depth: number;
  /** When this leader was approved (ISO 8601); only L0's is read, for the recruit rate. */
  approvedAt?: string | null;
}

const DAY_MS = 86_400_000;

/** A plan with its level rows and overrides in maps: computeLine runs once per paid line. */
interface CompiledLevel {
  row: PlanLevel;
  skuFixed: Map<string, number>;
  skuRates: Map<string, number>;
  categoryRates: Map<string, number>;
}

const compiled = new WeakMap<PlanDocument, Map<string, CompiledLevel>>();

function levelsOf(plan: PlanDocument): Map<string, CompiledLevel> {
  let map = compiled.get(plan);
  if (!map) {
    map = new Map(
      plan.levels.map((row) => [
        row.levelId,
        {
          row,
          skuFixed: new Map(row.skuFixed.map((s) => [s.skuId, s.perUnitFen])),
          skuRates: new Map(row.skuRates.map((s) => [s.skuId, s.rateBps])),
          categoryRates: new Map(row.categoryRates.map((c) => [c.categoryId, c.rateBps])),
        },
      ]),
    );
    compiled.set(plan, map);
  }
  return map;
}

/** Orders the chain by depth and checks it is L0, L1, … with no leader twice. */
function normaliseChain(chain: readonly ChainLink[]): ChainLink[] {
  const sorted = [...chain].sort((a, b) => a.depth - b.depth);
  const seen = new Set<string>();
  for (const [i, link] of sorted.entries()) {
    if (link.depth !== i)
      throw new RangeError(`chain depths must be 0, 1, 2, …; found ${link.depth} at ${i}`);
    if (seen.has(link.leaderId)) throw new RangeError(`leader ${link.leaderId} appears twice on the chain`);
    seen.add(link.leaderId);
  }
  return sorted;
}

function checkLine(line: CommissionLine): void {
  if (!Number.isSafeInteger(line.baseFen) || line.baseFen < 0)
    throw new RangeError(`baseFen must be a non-negative whole number of fen, got ${line.baseFen}`);
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 1)
    throw new RangeError(`quantity must be a positive whole number, got ${line.quantity}`);
}

/** The direct rate for a leader of `level` on this line: the most specific setting wins. */
function directTerms(
  level: CompiledLevel | undefined,
  line: CommissionLine,
): { source: DirectSource; rateBps: number | null; perUnitFen: number | null } {
  if (!level) return { source: 'level_default', rateBps: 0, perUnitFen: null };
  const fixed = level.skuFixed.get(line.skuId);
  if (fixed !== undefined) return { source: 'sku_fixed', rateBps: null, perUnitFen: fixed };
  const skuRate = level.skuRates.get(line.skuId);
  if (skuRate !== undefined) return { source: 'sku_rate', rateBps: skuRate, perUnitFen: null };
  const categoryRate = line.categoryId === null ? undefined : level.categoryRates.get(line.categoryId);
  if (categoryRate !== undefined) return { source: 'category_rate', rateBps: categoryRate, perUnitFen: null };
  return { source: 'level_default', rateBps: level.row.directRateBps, perUnitFen: null };
}

/** Whether `paidAt` falls in the `days` days that start at `approvedAt`. */
export function withinDaysOf(approvedAt: string, paidAt: string, days: number): boolean {
  const from = Date.parse(approvedAt);
  const at = Date.parse(paidAt);
  if (Number.isNaN(from) || Number.isNaN(at)) return false;
  return at >= from && at < from + days * DAY_MS;
}

/**
 * Computes every amount one paid order line earns along its chain under `plan`:
 * - L0's direct commission (unless it is a self-purchase and the plan says self-purchases earn none);
 * - the team bonus of each upline L1 … L`depthCap`: in differential mode the level's team rate minus
 *   the highest team rate below it, or the peer bonus when a same-level leader below already holds
 *   that rate (0 included) and the plan says that level earns peer bonus (`earnsPeerBonus`: the
 *   level's `peerBonus`, or for plans saved without it, a team rate above 0); in generations mode
 *   the plan's rate for that generation;
 * - the recruit rate to L1 while L0 is in their first days after approval.
 *
 * Each amount is rounded half up to the fen from exact integer arithmetic. The entries of a line
 * never sum to more than its base: an entry that would pass it is cut to what is left and says so
 * (`cappedFromFen`), which can only happen through fixed per-unit amounts or rounding, because plan
 * validation refuses rates whose worst case passes 100%. Entries of zero are left out. The result
 * depends only on the arguments, not on the order of the chain array.
 */
export function computeLine(
  plan: PlanDocument,
  line: CommissionLine,
  chainIn: readonly ChainLink[],
): LineEntry[] {
  checkLine(line);
  const chain = normaliseChain(chainIn);
  const l0 = chain[0];
  if (!l0) return [];
  const levels = levelsOf(plan);
  const entries: LineEntry[] = [];
  let left = line.baseFen;

  const add = (
    rule: LineRule,
    link: ChainLink,
    terms: { baseFen: number; rateBps: number | null; perUnitFen: number | null },
    computed: number,
    explanation: LineExplanation,
  ): number => {
    const amountFen = Math.min(computed, left);
    if (amountFen <= 0) return 0;
    left -= amountFen;
    entries.push({
      key: lineEntryKey(line.orderLineId, rule, link.depth, link.leaderId),
      orderLineId: line.orderLineId,
      orderId: line.orderId,
      beneficiaryId: link.leaderId,
      rule,
      chainPosition: link.depth,
      ...terms,
      amountFen,
      explanation: amountFen < computed ? { ...explanation, cappedFromFen: computed } : explanation,
    });
    return amountFen;
  };

  // L0: direct commission, the most specific setting for L0's level.
  const l0Level = levels.get(l0.levelId ?? '');
  let directFen = 0;
  if (!line.selfPurchase || plan.selfPurchaseEarnsDirect) {
    const terms = directTerms(l0Level, line);
    const computed =
      terms.perUnitFen !== null
        ? perUnitTimes(terms.perUnitFen, line.quantity)
        : bpsOf(line.baseFen, terms.rateBps ?? 0);
    directFen = add('direct', l0, { baseFen: line.baseFen, ...terms }, computed, {
      rule: 'direct',
      levelId: l0.levelId,
      source: terms.source,
      skuId: line.skuId,
      categoryId: line.categoryId,
      quantity: line.quantity,
      selfPurchase: line.selfPurchase,
    });
  }

  const uplines = chain.slice(1, plan.depthCap + 1);
  const team = plan.team;
  if (team.mode === 'differential') {
    const teamRate = (link: ChainLink) => levels.get(link.levelId ?? '')?.row.teamRateBps ?? 0;
    // The leader holding the highest team rate so far (the first to reach it), what they earned on
    // this line, and how many same-level uplines above them have been reached (peer generations).
    let highest = teamRate(l0);
    let holder = { link: l0, earnedFen: directFen, rule: 'direct' as 'direct' | 'differential', reached: 0 };
    for (const link of uplines) {
      const rate = teamRate(link);
      if (rate > highest) {
        const diffBps = rate - highest;
        const earned = add(
          'differential',
          link,
          { baseFen: line.baseFen, rateBps: diffBps, perUnitFen: null },
          bpsOf(line.baseFen, diffBps),
          {
            rule: 'differential',
            levelId: link.levelId,
            teamRateBps: rate,
            highestBelowBps: highest,
            highestBelowPosition: holder.link.depth,
          },
        );
        highest = rate;
        holder = { link, earnedFen: earned, rule: 'differential', reached: 0 };
      } else if (
        rate === highest &&
        link.levelId !== null &&
        link.levelId === holder.link.levelId &&
        earnsPeerBonus(levels.get(link.levelId)?.row)
      ) {
        // No differential because a same-level leader below already holds this rate (0 included):
        // the peer bonus, when the plan says this level earns it, for as many same-level uplines of
        // that leader as the plan pays.
        holder.reached += 1;
        if (holder.reached <= team.peerGenerations && team.peerRateBps > 0) {
          add(
            'peer',
            link,
            { baseFen: holder.earnedFen, rateBps: team.peerRateBps, perUnitFen: null },
            bpsOf(holder.earnedFen, team.peerRateBps),
            {
              rule: 'peer',
              levelId: link.levelId,
              generation: holder.reached,
              sourcePosition: holder.link.depth,
              sourceLeaderId: holder.link.leaderId,
              sourceRule: holder.rule,
              sourceAmountFen: holder.earnedFen,
            },
          );
        }
      }
    }
  } else if (team.mode === 'generations') {
    for (const link of uplines) {
      const rateBps = team.generationRatesBps[link.depth - 1] ?? 0;
      add(
        'generation',
        link,
        { baseFen: line.baseFen, rateBps, perUnitFen: null },
        bpsOf(line.baseFen, rateBps),
        { rule: 'generation', levelId: link.levelId, generation: link.depth },
      );
    }
  }

  // The recruit rate: L0's referrer earns a share of L0's sales in L0's first days.
  const recruit = plan.recruit;
  const l1 = chain[1];
  if (
    recruit &&
    recruit.rateBps > 0 &&
    recruit.rateDays > 0 &&
    l1 &&
    l0.approvedAt &&
    line.paidAt &&
    withinDaysOf(l0.approvedAt, line.paidAt, recruit.rateDays)
  ) {
    add(
      'recruit_rate',
      l1,
      { baseFen: line.baseFen, rateBps: recruit.rateBps, perUnitFen: null },
      bpsOf(line.baseFen, recruit.rateBps),
      {
        rule: 'recruit_rate',
        recruitId: l0.leaderId,
        recruitApprovedAt: l0.approvedAt,
        rateDays: recruit.rateDays,
      },
    );
  }
  return entries;
}
