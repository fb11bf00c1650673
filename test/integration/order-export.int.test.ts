import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerOrderSubscribers } from '../../src/modules/orders/index.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { call } from './support.js';

/**
 * The order export (issue 16, part 6): its 合计 row leaves out cancelled orders and is net of refunds
 * and says so, a second sheet lists the SKU lines, the pickup codes are there, and times and the file
 * name are on the business clock (Asia/Shanghai), not UTC.
 */
let t: TestApp;
let admin: Session;
let s: Sale;
beforeAll(async () => {
  t = await createTestApp();
  registerOrderSubscribers(t.tdb.deps);
  s = await arrangeSale(t.tdb, { priceFen: 990 });
  admin = await sessionFor(t, ['admin']);
});
afterAll(() => t.close());

let seq = 0;
async function place(phone: string, quantity: number) {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `export-${Date.now()}-${++seq}` },
    payload: orderBody(s, phone, quantity),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().order as { id: string; pickupCode: string };
}

/** Every cell of a sheet as plain values, row by row (row 1 the header). */
function rowsOf(ws: ExcelJS.Worksheet | undefined): unknown[][] {
  const out: unknown[][] = [];
  ws?.eachRow((row) => {
    out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

/** `at` shifted to Shanghai's wall clock (UTC+8 all year), `YYYY-MM-DD HH:mm:ss`. */
const shanghai = (at: Date) =>
  new Date(at.getTime() + 8 * 3_600_000).toISOString().replace('T', ' ').slice(0, 19);

describe('the order export', () => {
  it('totals what was really sold, lists SKU lines and pickup codes, on Shanghai time', async () => {
    const refunded = await place(newPhone(), 2);
    const pending = await place(newPhone(), 1);
    const cancelled = await place(newPhone(), 3);
    expect(
      (await call(t, admin, 'POST', `/api/orders/${refunded.id}/mark-paid`, { reference: 'x' })).statusCode,
    ).toBe(204);
    const [line] = (
      await t.tdb.deps.pool.query<{ id: string }>('SELECT id FROM order_lines WHERE order_id = $1', [
        refunded.id,
      ])
    ).rows;
    const refund = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${refunded.id}/refunds`,
      headers: { ...admin.headers, 'idempotency-key': `export-refund-${Date.now()}` },
      payload: { reason: '顾客退货', lines: [{ orderLineId: line?.id, quantity: 1 }], reference: '原路退回' },
    });
    expect(refund.statusCode, refund.body).toBe(201);
    expect(
      (await call(t, admin, 'POST', `/api/orders/${cancelled.id}/cancel`, { reason: '重复下单' })).statusCode,
    ).toBe(204);

    // 17:30 UTC is already 01:30 the next day in Shanghai: the file is named by the business day.
    t.tdb.deps.clock.set('2026-03-01T17:30:00Z');
    admin = await sessionFor(t, ['admin']);
    const res = await call(t, admin, 'GET', `/api/orders/export?campaignId=${s.campaignId}`);
    expect(res.statusCode, res.body).toBe(200);
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toContain('orders-2026-03-02.xlsx');
    expect(disposition).not.toContain('2026-03-01');

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['订单 Orders', '商品明细 Lines']);

    const orders = rowsOf(wb.worksheets[0]);
    const header = orders[0] ?? [];
    expect(header).toContain('下单时间 Placed (Asia/Shanghai)');
    expect(header).toContain('提货码 Pickup code');
    const col = (name: string) => header.indexOf(name);
    const byId = (id: string) => orders.find((r) => r[0] === id) ?? [];
    expect(orders).toHaveLength(1 + 3 + 1);
    for (const o of [refunded, pending, cancelled])
      expect(byId(o.id)[col('提货码 Pickup code')]).toBe(o.pickupCode);
    const placed = (
      await t.tdb.deps.pool.query<{ placed_at: Date }>('SELECT placed_at FROM orders WHERE id = $1', [
        pending.id,
      ])
    ).rows[0]?.placed_at;
    expect(byId(pending.id)[col('下单时间 Placed (Asia/Shanghai)')]).toBe(shanghai(placed ?? new Date(0)));
    expect(byId(refunded.id)[col('已退款(元) Refunded')]).toBe(9.9);
    expect(byId(refunded.id)[col('净额(元) Net = 金额 − 已退款')]).toBe(9.9);
    expect(byId(cancelled.id)[col('状态 Status')]).toBe('已取消');

    // The 合计 row: two orders (the cancelled one is listed but not counted), net of the refund.
    const total = orders.at(-1) ?? [];
    expect(total[0]).toBe(
      '合计 Total: 2 单，不含已取消，净额 = 金额 − 已退款 (excl. cancelled; net of refunds)',
    );
    expect(total[col('件数 Units')]).toBe(3);
    expect(total[col('金额(元) Amount')]).toBe(29.7);
    expect(total[col('已退款(元) Refunded')]).toBe(9.9);
    expect(total[col('净额(元) Net = 金额 − 已退款')]).toBe(19.8);

    // The SKU sheet: one line per order here, with the product, its pickup code and its refund.
    const lines = rowsOf(wb.worksheets[1]);
    const lh = lines[0] ?? [];
    const lcol = (name: string) => lh.indexOf(name);
    expect(lines).toHaveLength(1 + 3 + 1);
    const refundedLine = lines.find((r) => r[0] === refunded.id) ?? [];
    expect(refundedLine[lcol('提货码 Pickup code')]).toBe(refunded.pickupCode);
    expect(String(refundedLine[lcol('商品 Product')]).length).toBeGreaterThan(0);
    expect(refundedLine[lcol('数量 Qty')]).toBe(2);
    expect(refundedLine[lcol('已退数量 Refunded qty')]).toBe(1);
    expect(refundedLine[lcol('下单时间 Placed (Asia/Shanghai)')]).toMatch(/^2026-03-01 \d{2}:\d{2}:\d{2}$/);
    const lineTotal = lines.at(-1) ?? [];
    expect(lineTotal[0]).toBe('合计 Total: 2 行，不含已取消订单 (excl. cancelled orders; net of refunds)');
    expect(lineTotal[lcol('数量 Qty')]).toBe(3);
    expect(lineTotal[lcol('净额(元) Net = 金额 − 已退款')]).toBe(19.8);
  });
});

describe('BUSINESS_TIMEZONE', () => {
  it('is the one setting the export’s times, headers and file name follow', async () => {
    const berlin = await createTestApp({ config: { businessTimeZone: 'Europe/Berlin' } });
    try {
      registerOrderSubscribers(berlin.tdb.deps);
      const sale = await arrangeSale(berlin.tdb);
      const res = await berlin.app.inject({
        method: 'POST',
        url: '/api/orders',
        headers: { 'idempotency-key': `berlin-${Date.now()}` },
        payload: orderBody(sale, newPhone(), 1),
      });
      expect(res.statusCode, res.body).toBe(201);
      // 22:30 UTC on 1 March is already 2 March in Shanghai but still 1 March in Berlin (23:30, UTC+1).
      berlin.tdb.deps.clock.set('2026-03-01T22:30:00Z');
      const session = await sessionFor(berlin, ['admin']);
      const file = await call(berlin, session, 'GET', `/api/orders/export?campaignId=${sale.campaignId}`);
      expect(file.statusCode, file.body).toBe(200);
      expect(String(file.headers['content-disposition'])).toContain('orders-2026-03-01.xlsx');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const rows = rowsOf(wb.worksheets[0]);
      const at = (rows[0] ?? []).indexOf('下单时间 Placed (Europe/Berlin)');
      expect(at).toBeGreaterThanOrEqual(0);
      const placed = (
        await berlin.tdb.deps.pool.query<{ placed_at: Date }>('SELECT placed_at FROM orders LIMIT 1')
      ).rows[0]?.placed_at;
      const local = new Date((placed ?? new Date(0)).getTime() + 3_600_000);
      expect(rows[1]?.[at]).toBe(local.toISOString().replace('T', ' ').slice(0, 19));
    } finally {
      await berlin.close();
    }
  });
});
