import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { advanceCampaigns, type LiveCampaign, liveHubFor } from '../../src/modules/campaigns/index.js';
import { listAudit } from '../../src/platform/audit/index.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { campaignSnapshot, createCampaignDirect, makeSku } from './campaigns-support.js';
import { arrangeSale, newPhone, orderBody, type Sale } from './orders-support.js';
import { call, expectError, type Res } from './support.js';

/**
 * The changes a live campaign takes (issue 16 part 3): cap, price, added items, a later cutoff and
 * closing early; each audited and announced, each refused with nothing written when it is wrong.
 */
interface Item {
  id: string;
  skuId: string;
  priceFen: number;
  stockCap: number;
  sold: number;
}
interface Detail {
  id: string;
  state: string;
  cutoffAt: string;
  endsAt: string;
  deliveryDate: string;
  items: Item[];
}

let t: TestApp;
let op: Session;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());
// Tests move the clock by hours, past a session's idle limit: each test logs in afresh.
beforeEach(async () => {
  op = await sessionFor(t, ['operator']);
});

let keySeq = 0;
const place = (body: object) =>
  t.app.inject({
    method: 'POST',
    url: '/api/orders',
    headers: { 'idempotency-key': `live-edit-${Date.now()}-${++keySeq}` },
    payload: body,
  });

async function sell(sale: Sale, quantity: number): Promise<void> {
  const res = await place(orderBody(sale, newPhone(), quantity));
  expect(res.statusCode, res.body).toBe(201);
}

const post = (path: string, body: object, session: Session = op) => call(t, session, 'POST', path, body);

async function refused(fn: () => Promise<Res>): Promise<Res> {
  const before = await campaignSnapshot(t.tdb);
  const res = await fn();
  expect(await campaignSnapshot(t.tdb)).toEqual(before);
  return res;
}

async function auditOf(campaignId: string) {
  const a = await listAudit(t.tdb.deps.db, { entityId: campaignId, page: 1, pageSize: 50 });
  return a.items.map((r) => ({ action: r.action, before: r.before, after: r.after }));
}

async function eventsOf(campaignId: string): Promise<string[]> {
  const r = await t.tdb.deps.pool.query<{ type: string }>(
    'SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id',
    [campaignId],
  );
  return r.rows.map((e) => e.type);
}

describe('the cap of a live item (修改限量)', () => {
  it('raises and lowers the cap down to sold, audited and announced', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 10, limit: 5 });
    await sell(sale, 4);
    const up = await post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/cap`, { stockCap: 50 });
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json<Detail>().items[0]).toMatchObject({ stockCap: 50, sold: 4 });
    const down = await post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/cap`, { stockCap: 4 });
    expect(down.statusCode, down.body).toBe(200);
    expect(down.json<Detail>().items[0]).toMatchObject({ stockCap: 4, sold: 4 });
    // Sold out now: the next order is refused.
    expectError(await place(orderBody(sale, newPhone(), 1)), 409, 'orders.sold_out');

    const audit = (await auditOf(sale.campaignId)).filter((a) => a.action === 'campaign.item_cap_change');
    expect(audit.map((a) => [a.before, a.after]).reverse()).toEqual([
      [
        { itemId: sale.itemId, skuId: sale.skuId, stockCap: 10 },
        { itemId: sale.itemId, skuId: sale.skuId, stockCap: 50, sold: 4 },
      ],
      [
        { itemId: sale.itemId, skuId: sale.skuId, stockCap: 50 },
        { itemId: sale.itemId, skuId: sale.skuId, stockCap: 4, sold: 4 },
      ],
    ]);
    expect((await eventsOf(sale.campaignId)).filter((e) => e === 'campaign.item_cap_changed')).toHaveLength(
      2,
    );
  });

  it('sells again at once when a sold-out item’s cap is raised', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 2, limit: 5 });
    await sell(sale, 2);
    expectError(await place(orderBody(sale, newPhone(), 1)), 409, 'orders.sold_out');
    const up = await post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/cap`, { stockCap: 3 });
    expect(up.statusCode, up.body).toBe(200);
    // The clock has not moved: without the edit notice the intake would still remember it sold out.
    await sell(sale, 1);
  });

  it('refuses a cap below sold, an unknown item, a bad value, and a closed campaign, writing nothing', async () => {
    const sale = await arrangeSale(t.tdb, { cap: 10, limit: 5 });
    await sell(sale, 5);
    const below = expectError(
      await refused(() =>
        post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/cap`, { stockCap: 4 }),
      ),
      409,
      'campaigns.cap_below_sold',
      'body.stockCap',
    );
    expect(below.detail).toBe('4 < sold 5');
    expectError(
      await refused(() => post(`/api/campaigns/${sale.campaignId}/items/citem_nope/cap`, { stockCap: 40 })),
      404,
      'campaigns.item_not_found',
      'params.itemId',
    );
    expectError(
      await refused(() =>
        post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/cap`, { stockCap: 0 }),
      ),
      400,
      'request.invalid',
    );
    expectError(
      await refused(() => post(`/api/campaigns/camp_nope/items/${sale.itemId}/cap`, { stockCap: 40 })),
      404,
      'campaigns.not_found',
    );
    // The warehouse reads campaigns but does not change them.
    const warehouse = await sessionFor(t, ['warehouse']);
    expect(
      (
        await refused(() =>
          post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/cap`, { stockCap: 40 }, warehouse),
        )
      ).statusCode,
    ).toBe(403);
    const closed = await post(`/api/campaigns/${sale.campaignId}/close`, { reason: '提前结束' });
    expect(closed.statusCode, closed.body).toBe(200);
    expectError(
      await refused(() =>
        post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/cap`, { stockCap: 40 }),
      ),
      409,
      'campaigns.not_live',
    );
  });

  it('refuses every live edit on a draft (edited whole instead)', async () => {
    const sku = await makeSku(t.tdb);
    const draft = await createCampaignDirect(t.tdb, [sku.id]);
    const itemId = draft.items[0]?.id ?? '';
    for (const [path, body] of [
      [`items/${itemId}/cap`, { stockCap: 5 }],
      [`items/${itemId}/price`, { priceFen: 5 }],
      ['cutoff', { cutoffAt: new Date(Date.parse(draft.cutoffAt) + 3_600_000).toISOString() }],
    ] as const) {
      expectError(
        await refused(() => post(`/api/campaigns/${draft.id}/${path}`, body)),
        409,
        'campaigns.not_live',
      );
    }
  });
});

describe('a race between lowering the cap and the order intake', () => {
  it('never leaves more sold than the cap, whoever wins', async () => {
    for (let round = 0; round < 3; round++) {
      const sale = await arrangeSale(t.tdb, { cap: 200, limit: 1, stock: 1000 });
      await sell(sale, 1);
      const orders = Array.from({ length: 40 }, () => place(orderBody(sale, newPhone(), 1)));
      // Lower the cap to 20 while the 40 orders flow; it may be refused when more than 20 sold first.
      const lower = post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/cap`, { stockCap: 20 });
      const [answers, lowered] = await Promise.all([Promise.all(orders), lower]);
      const accepted = answers.filter((r) => r.statusCode === 201).length;
      for (const r of answers) expect([201, 409], r.body).toContain(r.statusCode);
      const row = (
        await t.tdb.deps.pool.query<{ sold: number; cap: number }>(
          'SELECT sold, stock_cap AS cap FROM campaign_items WHERE id = $1',
          [sale.itemId],
        )
      ).rows[0];
      expect(row?.sold).toBe(accepted + 1);
      expect(row?.sold).toBeLessThanOrEqual(row?.cap ?? 0);
      if (lowered.statusCode === 200) expect(row?.cap).toBe(20);
      else {
        expectError(lowered, 409, 'campaigns.cap_below_sold');
        expect(row?.cap).toBe(200);
      }
    }
  });
});

describe('the price of a live item (改价)', () => {
  it('prices orders placed after the change at the new price; earlier orders keep theirs', async () => {
    const sale = await arrangeSale(t.tdb, { priceFen: 1290 });
    const first = await place(orderBody(sale, newPhone(), 2));
    expect(first.json().order.totalFen).toBe(2580);
    const res = await post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/price`, { priceFen: 990 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>().items[0]?.priceFen).toBe(990);
    // The clock has not moved, so the order routes' one-second cache would still hold the old price
    // had the edit not dropped it.
    const second = await place(orderBody(sale, newPhone(), 2));
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().order.totalFen).toBe(1980);
    const lines = await t.tdb.deps.pool.query(
      'SELECT l.unit_price_fen::int AS p FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.campaign_id = $1 ORDER BY o.id',
      [sale.campaignId],
    );
    expect(lines.rows.map((r: { p: number }) => r.p)).toEqual([1290, 990]);
    const audit = (await auditOf(sale.campaignId)).find((a) => a.action === 'campaign.item_price_change');
    expect(audit).toMatchObject({ before: { priceFen: 1290 }, after: { priceFen: 990 } });
    expect(await eventsOf(sale.campaignId)).toContain('campaign.item_price_changed');
  });

  it('refuses a negative price and an unknown item, writing nothing', async () => {
    const sale = await arrangeSale(t.tdb);
    expectError(
      await refused(() =>
        post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/price`, { priceFen: -1 }),
      ),
      400,
      'request.invalid',
    );
    expectError(
      await refused(() => post(`/api/campaigns/${sale.campaignId}/items/citem_x/price`, { priceFen: 100 })),
      404,
      'campaigns.item_not_found',
    );
  });

  it('tells the live view, which asks the customer page to re-read the campaign', async () => {
    const sale = await arrangeSale(t.tdb);
    const heard: LiveCampaign[] = [];
    const sub = await liveHubFor(t.tdb.deps).subscribe(sale.campaignId, {
      item: () => {},
      campaign: (c) => heard.push(c),
      end: () => {},
    });
    try {
      await post(`/api/campaigns/${sale.campaignId}/items/${sale.itemId}/price`, { priceFen: 500 });
      await vi.waitFor(() => expect(heard).toHaveLength(1));
      expect(heard[0]).toMatchObject({ campaignId: sale.campaignId, state: 'live' });
      await post(`/api/campaigns/${sale.campaignId}/close`, { reason: '售罄' });
      await vi.waitFor(() => expect(heard).toHaveLength(2));
      expect(heard[1]).toMatchObject({ state: 'closed' });
    } finally {
      sub?.unsubscribe();
    }
  });
});

describe('adding items to a live campaign (添加商品)', () => {
  it('adds a new SKU after the existing items, sellable at once', async () => {
    const sale = await arrangeSale(t.tdb);
    const sku = await makeSku(t.tdb);
    const res = await post(`/api/campaigns/${sale.campaignId}/items`, {
      items: [{ skuId: sku.id, priceFen: 1500, stockCap: 30, perCustomerLimit: 2 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json<Detail>().items;
    expect(items.map((i) => [i.skuId, i.priceFen, i.stockCap])).toEqual([
      [sale.skuId, 990, 100],
      [sku.id, 1500, 30],
    ]);
    const audit = (await auditOf(sale.campaignId)).find((a) => a.action === 'campaign.items_add');
    expect(audit?.after).toMatchObject({ itemCount: 2, added: [{ skuId: sku.id, priceFen: 1500 }] });
    expect(await eventsOf(sale.campaignId)).toContain('campaign.items_added');
  });

  it('refuses a SKU already in the campaign, an unknown SKU and an empty list, writing nothing', async () => {
    const sale = await arrangeSale(t.tdb);
    const item = (skuId: string) => ({ skuId, priceFen: 100, stockCap: 5, perCustomerLimit: 1 });
    expectError(
      await refused(() => post(`/api/campaigns/${sale.campaignId}/items`, { items: [item(sale.skuId)] })),
      400,
      'campaigns.duplicate_sku',
      'body.items.0.skuId',
    );
    expectError(
      await refused(() => post(`/api/campaigns/${sale.campaignId}/items`, { items: [item('sku_unknown')] })),
      400,
      'campaigns.sku_not_found',
      'body.items.0.skuId',
    );
    expectError(
      await refused(() => post(`/api/campaigns/${sale.campaignId}/items`, { items: [] })),
      400,
      'request.invalid',
    );
  });
});

describe('the cutoff of a live campaign (延长截单 / 提前结束)', () => {
  it('extends the cutoff, and the tick closes at the new one, not the old', async () => {
    const sale = await arrangeSale(t.tdb);
    const before = (await call(t, op, 'GET', `/api/campaigns/${sale.campaignId}`)).json<Detail>();
    const later = new Date(Date.parse(before.cutoffAt) + 2 * 3_600_000);
    const res = await post(`/api/campaigns/${sale.campaignId}/cutoff`, { cutoffAt: later.toISOString() });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json<Detail>();
    // The end followed the cutoff past it; the delivery date still follows both.
    expect(after).toMatchObject({
      cutoffAt: later.toISOString(),
      endsAt: later.toISOString(),
      state: 'live',
    });
    const audit = (await auditOf(sale.campaignId)).find((a) => a.action === 'campaign.cutoff_extend');
    expect(audit).toMatchObject({
      before: { cutoffAt: before.cutoffAt },
      after: { cutoffAt: later.toISOString() },
    });

    // Past the old cutoff: still live, still selling.
    t.tdb.deps.clock.set(new Date(Date.parse(before.cutoffAt) + 60_000));
    op = await sessionFor(t, ['operator']);
    await advanceCampaigns(t.tdb.deps);
    await sell(sale, 1);
    expect((await call(t, op, 'GET', `/api/campaigns/${sale.campaignId}`)).json<Detail>().state).toBe('live');
    // Past the new one: the tick closes it, announced as campaign.closed so confirmation runs.
    t.tdb.deps.clock.set(new Date(later.getTime() + 60_000));
    op = await sessionFor(t, ['operator']);
    await advanceCampaigns(t.tdb.deps);
    expect((await call(t, op, 'GET', `/api/campaigns/${sale.campaignId}`)).json<Detail>().state).toBe(
      'closed',
    );
    expect(await eventsOf(sale.campaignId)).toContain('campaign.closed');
  });

  it('refuses a cutoff in the past, an earlier one, and one after the delivery date, writing nothing', async () => {
    const sale = await arrangeSale(t.tdb);
    const c = (await call(t, op, 'GET', `/api/campaigns/${sale.campaignId}`)).json<Detail>();
    const now = t.tdb.deps.clock.now().getTime();
    expectError(
      await refused(() =>
        post(`/api/campaigns/${sale.campaignId}/cutoff`, { cutoffAt: new Date(now - 60_000).toISOString() }),
      ),
      422,
      'campaigns.cutoff_passed',
      'body.cutoffAt',
    );
    expectError(
      await refused(() =>
        post(`/api/campaigns/${sale.campaignId}/cutoff`, {
          cutoffAt: new Date(Date.parse(c.cutoffAt) - 60_000).toISOString(),
        }),
      ),
      400,
      'campaigns.cutoff_not_later',
      'body.cutoffAt',
    );
    expectError(
      await refused(() =>
        post(`/api/campaigns/${sale.campaignId}/cutoff`, {
          cutoffAt: new Date(Date.parse(`${c.deliveryDate}T00:00:00+08:00`) + 26 * 3_600_000).toISOString(),
        }),
      ),
      400,
      'campaigns.delivery_before_cutoff',
      'body.deliveryDate',
    );
    expectError(
      await refused(() => post(`/api/campaigns/${sale.campaignId}/cutoff`, { cutoffAt: 'tomorrow' })),
      400,
      'request.invalid',
    );
  });

  it('closes early now, the same way as the tick (campaign.closed), and orders stop', async () => {
    const sale = await arrangeSale(t.tdb);
    await sell(sale, 1);
    const res = await post(`/api/campaigns/${sale.campaignId}/close`, { reason: '供应商断货' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<Detail>().state).toBe('closed');
    expect(await eventsOf(sale.campaignId)).toContain('campaign.closed');
    // Closed in this process: the order routes do not sell it from their cache.
    expectError(await place(orderBody(sale, newPhone(), 1)), 409, 'orders.campaign_not_open');
  });
});
