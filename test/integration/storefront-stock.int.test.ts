import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adjustStock } from '../../src/modules/inventory/index.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { expectError } from './support.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let keySeq = 0;
const place = (sale: Sale, phone: string, quantity: number) =>
  t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `sf-stock-${Date.now()}-${++keySeq}` },
    payload: orderBody(sale, phone, quantity),
  });

async function remaining(sale: Sale): Promise<number> {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/storefront/campaigns/${sale.campaignId}?leader=${encodeURIComponent(sale.leaderCode)}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items[0].remaining;
}

/** The product as a customer reads it: its name and the SKU's spec. */
async function labelOf(sale: Sale): Promise<string> {
  const { rows } = await t.tdb.deps.pool.query<{ name: string; spec: string }>(
    `SELECT p.name, s.spec FROM catalog_skus s JOIN catalog_products p ON p.id = s.product_id WHERE s.id = $1`,
    [sale.skuId],
  );
  return `${rows[0]?.name} ${rows[0]?.spec}`;
}

describe('what the storefront says can be bought', () => {
  it('is the smaller of the cap left and the shipping warehouse’s available', async () => {
    // A cap of 100 with 5 in the warehouse: 5, not 100.
    const sale = await arrangeSale(t.tdb, { cap: 100, stock: 5 });
    expect(await remaining(sale)).toBe(5);
    expect((await place(sale, newPhone(), 2)).statusCode).toBe(201);
    expect(await remaining(sale)).toBe(3);
    // The warehouse's count comes down (盘亏): nothing can be bought although the cap has 98 left.
    await adjustStock(t.tdb.deps, SYSTEM_ACTOR, {
      skuId: sale.skuId,
      warehouseId: sale.warehouseId,
      quantity: -3,
      reason: '盘亏',
    });
    expect(await remaining(sale)).toBe(0);

    // Checkout then says which product, never an id.
    const refused = await place(sale, newPhone(), 1);
    expectError(refused, 409, 'orders.out_of_stock', 'body.items');
    const label = await labelOf(sale);
    const { error } = refused.json();
    expect(error.messageZh).toBe(`仓库库存不足：${label}`);
    expect(error.detail).toBe(label);
    expect(refused.body).not.toContain(sale.skuId);
  });

  it('is the cap left while the warehouse has more', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 4, stock: 50 });
    expect(await remaining(sale)).toBe(4);
  });
});

describe('a refused order names the product', () => {
  it('when the cap is reached and when the customer passes the limit', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 3, limit: 2, stock: 50 });
    const label = await labelOf(sale);
    const phone = newPhone();
    expect((await place(sale, phone, 2)).statusCode).toBe(201);
    const over = await place(sale, phone, 1);
    expectError(over, 422, 'orders.limit_exceeded', 'body.items');
    expect(over.json().error.messageZh).toBe(`超过该商品每人限购数量：${label}（限购 2，已购 2）`);
    expect(over.body).not.toContain(sale.itemId);

    expect((await place(sale, newPhone(), 1)).statusCode).toBe(201);
    const soldOut = await place(sale, newPhone(), 1);
    expectError(soldOut, 409, 'orders.sold_out', 'body.items');
    expect(soldOut.json().error.messageZh).toBe(`已售罄：${label}`);
    expect(soldOut.body).not.toContain(sale.itemId);
    expect(await remaining(sale)).toBe(0);
  });
});
