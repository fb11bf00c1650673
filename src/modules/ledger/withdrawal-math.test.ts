import { describe, expect, it } from 'vitest';
import {
  approvalRefusal,
  DEFAULT_WITHDRAWAL_RULES,
  decideWithdrawal,
  netOfDebt,
  splitWithdrawal,
  type WithdrawalRules,
} from './withdrawal-math.js';

const rules = (over: Partial<WithdrawalRules> = {}): WithdrawalRules => ({
  ...DEFAULT_WITHDRAWAL_RULES,
  ...over,
});

describe('splitWithdrawal', () => {
  it.each([
    // amount, fixed fee, fee bps, tax bps → fee, tax, net (hand-computed, half up to the fen)
    [10_000, 0, 0, 0, 0, 0, 10_000],
    [10_000, 200, 0, 0, 200, 0, 9_800],
    [10_000, 0, 60, 0, 60, 0, 9_940], // 0.6% of ¥100 = ¥0.60
    [12_345, 0, 60, 0, 74, 0, 12_271], // 74.07 → 74
    [12_375, 0, 60, 0, 74, 0, 12_301], // 74.25 → 74
    [12_500, 0, 60, 0, 75, 0, 12_425], // 75.00
    [1_250, 0, 20, 0, 3, 0, 1_247], // 2.5 → 3 (half up)
    [1_249, 0, 20, 0, 2, 0, 1_247], // 2.498 → 2
    [10_000, 100, 50, 2_000, 150, 2_000, 7_850], // tax 20% of the gross amount
    [3_333, 0, 0, 2_000, 0, 667, 2_666], // 666.6 → 667
    [25, 0, 0, 2_000, 0, 5, 20],
    [1, 0, 0, 5_000, 0, 1, 0], // 0.5 → 1: nothing left, refused by decideWithdrawal
  ])(
    'amount %i, fee %i + %i bps, tax %i bps → fee %i, tax %i, net %i',
    (amount, fixed, feeBps, taxBps, fee, tax, net) => {
      const s = splitWithdrawal(amount, { feeFixedFen: fixed, feeBps, taxBps });
      expect(s).toEqual({ amountFen: amount, feeFen: fee, taxFen: tax, netFen: net });
      expect(s.feeFen + s.taxFen + s.netFen).toBe(amount);
    },
  );

  it('refuses an amount that is not whole fen', () => {
    expect(() => splitWithdrawal(10.5, { feeFixedFen: 0, feeBps: 0, taxBps: 0 })).toThrow(RangeError);
  });
});

describe('decideWithdrawal', () => {
  const base = {
    rules: rules({ minAmountFen: 1_000, dailyCountLimit: 2 }),
    withdrawableFen: 50_000,
    requestsToday: 0,
  };

  it('accepts an amount between the minimum and the withdrawable balance', () => {
    expect(decideWithdrawal({ ...base, amountFen: 1_000 })).toEqual({
      ok: true,
      split: { amountFen: 1_000, feeFen: 0, taxFen: 0, netFen: 1_000 },
    });
    expect(decideWithdrawal({ ...base, amountFen: 50_000 }).ok).toBe(true);
  });

  it('refuses below the minimum, above the balance, over the daily count, and a net of nothing', () => {
    const code = (r: ReturnType<typeof decideWithdrawal>) => (r.ok ? 'ok' : r.refusal.code);
    expect(code(decideWithdrawal({ ...base, amountFen: 999 }))).toBe('ledger.below_minimum');
    expect(code(decideWithdrawal({ ...base, amountFen: 50_001 }))).toBe('ledger.above_available');
    expect(code(decideWithdrawal({ ...base, amountFen: 2_000, requestsToday: 2 }))).toBe(
      'ledger.daily_limit_reached',
    );
    expect(
      code(
        decideWithdrawal({ ...base, rules: rules({ minAmountFen: 1, feeFixedFen: 100 }), amountFen: 100 }),
      ),
    ).toBe('ledger.amount_below_fees');
    // A leader who owes more than is available has nothing withdrawable.
    expect(code(decideWithdrawal({ ...base, withdrawableFen: -500, amountFen: 1_000 }))).toBe(
      'ledger.above_available',
    );
  });

  it('checks the amount itself before the balance, and the balance before the day’s count', () => {
    const r = decideWithdrawal({ ...base, amountFen: 10, withdrawableFen: 0, requestsToday: 9 });
    expect(r.ok ? null : r.refusal.code).toBe('ledger.below_minimum');
    const r2 = decideWithdrawal({ ...base, amountFen: 60_000, requestsToday: 9 });
    expect(r2.ok ? null : r2.refusal.code).toBe('ledger.above_available');
  });
});

describe('debt (欠款) and withdrawals', () => {
  const base = { rules: rules(), withdrawableFen: 50_000, requestsToday: 0, amountFen: 2_000 };
  it('refuses a leader who owes anything unless the rules allow it', () => {
    const r = decideWithdrawal({ ...base, owedFen: 1 });
    expect(r.ok ? 'ok' : r.refusal.code).toBe('ledger.owed_outstanding');
    expect(decideWithdrawal({ ...base, owedFen: 0 }).ok).toBe(true);
    expect(decideWithdrawal({ ...base, owedFen: 1, rules: rules({ withdrawWhileOwed: true }) }).ok).toBe(
      true,
    );
  });
  it('refuses the approval while owed unless the rules allow it', () => {
    expect(approvalRefusal(1, { withdrawWhileOwed: false })?.code).toBe('ledger.owed_outstanding');
    expect(approvalRefusal(0, { withdrawWhileOwed: false })).toBeNull();
    expect(approvalRefusal(500, { withdrawWhileOwed: true })).toBeNull();
  });
  it('nets available against owed, negative while the debt is larger', () => {
    expect(netOfDebt(1_000, 300)).toBe(700);
    expect(netOfDebt(0, 300)).toBe(-300);
  });
});
