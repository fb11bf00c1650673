import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildStatement,
  classifyLeg,
  type LegSide,
  type StatementLeg,
  statementBalance,
  zeroBuckets,
} from './statement-math.js';

const L = 'ldr_A';
const leader = (kind: string, leaderId = L): LegSide => ({ owner: 'leader', leaderId, kind });
const company = (kind: string): LegSide => ({ owner: 'company', leaderId: null, kind });
let nextId = 1;
const leg = (
  debit: LegSide,
  credit: LegSide,
  amountFen: number,
  causeType = 'commission_entry',
): StatementLeg => ({
  id: nextId++,
  at: new Date('2026-03-10T02:00:00Z'),
  amountFen,
  causeType,
  causeId: 'x',
  memo: null,
  debit,
  credit,
});

describe('classifyLeg', () => {
  it.each([
    [leg(company('commission_expense'), leader('pending'), 1), 'accrual'],
    [leg(leader('pending'), company('commission_expense'), 1), 'void'],
    [leg(leader('pending'), leader('available'), 1), 'settlement'],
    [leg(leader('available'), company('commission_expense'), 1), 'clawback'],
    [leg(leader('owed'), company('commission_expense'), 1), 'clawback'],
    [leg(leader('pending'), leader('owed'), 1), 'owed_repaid'],
    [leg(leader('available'), leader('withdrawing'), 1, 'withdrawal'), 'withdrawal'],
    [leg(leader('available'), company('fees'), 1, 'withdrawal'), 'fee'],
    [leg(leader('available'), company('tax_withheld'), 1, 'withdrawal'), 'tax'],
    [leg(leader('withdrawing'), leader('available'), 1, 'withdrawal'), 'returned'],
    [leg(company('fees'), leader('available'), 1, 'payout_line'), 'returned'],
    [leg(company('tax_withheld'), leader('available'), 1, 'payout_line'), 'returned'],
    [leg(leader('withdrawing'), leader('paid_out'), 1, 'payout_line'), 'paid'],
    [leg(company('commission_expense'), leader('available'), 1, 'demo_opening'), 'adjustment'],
    [leg(company('bank'), leader('available'), 1, 'manual'), 'adjustment'],
  ])('%# → %s', (l, category) => {
    expect(classifyLeg(l, L)).toBe(category);
  });
});

describe('buildStatement', () => {
  it('adds up a hand-computed month: opening + movements = closing, per account and in total', () => {
    const opening = { ...zeroBuckets(), pending: 500, available: 200 };
    const legs = [
      leg(company('commission_expense'), leader('pending'), 1_000), // accrual +1000
      leg(leader('pending'), company('commission_expense'), 100), // void −100
      leg(leader('pending'), leader('available'), 600), // settlement, 0
      leg(leader('available'), company('commission_expense'), 300), // clawback from available −300
      leg(leader('owed'), company('commission_expense'), 200), // clawback beyond it, owed +200: −200
      leg(leader('pending'), leader('owed'), 150), // next earnings repay owed, 0
      leg(leader('available'), leader('withdrawing'), 400, 'withdrawal'), // −400
      leg(leader('available'), company('fees'), 20, 'withdrawal'), // −20
      leg(leader('available'), company('tax_withheld'), 80, 'withdrawal'), // −80
      leg(leader('withdrawing'), leader('paid_out'), 400, 'payout_line'), // paid, 0
      leg(company('commission_expense'), leader('pending', 'ldr_OTHER'), 999), // not this leader's
    ];
    const s = buildStatement(L, opening, legs);
    expect(s.opening.balanceFen).toBe(700);
    const effect = Object.fromEntries(s.rows.map((r) => [r.category, r.effectFen]));
    expect(effect).toMatchObject({
      accrual: 1_000,
      void: -100,
      settlement: 0,
      clawback: -500,
      owed_repaid: 0,
      withdrawal: -400,
      fee: -20,
      tax: -80,
      paid: 0,
      returned: 0,
    });
    // 700 + 1000 − 100 − 500 − 400 − 20 − 80 = 600
    expect(s.closing.balanceFen).toBe(600);
    expect(s.closing).toEqual({
      pending: 500 + 1_000 - 100 - 600 - 150,
      available: 200 + 600 - 300 - 400 - 20 - 80,
      withdrawing: 0,
      paid_out: 400,
      owed: 50,
      balanceFen: 600,
    });
    expect(s.lines.at(-1)?.balanceAfterFen).toBe(600);
    // The other leader's accrual is listed (it was fetched) but moves nothing of this leader's.
    expect(s.lines.at(-1)?.effectFen).toBe(0);
  });

  it('holds opening + Σ effects = closing for any sequence of transfers', () => {
    const sides = [
      leader('pending'),
      leader('available'),
      leader('withdrawing'),
      leader('paid_out'),
      leader('owed'),
      leader('available', 'ldr_B'),
      company('commission_expense'),
      company('fees'),
      company('tax_withheld'),
      company('bank'),
    ];
    const arbLeg = fc
      .record({
        d: fc.nat({ max: sides.length - 1 }),
        c: fc.nat({ max: sides.length - 1 }),
        amount: fc.integer({ min: 1, max: 1_000_000 }),
        demo: fc.boolean(),
      })
      .filter((x) => x.d !== x.c)
      .map((x) =>
        leg(sides[x.d] as LegSide, sides[x.c] as LegSide, x.amount, x.demo ? 'demo_opening' : 'cause'),
      );
    const arbBuckets = fc.record({
      pending: fc.integer({ min: 0, max: 10_000_000 }),
      available: fc.integer({ min: 0, max: 10_000_000 }),
      withdrawing: fc.integer({ min: 0, max: 10_000_000 }),
      paid_out: fc.integer({ min: 0, max: 10_000_000 }),
      owed: fc.integer({ min: 0, max: 10_000_000 }),
    });
    fc.assert(
      fc.property(arbBuckets, fc.array(arbLeg, { maxLength: 40 }), (opening, legs) => {
        const s = buildStatement(L, opening, legs);
        const effects = s.rows.reduce((a, r) => a + r.effectFen, 0);
        expect(s.closing.balanceFen).toBe(s.opening.balanceFen + effects);
        for (const k of ['pending', 'available', 'withdrawing', 'paid_out', 'owed'] as const) {
          expect(s.closing[k]).toBe(opening[k] + s.rows.reduce((a, r) => a + r.deltas[k], 0));
        }
        expect(s.closing.balanceFen).toBe(statementBalance(s.closing));
        expect(s.rows.reduce((a, r) => a + r.count, 0)).toBe(legs.length);
      }),
    );
  });
});
