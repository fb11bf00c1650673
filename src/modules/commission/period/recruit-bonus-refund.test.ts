import { describe, expect, it } from 'vitest';
import { type RecruitBonusHeld, recruitBonusRefund } from './recruit-bonus-refund.js';

const bonus = (patch: Partial<RecruitBonusHeld> = {}): RecruitBonusHeld => ({
  id: 'cen_rb',
  key: 'recruit_bonus:L9',
  beneficiaryId: 'L1',
  status: 'settled',
  amountFen: 5000,
  voidedFen: 0,
  clawedBackFen: 0,
  refundedQuantity: 0,
  refundedLineFen: 0,
  recruitId: 'L9',
  recruitName: '新人甲',
  thresholdFen: 100_000,
  ...patch,
});

const at = new Date('2026-03-20T00:00:00Z');
const r1 = { refundId: 'ref_1', orderId: 'ord_1', at };
const r2 = { refundId: 'ref_2', orderId: 'ord_2', at: new Date(at.getTime() + 60_000) };

describe('recruitBonusRefund', () => {
  it('claws back a settled bonus when the sales fall below the threshold, naming the recruit and the last order', () => {
    const out = recruitBonusRefund(bonus(), [r1, r2], 99_999);
    expect(out.take).toBe(true);
    if (!out.take) return;
    expect(out.adjustment).toMatchObject({
      kind: 'clawback',
      amountFen: 5000,
      refundId: 'ref_2',
      orderId: 'ord_2',
      beneficiaryId: 'L1',
    });
    expect(out.adjustment.reason).toContain('新人甲 (L9)');
    expect(out.adjustment.reason).toContain('ord_2');
    expect(out.adjustment.reason).toContain('¥999.99 < 门槛 threshold ¥1,000.00');
    expect(out.next).toMatchObject({ status: 'settled', clawedBackFen: 5000 });
  });

  it('voids a bonus not settled yet', () => {
    const out = recruitBonusRefund(bonus({ status: 'final' }), [r1], 0);
    expect(out).toMatchObject({ take: true, adjustment: { kind: 'void', amountFen: 5000 } });
  });

  it('changes nothing while the sales still reach the threshold (exactly the threshold counts)', () => {
    expect(recruitBonusRefund(bonus(), [r1], 100_000)).toEqual({ take: false, reason: 'still_qualifies' });
  });

  it('changes nothing without a refund of a window order, or when nothing of the bonus is left', () => {
    expect(recruitBonusRefund(bonus(), [], 0)).toEqual({ take: false, reason: 'no_window_refund' });
    expect(recruitBonusRefund(bonus({ clawedBackFen: 5000 }), [r1], 0)).toEqual({
      take: false,
      reason: 'nothing_left',
    });
  });

  it('counts negative sales as none', () => {
    const out = recruitBonusRefund(bonus(), [r1], -500);
    expect(out.take && out.adjustment.reason).toContain('销售额 sales ¥0.00');
  });
});
