import { applyRateBps, assertFen, type Fen } from '../../platform/money.js';

/** The withdrawal rules finance configures (提现设置). */
export interface WithdrawalRules {
  minAmountFen: Fen;
  /** A fixed fee per withdrawal, in fen (0: none). */
  feeFixedFen: Fen;
  /** A fee as a rate of the amount, in basis points (0: none); added to the fixed fee. */
  feeBps: number;
  /** Requests a leader may make per calendar day (Asia/Shanghai), rejected ones not counted. */
  dailyCountLimit: number;
  /** Personal income tax withheld (代扣个税), as a rate of the amount in basis points (0: off). */
  taxBps: number;
  /**
   * Whether a leader who owes the company (欠款 > 0, after a clawback beyond their available balance)
   * may still withdraw, and finance approve their withdrawals. Off by default: money owed is repaid
   * from the leader's next settled earnings first, and paying a leader in debt is what made finance
   * approve a payout they later could not recover.
   */
  withdrawWhileOwed: boolean;
}

export const DEFAULT_WITHDRAWAL_RULES: WithdrawalRules = {
  minAmountFen: 1_000,
  feeFixedFen: 0,
  feeBps: 0,
  dailyCountLimit: 3,
  taxBps: 0,
  withdrawWhileOwed: false,
};

export interface WithdrawalSplit {
  amountFen: Fen;
  feeFen: Fen;
  taxFen: Fen;
  /** What reaches the leader's bank card or WeChat: amount − fee − tax. */
  netFen: Fen;
}

/**
 * How a requested amount splits. The fee is the fixed fee plus the rate fee; the tax is its rate of
 * the amount the leader withdraws (the gross, before the fee: the fee is a charge the leader pays
 * out of income, not a reduction of it). Each rate is rounded half up to the fen on its own, so every
 * part is a whole fen and the parts sum to the amount exactly.
 */
export function splitWithdrawal(
  amountFen: Fen,
  rules: Pick<WithdrawalRules, 'feeFixedFen' | 'feeBps' | 'taxBps'>,
) {
  assertFen(amountFen, 'amountFen');
  const feeFen = rules.feeFixedFen + applyRateBps(amountFen, rules.feeBps);
  const taxFen = applyRateBps(amountFen, rules.taxBps);
  return { amountFen, feeFen, taxFen, netFen: amountFen - feeFen - taxFen } satisfies WithdrawalSplit;
}

export type WithdrawalRefusal =
  | { code: 'ledger.below_minimum'; detail: string }
  | { code: 'ledger.owed_outstanding'; detail: string }
  | { code: 'ledger.above_available'; detail: string }
  | { code: 'ledger.amount_below_fees'; detail: string }
  | { code: 'ledger.daily_limit_reached'; detail: string };

/**
 * Decides a request against the rules, the leader's withdrawable balance and the requests already
 * made today. Order matters for the message a person sees: the amount's own bounds first, then the
 * balance, then the day's count.
 */
export function decideWithdrawal(input: {
  amountFen: Fen;
  rules: WithdrawalRules;
  /** Available minus anything the leader owes: what may leave the ledger now. */
  withdrawableFen: Fen;
  /** What the leader owes (欠款); refused outright while above 0 unless the rules allow it. */
  owedFen?: Fen;
  requestsToday: number;
}): { ok: true; split: WithdrawalSplit } | { ok: false; refusal: WithdrawalRefusal } {
  const { amountFen, rules, withdrawableFen, requestsToday } = input;
  const owedFen = input.owedFen ?? 0;
  if (amountFen < rules.minAmountFen) {
    return {
      ok: false,
      refusal: {
        code: 'ledger.below_minimum',
        detail: `minimum ${rules.minAmountFen} fen, asked ${amountFen}`,
      },
    };
  }
  if (owedFen > 0 && !rules.withdrawWhileOwed) {
    return {
      ok: false,
      refusal: { code: 'ledger.owed_outstanding', detail: `the leader owes ${owedFen} fen` },
    };
  }
  if (amountFen > withdrawableFen) {
    return {
      ok: false,
      refusal: {
        code: 'ledger.above_available',
        detail: `withdrawable ${Math.max(0, withdrawableFen)} fen, asked ${amountFen}`,
      },
    };
  }
  const split = splitWithdrawal(amountFen, rules);
  if (split.netFen < 1) {
    return {
      ok: false,
      refusal: {
        code: 'ledger.amount_below_fees',
        detail: `fee ${split.feeFen} + tax ${split.taxFen} fen leave ${split.netFen}`,
      },
    };
  }
  if (requestsToday >= rules.dailyCountLimit) {
    return {
      ok: false,
      refusal: {
        code: 'ledger.daily_limit_reached',
        detail: `${requestsToday} of ${rules.dailyCountLimit} requests made today`,
      },
    };
  }
  return { ok: true, split };
}

/**
 * Whether finance may approve a withdrawal now, given what its leader owes at this moment: a
 * clawback can put a leader in debt after they asked, and under the default rules a leader in debt
 * is not paid until the debt is repaid (finance rejects the request, which returns the money to
 * available, where the next settlement's netting or the debt rules find it).
 */
export function approvalRefusal(
  owedFen: Fen,
  rules: Pick<WithdrawalRules, 'withdrawWhileOwed'>,
): { code: 'ledger.owed_outstanding'; detail: string } | null {
  if (owedFen > 0 && !rules.withdrawWhileOwed)
    return { code: 'ledger.owed_outstanding', detail: `the leader owes ${owedFen} fen` };
  return null;
}

/** What a reviewer weighs: available (可提现), owed (欠款) and the net of the two (净额, may be negative). */
export function netOfDebt(availableFen: Fen, owedFen: Fen): number {
  return availableFen - owedFen;
}
