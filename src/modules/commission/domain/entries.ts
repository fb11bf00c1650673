/**
 * What the engine computes: one entry per amount a leader earns, with the rule, the base, the rate
 * (or per-unit amount), the chain position and a structured explanation from which the leader's page
 * writes a sentence in Chinese or English ("why did I get this fen").
 */

/** Rules computed per order line. */
export const LINE_RULES = ['direct', 'differential', 'peer', 'generation', 'recruit_rate'] as const;
export type LineRule = (typeof LINE_RULES)[number];

/** Rules computed per period or event (month close, campaign close, a recruit's threshold). */
export const PERIOD_RULES = ['tiered', 'regional_dividend', 'hot_product', 'recruit_bonus'] as const;
export type PeriodRule = (typeof PERIOD_RULES)[number];

export type CommissionRule = LineRule | PeriodRule;
export const COMMISSION_RULES: readonly CommissionRule[] = [...LINE_RULES, ...PERIOD_RULES];

/** Where direct commission's rate came from ("most specific wins"). */
export type DirectSource = 'sku_fixed' | 'sku_rate' | 'category_rate' | 'level_default';

/** Set on an entry whose amount was reduced so that the line's entries never exceed its base. */
export interface Capped {
  /** The amount before the cap; the entry's `amountFen` is what was left of the base. */
  cappedFromFen?: number;
}

export type LineExplanation =
  | ({
      rule: 'direct';
      levelId: string | null;
      source: DirectSource;
      skuId: string;
      categoryId: string | null;
      quantity: number;
      selfPurchase: boolean;
    } & Capped)
  | ({
      rule: 'differential';
      levelId: string | null;
      teamRateBps: number;
      /** The highest team rate among L0 … Li−1, and the position holding it first. */
      highestBelowBps: number;
      highestBelowPosition: number;
    } & Capped)
  | ({
      rule: 'peer';
      levelId: string | null;
      /** 1 for the first same-level upline of the source, 2 for the next one, … */
      generation: number;
      sourcePosition: number;
      sourceLeaderId: string;
      /** What the source earned on this line: direct if it is L0, its differential otherwise. */
      sourceRule: 'direct' | 'differential';
      sourceAmountFen: number;
    } & Capped)
  | ({ rule: 'generation'; levelId: string | null; generation: number } & Capped)
  | ({
      rule: 'recruit_rate';
      recruitId: string;
      recruitApprovedAt: string;
      rateDays: number;
    } & Capped);

/** One amount computed for one order line. */
export interface LineEntry {
  /**
   * Deterministic and unique per line: `line:<orderLineId>:<rule>:<position>:<beneficiaryId>`. The
   * ledger's idempotency key derives from it, so recomputing a line never posts twice.
   */
  key: string;
  orderLineId: string;
  orderId: string;
  beneficiaryId: string;
  rule: LineRule;
  /** 0 for the order's own leader L0, i for upline Li. */
  chainPosition: number;
  /** What the rate applies to: the line's paid amount, or for a peer bonus the source's earning. */
  baseFen: number;
  rateBps: number | null;
  perUnitFen: number | null;
  amountFen: number;
  explanation: LineExplanation;
}

export function lineEntryKey(orderLineId: string, rule: LineRule, position: number, beneficiaryId: string) {
  return `line:${orderLineId}:${rule}:${position}:${beneficiaryId}`;
}
