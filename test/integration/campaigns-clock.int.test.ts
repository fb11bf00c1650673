import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedCampaignsDemo } from '../../src/demo/campaigns.seed.js';
import {
  changeCampaignSold,
  getCampaignForOrdering,
  isOpenForOrders,
  markCampaignFulfilled,
  scheduleCampaign,
} from '../../src/modules/campaigns/index.js';
import { JOB_KINDS } from '../../src/modules.js';
import { listAudit, SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { Jobs } from '../../src/platform/jobs/jobs.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { createCampaignDirect, makeSku } from './campaigns-support.js';

const MIN = 60_000;
const HOUR = 60 * MIN;

let tdb: TestDb;
let skuId: string;
beforeAll(async () => {
  tdb = await createTestDb();
  skuId = (await makeSku(tdb)).id;
});
afterAll(() => tdb.close());

const tick = () => {
  const kind = JOB_KINDS.find((k) => k.name === 'campaigns-tick');
  if (!kind) throw new Error('campaigns-tick is not a job kind');
  return kind;
};

async function stateOf(id: string): Promise<string | undefined> {
  return (await getCampaignForOrdering(tdb.deps.db, id))?.state;
}

/** A scheduled campaign starting `startInH` hours from now, cutoff four hours after its start. */
async function scheduled(startInH: number): Promise<string> {
  const c = await createCampaignDirect(tdb, [skuId], {}, startInH);
  await scheduleCampaign(tdb.deps, SYSTEM_ACTOR, c.id);
  return c.id;
}

describe('the campaigns-tick job', () => {
  it('is scheduled every minute', () => {
    expect(tick().cron).toBe('* * * * *');
  });

  it('opens campaigns at their start and closes them at their cutoff, audited as the system', async () => {
    const a = await scheduled(1);
    const b = await scheduled(2);
    const draft = (await createCampaignDirect(tdb, [skuId], {}, 1)).id;
    expect(await tick().run(tdb.deps)).toEqual({ live: 0, closed: 0 });

    tdb.deps.clock.advance(HOUR - 1);
    expect(await tick().run(tdb.deps)).toEqual({ live: 0, closed: 0 });
    const beforeStart = await getCampaignForOrdering(tdb.deps.db, a);
    if (!beforeStart) throw new Error('campaign missing');
    expect(isOpenForOrders(beforeStart, tdb.deps.clock.now())).toBe(false);

    tdb.deps.clock.advance(1);
    // The clock alone opens the sale, even before the tick has stored it.
    expect(isOpenForOrders(beforeStart, tdb.deps.clock.now())).toBe(true);
    expect(await tick().run(tdb.deps)).toEqual({ live: 1, closed: 0 });
    expect([await stateOf(a), await stateOf(b), await stateOf(draft)]).toEqual([
      'live',
      'scheduled',
      'draft',
    ]);
    // A second tick at the same moment has nothing left to do.
    expect(await tick().run(tdb.deps)).toEqual({ live: 0, closed: 0 });

    tdb.deps.clock.advance(HOUR);
    expect(await tick().run(tdb.deps)).toEqual({ live: 1, closed: 0 });
    tdb.deps.clock.advance(3 * HOUR);
    expect(await tick().run(tdb.deps)).toEqual({ live: 0, closed: 1 });
    expect([await stateOf(a), await stateOf(b)]).toEqual(['closed', 'live']);

    const audit = await listAudit(tdb.deps.db, { entityId: a, page: 1, pageSize: 10 });
    expect(audit.items.map((r) => [r.action, r.actorName]).reverse()).toEqual([
      ['campaign.create', 'system'],
      ['campaign.schedule', 'system'],
      ['campaign.live', 'system'],
      ['campaign.close', 'system'],
    ]);
    const ev = await tdb.deps.pool.query<{ type: string; payload: { by: string } }>(
      'SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY id',
      [a],
    );
    expect(ev.rows.map((r) => [r.type, r.payload.by])).toEqual([
      ['campaign.created', undefined],
      ['campaign.scheduled', 'operator'],
      ['campaign.live', 'clock'],
      ['campaign.closed', 'clock'],
    ]);
  });

  it('takes a campaign through live to closed when the server slept over both times', async () => {
    // Let every campaign of the earlier tests finish first, so the counts below are this one's.
    tdb.deps.clock.advance(24 * HOUR);
    await tick().run(tdb.deps);
    const c = await scheduled(1);
    tdb.deps.clock.advance(10 * HOUR);
    expect(await tick().run(tdb.deps)).toEqual({ live: 1, closed: 1 });
    expect(await stateOf(c)).toBe('closed');
    const actions = (await listAudit(tdb.deps.db, { entityId: c, page: 1, pageSize: 10 })).items.map(
      (r) => r.action,
    );
    expect(actions.slice(0, 2)).toEqual(['campaign.close', 'campaign.live']);
  });

  it('runs through pg-boss on the test database', async () => {
    const c = await scheduled(1);
    tdb.deps.clock.advance(HOUR);
    const jobs = new Jobs(tdb.deps, tdb.url, tdb.deps.log, JOB_KINDS);
    await jobs.start({ schedule: false });
    try {
      const id = await jobs.send('campaigns-tick');
      if (!id) throw new Error('pg-boss did not accept the job');
      await vi.waitFor(
        async () => {
          const job = await jobs.boss.getJobById('campaigns-tick', id);
          expect(job?.state).toBe('completed');
        },
        { timeout: 15_000, interval: 100 },
      );
      expect(await stateOf(c)).toBe('live');
    } finally {
      await jobs.stop();
    }
  });
});

describe('what the order module uses', () => {
  it('reads a campaign with its items, and null for an unknown id', async () => {
    const c = await createCampaignDirect(tdb, [skuId], { sellTo: 'all' }, 1);
    const read = await getCampaignForOrdering(tdb.deps.db, c.id);
    expect(read).toMatchObject({ id: c.id, state: 'draft', sellTo: 'all', regionIds: [] });
    expect(read?.startsAt).toBeInstanceOf(Date);
    expect(read?.items).toEqual([
      {
        id: c.items[0]?.id,
        skuId,
        priceFen: 990,
        stockCap: 100,
        perCustomerLimit: 3,
        sortOrder: 0,
        sold: 0,
        // What customers and operators read instead of the id: the product's name and spec.
        label: expect.stringMatching(/\S/),
      },
    ]);
    expect(await getCampaignForOrdering(tdb.deps.db, 'cmp_missing')).toBeNull();
  });

  it('never lets sold pass the stock cap, in code or in the database', async () => {
    const c = await createCampaignDirect(tdb, [skuId], {}, 1);
    const itemId = c.items[0]?.id ?? '';
    const db = tdb.deps.db;
    expect(await db.transaction((tx) => changeCampaignSold(tx, itemId, 60))).toBe(60);
    expect(await db.transaction((tx) => changeCampaignSold(tx, itemId, 41))).toBeNull();
    expect(await db.transaction((tx) => changeCampaignSold(tx, itemId, 40))).toBe(100);
    expect(await db.transaction((tx) => changeCampaignSold(tx, itemId, -101))).toBeNull();
    expect(await db.transaction((tx) => changeCampaignSold(tx, itemId, -10))).toBe(90);
    // The CHECK stands behind any writer that forgets the guard.
    await expect(
      tdb.deps.pool.query('UPDATE campaign_items SET sold = stock_cap + 1 WHERE id = $1', [itemId]),
    ).rejects.toMatchObject({ code: '23514', constraint: 'campaign_items_sold_check' });
    await expect(
      tdb.deps.pool.query('UPDATE campaign_items SET sold = -1 WHERE id = $1', [itemId]),
    ).rejects.toMatchObject({ code: '23514' });
    await expect(
      tdb.deps.pool.query('UPDATE campaign_items SET stock_cap = 89 WHERE id = $1', [itemId]),
    ).rejects.toMatchObject({ code: '23514' });
    const r = await tdb.deps.pool.query<{ sold: number }>('SELECT sold FROM campaign_items WHERE id = $1', [
      itemId,
    ]);
    expect(r.rows[0]?.sold).toBe(90);
  });

  it('lets fulfilment mark a closed campaign fulfilled, and nothing earlier', async () => {
    const c = await scheduled(1);
    const fulfil = () =>
      tdb.deps.db.transaction((tx) => markCampaignFulfilled(tdb.deps, tx, SYSTEM_ACTOR, c));
    await expect(fulfil()).rejects.toMatchObject({ code: 'campaigns.illegal_transition' });
    tdb.deps.clock.advance(6 * HOUR);
    // The cutoff has passed; fulfilment need not wait for the tick.
    expect(await fulfil()).toEqual({ id: c, state: 'fulfilled' });
    await expect(fulfil()).rejects.toMatchObject({
      code: 'campaigns.illegal_transition',
      detail: 'from fulfilled to fulfilled',
    });
  });
});

describe('demo data', () => {
  it('seeds one live campaign closing tonight at 22:00 Shanghai and one scheduled for tomorrow', async () => {
    const own = await createTestDb();
    try {
      // 10:00 in Shanghai.
      own.deps.clock.set('2026-03-05T02:00:00Z');
      const ids = [(await makeSku(own)).id, (await makeSku(own)).id, (await makeSku(own)).id];
      await own.deps.db.transaction((tx) => seedCampaignsDemo(own.deps, tx, { skuIds: ids }));
      const r = await own.deps.pool.query<{
        name: string;
        state: string;
        starts_at: Date;
        cutoff_at: Date;
        delivery_date: string;
        payment_minutes: number;
        n: number;
      }>(
        `SELECT c.name, c.state, c.starts_at, c.cutoff_at, to_char(c.delivery_date, 'YYYY-MM-DD') AS delivery_date,
                c.payment_minutes,
                (SELECT count(*)::int FROM campaign_items i WHERE i.campaign_id = c.id) AS n
           FROM campaigns c ORDER BY c.starts_at`,
      );
      expect(r.rows.map((x) => [x.name, x.state, x.cutoff_at.toISOString(), x.delivery_date, x.n])).toEqual([
        ['周末水果节', 'live', '2026-03-05T14:00:00.000Z', '2026-03-06', 2],
        ['明日鲜蔬早市', 'scheduled', '2026-03-06T14:00:00.000Z', '2026-03-07', 1],
      ]);
      expect(r.rows[0]?.starts_at.toISOString()).toBe('2026-03-05T01:00:00.000Z');
      expect(r.rows[1]?.starts_at.toISOString()).toBe('2026-03-06T00:00:00.000Z');
      expect(r.rows.map((x) => x.payment_minutes)).toEqual([30, 15]);
    } finally {
      await own.close();
    }
  });
});
