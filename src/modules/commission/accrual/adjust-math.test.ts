import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appliedKey,
  type EntryState,
  planAdjustments,
  type RefundLine,
  splitClawbacks,
  takeRestOfEntry,
  type WholeEntry,
} from './adjust-math.js';

const entry = (patch: Partial<EntryState> = {}): EntryState => ({
  id: 'cen_1',
  key: 'line:oln_1:direct:0:L0',
  beneficiaryId: 'L0',
  orderId: 'ord_1',
  orderLineId: 'oln_1',
  status: 'estimated',
  amountFen: 1000,
  voidedFen: 0,
  clawedBackFen: 0,
  lineQuantity: 3,
  lineFen: 2970,
  refundedQuantity: 0,
  refundedLineFen: 0,
  ...patch,
});

const refund = (refundId: string, quantity: number, unit = 990, orderLineId = 'oln_1'): RefundLine => ({
  refundId,
  orderLineId,
  quantity,
  amountFen: quantity * unit,
  at: new Date('2026-03-02T00:00:00Z'),
});

describe('planAdjustments', () => {
  it('voids in proportion to the units refunded, and all of it when the rest is refunded', () => {
    const { adjustments, next } = planAdjustments([entry()], [refund('r1', 1), refund('r2', 2)], new Set());
    expect(adjustments.map((a) => [a.refundId, a.kind, a.quantity, a.lineFen, a.amountFen])).toEqual([
      ['r1', 'void', 1, 990, 333],
      ['r2', 'void', 2, 1980, 667],
    ]);
    expect(next.get('cen_1')).toMatchObject({
      voidedFen: 1000,
      clawedBackFen: 0,
      refundedQuantity: 3,
      refundedLineFen: 2970,
      status: 'voided',
    });
  });

  it('applies a refund once per entry, and only to the entries of the lines it refunded', () => {
    const other = entry({ id: 'cen_2', key: 'line:oln_2:direct:0:L0', orderLineId: 'oln_2' });
    const done = new Set([appliedKey('cen_1', 'r1')]);
    const { adjustments, next } = planAdjustments([entry(), other], [refund('r1', 1), refund('r2', 1)], done);
    expect(adjustments.map((a) => [a.entryId, a.refundId])).toEqual([['cen_1', 'r2']]);
    expect(next.has('cen_2')).toBe(false);
  });

  it('claws back from a settled entry, which stays settled', () => {
    const { adjustments, next } = planAdjustments(
      [entry({ status: 'settled' })],
      [refund('r1', 3)],
      new Set(),
    );
    expect(adjustments[0]).toMatchObject({ kind: 'clawback', amountFen: 1000 });
    expect(next.get('cen_1')).toMatchObject({ status: 'settled', clawedBackFen: 1000, voidedFen: 0 });
  });

  it('voids what is left of a final entry and keeps it final until nothing is left', () => {
    const { next } = planAdjustments([entry({ status: 'final' })], [refund('r1', 1)], new Set());
    expect(next.get('cen_1')).toMatchObject({ status: 'final', voidedFen: 333 });
  });

  it('refuses a refund of more units than the line has left (a caller’s mistake, never silent)', () => {
    expect(() =>
      planAdjustments([entry({ refundedQuantity: 3, refundedLineFen: 2970 })], [refund('r1', 1)], new Set()),
    ).toThrow(RangeError);
  });

  it('property: any split of the line into refunds takes exactly the whole entry', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 12 }),
        (amountFen, quantity, unit, cuts) => {
          const parts: number[] = [];
          let left = quantity;
          for (const c of cuts) {
            if (left === 0) break;
            const q = Math.min(c, left);
            parts.push(q);
            left -= q;
          }
          if (left > 0) parts.push(left);
          const e = entry({ amountFen, lineQuantity: quantity, lineFen: quantity * unit });
          const { adjustments, next } = planAdjustments(
            [e],
            parts.map((q, i) => refund(`r${i}`, q, unit)),
            new Set(),
          );
          const voided = adjustments.reduce((s, a) => s + a.amountFen, 0);
          expect(voided).toBe(amountFen);
          expect(adjustments.every((a) => a.amountFen >= 0)).toBe(true);
          const after = next.get(e.id);
          expect(after?.refundedLineFen).toBe(quantity * unit);
          if (amountFen > 0) expect(after?.status).toBe('voided');
        },
      ),
    );
  });
});

describe('splitClawbacks', () => {
  it('takes from available first, the rest is owed, in order', () => {
    expect(splitClawbacks([300, 500, 200], 600)).toEqual([
      { fromAvailableFen: 300, toOwedFen: 0 },
      { fromAvailableFen: 300, toOwedFen: 200 },
      { fromAvailableFen: 0, toOwedFen: 200 },
    ]);
  });

  it('owes everything when nothing is available', () => {
    expect(splitClawbacks([100], 0)).toEqual([{ fromAvailableFen: 0, toOwedFen: 100 }]);
    expect(splitClawbacks([100], -5)).toEqual([{ fromAvailableFen: 0, toOwedFen: 100 }]);
  });
});

describe('takeRestOfEntry', () => {
  const whole = (patch: Partial<WholeEntry> = {}): WholeEntry => ({
    id: 'cen_rb',
    key: 'recruit_bonus:L9',
    beneficiaryId: 'L1',
    status: 'final',
    amountFen: 5000,
    voidedFen: 0,
    clawedBackFen: 0,
    refundedQuantity: 0,
    refundedLineFen: 0,
    ...patch,
  });
  const cause = { refundId: 'r1', orderId: 'ord_9', at: new Date('2026-03-20T00:00:00Z') };

  it('voids what is left of an entry not yet settled, and the entry becomes voided', () => {
    const r = takeRestOfEntry(whole(), cause, 'why');
    expect(r?.adjustment).toMatchObject({
      entryId: 'cen_rb',
      entryKey: 'recruit_bonus:L9',
      orderId: 'ord_9',
      beneficiaryId: 'L1',
      refundId: 'r1',
      kind: 'void',
      quantity: 0,
      lineFen: 0,
      amountFen: 5000,
      reason: 'why',
    });
    expect(r?.next).toMatchObject({ status: 'voided', voidedFen: 5000, clawedBackFen: 0 });
  });

  it('claws back what is left of a settled entry, which stays settled', () => {
    const r = takeRestOfEntry(whole({ status: 'settled', clawedBackFen: 1000 }), cause, 'why');
    expect(r?.adjustment).toMatchObject({ kind: 'clawback', amountFen: 4000 });
    expect(r?.next).toMatchObject({ status: 'settled', voidedFen: 0, clawedBackFen: 5000 });
  });

  it('takes nothing from an entry with nothing left (a replayed or second refund)', () => {
    expect(takeRestOfEntry(whole({ status: 'settled', clawedBackFen: 5000 }), cause, 'why')).toBeNull();
    expect(takeRestOfEntry(whole({ status: 'voided', voidedFen: 5000 }), cause, 'why')).toBeNull();
    expect(takeRestOfEntry(whole({ amountFen: 0 }), cause, 'why')).toBeNull();
  });
});
