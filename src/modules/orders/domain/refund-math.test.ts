import { describe, expect, it } from 'vitest';
import { ORDER_STATUSES } from '../orders.tables.js';
import {
  isFullyRefunded,
  planRefund,
  type RefundableLine,
  refundAmountFen,
  refundableStatus,
  remainingRefundable,
  returnsStockOnRefund,
} from './refund-math.js';

const line = (id: string, quantity: number, unitPriceFen: number, refundedQuantity = 0): RefundableLine => ({
  id,
  skuId: `sku_${id}`,
  campaignItemId: `cmi_${id}`,
  warehouseId: 'wh_1',
  quantity,
  refundedQuantity,
  unitPriceFen,
});

describe('refund arithmetic', () => {
  it('knows what is left on a line, and what units cost', () => {
    expect(remainingRefundable(line('a', 3, 990))).toBe(3);
    expect(remainingRefundable(line('a', 3, 990, 2))).toBe(1);
    expect(remainingRefundable(line('a', 3, 990, 3))).toBe(0);
    expect(refundAmountFen(line('a', 3, 990), 2)).toBe(1980);
    expect(refundAmountFen(line('a', 3, 0), 2)).toBe(0);
  });

  it('is fully refunded only when every unit of every line is', () => {
    expect(isFullyRefunded([line('a', 2, 1, 2), line('b', 1, 1, 1)])).toBe(true);
    expect(isFullyRefunded([line('a', 2, 1, 2), line('b', 1, 1, 0)])).toBe(false);
    expect(isFullyRefunded([])).toBe(false);
  });

  it('refunds the whole order as every unit left, line by line', () => {
    const plan = planRefund([line('a', 3, 990, 1), line('b', 1, 1500)], { whole: true });
    expect(plan).toMatchObject({ ok: true, amountFen: 2 * 990 + 1500, fully: true });
    if (!plan.ok) throw new Error('refused');
    expect(plan.lines.map((p) => [p.line.id, p.quantity, p.amountFen])).toEqual([
      ['a', 2, 1980],
      ['b', 1, 1500],
    ]);
  });

  it('skips lines with nothing left in a whole-order refund, and refuses one with nothing left at all', () => {
    const plan = planRefund([line('a', 2, 100, 2), line('b', 1, 50)], { whole: true });
    expect(plan.ok && plan.lines.map((p) => p.line.id)).toEqual(['b']);
    expect(planRefund([line('a', 2, 100, 2)], { whole: true })).toMatchObject({
      ok: false,
      code: 'orders.refund_closed',
    });
  });

  it('refunds chosen quantities of chosen lines, in the order’s line order', () => {
    const lines = [line('a', 3, 990), line('b', 2, 1500)];
    const plan = planRefund(lines, {
      whole: false,
      lines: [
        { orderLineId: 'b', quantity: 2 },
        { orderLineId: 'a', quantity: 1 },
      ],
    });
    expect(plan).toMatchObject({ ok: true, amountFen: 990 + 3000, fully: false });
    expect(plan.ok && plan.lines.map((p) => p.line.id)).toEqual(['a', 'b']);
  });

  it('is fully refunded when partial refunds add up to every unit', () => {
    const first = planRefund([line('a', 3, 100)], {
      whole: false,
      lines: [{ orderLineId: 'a', quantity: 2 }],
    });
    expect(first).toMatchObject({ ok: true, fully: false, amountFen: 200 });
    const last = planRefund([line('a', 3, 100, 2)], {
      whole: false,
      lines: [{ orderLineId: 'a', quantity: 1 }],
    });
    expect(last).toMatchObject({ ok: true, fully: true, amountFen: 100 });
  });

  it.each([
    [[], 'orders.refund_lines_required', 'body.lines'],
    [[{ orderLineId: 'zz', quantity: 1 }], 'orders.refund_line_not_in_order', 'body.lines.0.orderLineId'],
    [
      [
        { orderLineId: 'a', quantity: 1 },
        { orderLineId: 'a', quantity: 1 },
      ],
      'orders.refund_line_duplicate',
      'body.lines.1.orderLineId',
    ],
    [[{ orderLineId: 'a', quantity: 0 }], 'orders.refund_quantity_invalid', 'body.lines.0.quantity'],
    [[{ orderLineId: 'a', quantity: -1 }], 'orders.refund_quantity_invalid', 'body.lines.0.quantity'],
    [[{ orderLineId: 'a', quantity: 1.5 }], 'orders.refund_quantity_invalid', 'body.lines.0.quantity'],
    [
      [
        { orderLineId: 'b', quantity: 1 },
        { orderLineId: 'a', quantity: 3 },
      ],
      'orders.refund_exceeds_remaining',
      'body.lines.1.quantity',
    ],
  ])('refuses %j with %s naming %s', (picks, code, field) => {
    const lines = [line('a', 3, 100, 1), line('b', 1, 100)];
    expect(planRefund(lines, { whole: false, lines: picks })).toMatchObject({ ok: false, code, field });
  });

  it('says how many are left on the line, not its id, when asked for more', () => {
    const lines = [line('ol_secret', 3, 100, 1)];
    expect(planRefund(lines, { whole: false, lines: [{ orderLineId: 'ol_secret', quantity: 3 }] })).toEqual({
      ok: false,
      code: 'orders.refund_exceeds_remaining',
      field: 'body.lines.0.quantity',
      detail: '2',
    });
  });

  it('refunds paid orders of any status from paid to completed, and returns stock only before shipping', () => {
    const ok = ORDER_STATUSES.filter((s) => refundableStatus(s) === 'ok');
    expect(ok).toEqual(['paid', 'confirmed', 'shipped', 'delivered', 'picked_up', 'completed']);
    expect(refundableStatus('pending_payment')).toBe('not_paid');
    expect(refundableStatus('on_hold')).toBe('not_paid');
    expect(refundableStatus('cancelled')).toBe('closed');
    expect(refundableStatus('refunded')).toBe('closed');
    expect(ORDER_STATUSES.filter(returnsStockOnRefund)).toEqual(['paid', 'confirmed']);
  });
});
