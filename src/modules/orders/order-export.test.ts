import { describe, expect, it } from 'vitest';
import { countsInTotal, orderExportColumns, orderLineExportColumns } from './order-export.js';
import type { OrderExportRow, OrderLineExportRow } from './orders.queries.js';

const order: OrderExportRow = {
  id: 'ord_1',
  status: 'paid',
  campaignId: 'cmp_1',
  campaignName: '周末鲜果团',
  leaderId: 'ldr_1',
  leaderName: '王阿姨',
  leaderCode: 'L0001',
  pickupPointId: 'pp_1',
  pickupPointName: '西湖花园 3 幢',
  customerName: '小陈',
  phoneMasked: '138****0001',
  totalFen: 1980,
  itemCount: 2,
  placedAt: '2026-03-01T23:30:00.000Z',
  paymentDueAt: '2026-03-01T23:45:00.000Z',
  pickupCode: '482913',
  refundedFen: 990,
};

const cell = <R>(cols: readonly { header: string; value(r: R): string | number }[], r: R, header: string) =>
  cols.find((c) => c.header === header)?.value(r);

describe('the order export columns', () => {
  it('show the placing time on the business clock, named in the header', () => {
    const cols = orderExportColumns('Asia/Shanghai');
    expect(cell(cols, order, '下单时间 Placed (Asia/Shanghai)')).toBe('2026-03-02 07:30:00');
    expect(cell(orderExportColumns('UTC'), order, '下单时间 Placed (UTC)')).toBe('2026-03-01 23:30:00');
  });

  it('carry the pickup code, the refund and the net in yuan', () => {
    const cols = orderExportColumns('Asia/Shanghai');
    expect(cell(cols, order, '提货码 Pickup code')).toBe('482913');
    expect(cell(cols, order, '已退款(元) Refunded')).toBe(9.9);
    expect(cell(cols, order, '净额(元) Net = 金额 − 已退款')).toBe(9.9);
    expect(cell(cols, order, '状态 Status')).toBe('已付款');
  });

  it('give each SKU line its own net', () => {
    const line: OrderLineExportRow = {
      orderId: 'ord_1',
      status: 'paid',
      placedAt: order.placedAt,
      pickupCode: '482913',
      leaderName: '王阿姨',
      leaderCode: 'L0001',
      pickupPointName: '西湖花园 3 幢',
      customerName: null,
      productName: '赣南脐橙',
      spec: '5kg',
      skuCode: 'QC-5',
      quantity: 2,
      refundedQuantity: 1,
      unitPriceFen: 990,
      amountFen: 1980,
      refundedFen: 990,
    };
    const cols = orderLineExportColumns('Asia/Shanghai');
    expect(cell(cols, line, '净额(元) Net = 金额 − 已退款')).toBe(9.9);
    expect(cell(cols, line, '用户 Customer')).toBe('');
  });
});

describe('countsInTotal', () => {
  it.each([
    ['cancelled', false],
    ['pending_payment', true],
    ['paid', true],
    ['refunded', true],
  ])('%s → %s', (status, counted) => {
    expect(countsInTotal({ status })).toBe(counted);
  });
});
