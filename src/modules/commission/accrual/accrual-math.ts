import { type ChainLink, computeLine } from '../domain/compute-line.js';
import type { PlanDocument } from '../domain/plan.js';
import type { NewEntry } from './record-entries.js';

/**
 * The pure part of accrual at payment: which plan version applies to a payment moment, which chain
 * of leaders (with their levels of that moment) a line is computed along, and the entries the engine
 * gives for the line, as rows to record. No I/O: the service gathers the figures set-based.
 */

/** One activation of a plan version: the version is in force from `activatedAt` to the next one. */
export interface PlanVersion {
  planId: string;
  version: number;
  activatedAt: Date;
  /** Orders activations that share a timestamp (the later one wins). */
  seq: number;
  document: PlanDocument;
}

/**
 * The version active at `at`: the last activation at or before it (ties by `seq`), as
 * `activePlanAt` answers it, over a timeline sorted by (activatedAt, seq). Null before the first.
 */
export function planAt(timeline: readonly PlanVersion[], at: Date): PlanVersion | null {
  const t = at.getTime();
  let lo = 0;
  let hi = timeline.length - 1;
  let found: PlanVersion | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = timeline[mid] as PlanVersion;
    if (v.activatedAt.getTime() <= t) {
      found = v;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** One row of a leader's level history, oldest first (`at` in epoch milliseconds). */
export interface LevelChange {
  fromLevelId: string | null;
  toLevelId: string;
  at: number;
}

/**
 * The level a leader had at `at`, as the leaders module's `levelsAt` reads the append-only history:
 * the target of the last change at or before the moment (the later of two at one instant); before
 * the first change, the level it started from (or, for an initial row, the level it gave). No history:
 * no level (and a level the plan does not list earns nothing).
 */
export function levelAt(history: readonly LevelChange[] | undefined, at: Date): string | null {
  if (!history || history.length === 0) return null;
  const t = at.getTime();
  let lo = 0;
  let hi = history.length - 1;
  let found: LevelChange | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const h = history[mid] as LevelChange;
    if (h.at <= t) {
      found = h;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found) return found.toLevelId;
  const first = history[0] as LevelChange;
  return first.fromLevelId ?? first.toLevelId;
}

/** One paid order line with what the engine needs of its order. */
export interface PaidLine {
  orderId: string;
  orderLineId: string;
  /** The order's leader, L0. */
  leaderId: string;
  campaignId: string;
  skuId: string;
  categoryId: string | null;
  quantity: number;
  /** What the customer paid for the line (the base), in fen. */
  amountFen: number;
  paidAt: Date;
  /** The customer's phone hash equals the leader's: the leader bought through their own link (自购). */
  selfPurchase: boolean;
}

/**
 * The chain of an order as of its payment: L0 then the uplines in order (direct referrer first), cut
 * to the plan's depth cap, each with their level of that moment. `approvedAt` is L0's approval time,
 * read only for the recruit rate.
 */
export function chainOf(
  l0: string,
  uplines: readonly string[],
  depthCap: number,
  levelOf: (leaderId: string) => string | null,
  approvedAt: string | null = null,
): ChainLink[] {
  const chain: ChainLink[] = [{ leaderId: l0, levelId: levelOf(l0), depth: 0, approvedAt }];
  const seen = new Set([l0]);
  for (const id of uplines.slice(0, depthCap)) {
    // The referrer history never forms a cycle (moves refuse one); stop rather than pay anyone twice.
    if (seen.has(id)) break;
    seen.add(id);
    chain.push({ leaderId: id, levelId: levelOf(id), depth: chain.length });
  }
  return chain;
}

/** The entries one paid line earns under `plan` along `chain`, as rows for `recordEntriesTx`. */
export function lineEntries(line: PaidLine, plan: PlanVersion, chain: readonly ChainLink[]): NewEntry[] {
  const computed = computeLine(
    plan.document,
    {
      orderLineId: line.orderLineId,
      orderId: line.orderId,
      skuId: line.skuId,
      categoryId: line.categoryId,
      quantity: line.quantity,
      baseFen: line.amountFen,
      selfPurchase: line.selfPurchase,
      paidAt: line.paidAt.toISOString(),
    },
    chain,
  );
  return computed.map((e) => ({
    key: e.key,
    beneficiaryId: e.beneficiaryId,
    rule: e.rule,
    causeType: 'order_line',
    orderId: line.orderId,
    orderLineId: line.orderLineId,
    campaignId: line.campaignId,
    skuId: line.skuId,
    planId: plan.planId,
    planVersion: plan.version,
    chainPosition: e.chainPosition,
    baseFen: e.baseFen,
    rateBps: e.rateBps,
    perUnitFen: e.perUnitFen,
    amountFen: e.amountFen,
    explanation: e.explanation,
    paidAt: line.paidAt,
    lineQuantity: line.quantity,
    lineFen: line.amountFen,
  }));
}
