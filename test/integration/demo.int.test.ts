import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyStart } from '../../src/demo/history.seed.js';
import { DEMO_ACCOUNTS, demoShareLink, seedDemo } from '../../src/demo/seed.js';
import { closeMissedMonths, freezeDue, runDueSettlement } from '../../src/modules/commission/index.js';
import { findCustomerByPhone } from '../../src/modules/customers/index.js';
import {
  checkSignaturePng,
  findLeaderByCode,
  levelProgress,
  runDueAssessment,
} from '../../src/modules/leaders/index.js';
import { checkInvariants } from '../../src/modules/ledger/index.js';
import { getRiskPolicy, listBlocklist, listHolds } from '../../src/modules/risk/index.js';
import { CAUSE_TYPES } from '../../src/modules.js';
import { SYSTEM_ACTOR } from '../../src/platform/audit/index.js';
import { registerSubscribers } from '../../src/subscribers.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

/**
 * The demo as `npm start` loads it: a company made on a past morning whose weeks up to today were
 * replayed through the real use-cases. One database for the whole file (the replay takes seconds).
 * The test clock stands at 16:00 on 1 March in Shanghai, the hardest day for the replay: the month
 * close and the level assessment of February ran this very morning.
 */
let t: TestApp;
const q = async <R extends Record<string, unknown>>(text: string, values: unknown[] = []) =>
  (await t.tdb.deps.pool.query<R>(text, values)).rows;
const phoneHash = (phone: string) => t.tdb.deps.crypto.hash(phone);

beforeAll(async () => {
  t = await createTestApp();
  registerSubscribers(t.tdb.deps);
  expect(await seedDemo(t.tdb.deps)).toBe(true);
}, 120_000);
afterAll(() => t.close());

describe('the demo company', () => {
  it('was made on the morning it starts from, and seeds only an empty database', async () => {
    const from = historyStart(t.tdb.deps.clock.now());
    expect(from).toBe('2026-02-08');
    const [first] = await q<{ at: Date }>(
      `SELECT min(created_at) AS at FROM users WHERE username = ANY($1)`,
      [DEMO_ACCOUNTS.map((a) => a.username)],
    );
    expect(first?.at.toISOString()).toBe('2026-02-08T00:00:00.000Z');
    expect(await seedDemo(t.tdb.deps)).toBe(false);
    // The clock came home: the replay leaves it where the test put it.
    expect(t.tdb.deps.clock.now().toISOString()).toBe('2026-03-01T08:00:00.000Z');
  });

  it('has the three founding leaders in their districts, the first one the `leader` login, and customers', async () => {
    const leaders = await q<{ code: string; user_id: string | null; name: string }>(
      'SELECT code, user_id, name FROM leaders WHERE phone_hash = ANY($1) ORDER BY created_at, id',
      [['19900000101', '19900000102', '19900000103'].map(phoneHash)],
    );
    expect(leaders).toHaveLength(3);
    const [login] = await q<{ id: string }>(`SELECT id FROM users WHERE username = 'leader'`);
    expect(leaders.filter((l) => l.user_id !== null).map((l) => l.user_id)).toEqual([login?.id]);
    const paths: string[][] = [];
    for (const l of leaders) {
      const found = await findLeaderByCode(t.tdb.deps.db, l.code, t.tdb.deps.clock.now());
      expect(found?.status).toBe('active');
      const names = await q<{ name: string }>(
        'SELECT name FROM regions WHERE id = ANY($1) ORDER BY array_position($1, id)',
        [found?.regionPath ?? []],
      );
      paths.push(names.map((r) => r.name));
    }
    expect(paths).toEqual([
      ['西湖区', '杭州市', '浙江省'],
      ['余杭区', '杭州市', '浙江省'],
      ['浦东新区', '上海市'],
    ]);
    const zhang = await findCustomerByPhone(t.tdb.deps, t.tdb.deps.db, '199 0001 0001');
    expect(zhang).toMatchObject({ name: '张阿姨', phoneMasked: '199****0001' });
    // The replayed orders brought their own customers (团员), found or made by phone by the intake.
    const [customers] = await q<{ n: number }>('SELECT count(*)::int AS n FROM customers');
    expect(customers?.n).toBeGreaterThan(50);
    // No phone number is stored in clear anywhere in these tables.
    const raw = await q(
      'SELECT * FROM customers UNION ALL SELECT NULL, phone_enc, phone_hash, name, NULL, created_at, updated_at FROM leaders',
    );
    const text = JSON.stringify(raw);
    expect(text).not.toMatch(/1990001\d{4}|1990000\d{4}/);
    // The replay's customers (139 6000 0000 upwards): a few of them, exactly.
    for (const phone of ['13960000000', '13960000001', '13960000100', '13960000203'])
      expect(text).not.toContain(phone);
  });
});

describe('one set of figures', () => {
  it('the sales roll-up counts exactly the orders that were completed, leader by leader', async () => {
    const rollup = await q<{ leader_id: string; orders: number; gmv: number; refunded: number }>(
      `SELECT leader_id, sum(completed_orders)::int AS orders, sum(completed_gmv_fen)::int AS gmv,
              sum(refunded_fen)::int AS refunded
       FROM leader_daily_sales GROUP BY leader_id ORDER BY leader_id`,
    );
    const orders = await q<{ leader_id: string; orders: number; gmv: number }>(
      `SELECT o.leader_id, count(*)::int AS orders, sum(o.total_fen)::int AS gmv FROM orders o
       WHERE EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = o.id AND e.to_status = 'completed')
       GROUP BY o.leader_id ORDER BY o.leader_id`,
    );
    expect(rollup.map(({ refunded: _, ...r }) => r)).toEqual(orders);
    const total = orders.reduce((s, o) => s + o.orders, 0);
    expect(total).toBeGreaterThan(100);
    // Refunds after completion are in the roll-up too, and they are the refunds the orders show.
    const [refunds] = await q<{ fen: number }>(
      `SELECT coalesce(sum(r.amount_fen), 0)::int AS fen FROM order_refunds r
       WHERE EXISTS (SELECT 1 FROM order_events e WHERE e.order_id = r.order_id AND e.to_status = 'completed'
                     AND e.at <= r.created_at)`,
    );
    expect(rollup.reduce((s, r) => s + r.refunded, 0)).toBe(refunds?.fen);
    expect(refunds?.fen).toBeGreaterThan(0);
  });

  it('every order went through its states in time order, none in the future', async () => {
    const [bad] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM order_events e JOIN orders o ON o.id = e.order_id
       WHERE e.at < o.placed_at OR e.at > $1`,
      [t.tdb.deps.clock.now()],
    );
    expect(bad?.n).toBe(0);
    const states = await q<{ status: string }>('SELECT DISTINCT status FROM orders ORDER BY status');
    expect(states.map((s) => s.status)).toEqual(
      expect.arrayContaining(['cancelled', 'completed', 'on_hold', 'paid', 'pending_payment', 'refunded']),
    );
  });

  it('the scheduled jobs ran on time: at start nothing is left to freeze, settle, close or assess', async () => {
    const deps = t.tdb.deps;
    const before = await q<{ n: number }>('SELECT count(*)::int AS n FROM audit_log');
    expect(await closeMissedMonths(deps, SYSTEM_ACTOR)).toMatchObject({ closed: [] });
    const assess = await runDueAssessment(deps);
    expect('skipped' in assess).toBe(true);
    const settle = await runDueSettlement(deps, SYSTEM_ACTOR);
    expect(JSON.stringify(settle)).not.toMatch(/"created":true/);
    await freezeDue(deps, SYSTEM_ACTOR);
    // A freeze may find entries that became final this afternoon; nothing else was written.
    const after = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM audit_log WHERE action NOT LIKE 'commission.freeze%'`,
    );
    expect(after[0]?.n).toBeLessThanOrEqual(before[0]?.n ?? 0);
  });

  it('the ledger balances and what the leaders can withdraw come from real commission, not opening balances', async () => {
    const report = await checkInvariants(t.tdb.deps.db, CAUSE_TYPES);
    expect(report.problems).toEqual([]);
    const causes = await q<{ cause_type: string }>(
      'SELECT DISTINCT cause_type FROM ledger_transfers ORDER BY 1',
    );
    expect(causes.map((c) => c.cause_type)).not.toContain('demo_opening');
    expect(causes.map((c) => c.cause_type)).toEqual(expect.arrayContaining(['withdrawal', 'payout_line']));
    const withdrawals = await q<{ status: string; username: string | null }>(
      `SELECT w.status, u.username FROM ledger_withdrawals w JOIN leaders l ON l.id = w.leader_id
       LEFT JOIN users u ON u.id = l.user_id ORDER BY w.requested_at, w.id`,
    );
    expect(withdrawals.map((w) => w.status)).toEqual(['paid', 'batched', 'requested']);
    // The one waiting for review is the `leader` login's own.
    expect(withdrawals[2]?.username).toBe('leader');
    const batches = await q<{ method: string; status: string }>(
      'SELECT method, status FROM ledger_payout_batches ORDER BY created_at, id',
    );
    expect(batches).toEqual([
      { method: 'bank', status: 'closed' },
      { method: 'wechat', status: 'open' },
    ]);
  });

  it('commission shows every stage and every kind of rule, from the replayed events', async () => {
    const statuses = await q<{ status: string }>('SELECT DISTINCT status FROM commission_entries ORDER BY 1');
    expect(statuses.map((s) => s.status)).toEqual(expect.arrayContaining(['estimated', 'settled', 'voided']));
    const rules = await q<{ rule: string }>('SELECT DISTINCT rule FROM commission_entries ORDER BY 1');
    expect(rules.map((r) => r.rule)).toEqual(
      expect.arrayContaining([
        'differential',
        'direct',
        'hot_product',
        'recruit_bonus',
        'recruit_rate',
        'regional_dividend',
        'tiered',
      ]),
    );
    const runs = await q<{ kind: string; period: string }>(
      `SELECT kind, period FROM commission_period_runs WHERE kind = 'month_close'`,
    );
    expect(runs).toEqual([{ kind: 'month_close', period: '2026-02' }]);
    // Every entry belongs to an order that exists, or to a period computation.
    const [orphans] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM commission_entries e
       WHERE e.order_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = e.order_id)`,
    );
    expect(orphans?.n).toBe(0);
  });
});

describe('leaders, levels and onboarding', () => {
  it('levels come from real assessments: one change at most per leader and period, the level is the last change', async () => {
    const ladder = await q<{ code: string; name_zh: string }>(
      `SELECT code, name_zh FROM leader_levels WHERE status = 'active' ORDER BY rank`,
    );
    expect(ladder.map((l) => `${l.code}:${l.name_zh}`)).toEqual([
      'REGULAR:普通团长',
      'SILVER:银牌团长',
      'GOLD:金牌团长',
      'PARTNER:合伙人',
    ]);
    const [twice] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT leader_id, period_start FROM leader_level_history
       WHERE cause = 'assessment' GROUP BY 1, 2 HAVING count(*) > 1) x`,
    );
    expect(twice?.n).toBe(0);
    const [mismatch] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM leaders l WHERE l.level_id IS DISTINCT FROM
       (SELECT h.to_level_id FROM leader_level_history h WHERE h.leader_id = l.id ORDER BY h.at DESC, h.id DESC LIMIT 1)`,
    );
    expect(mismatch?.n).toBe(0);
    const runs = await q<{ period_start: string; trigger: string; status: string }>(
      `SELECT period_start::text, trigger, status FROM level_assessment_runs ORDER BY period_start`,
    );
    expect(runs).toEqual([{ period_start: '2026-02-01', trigger: 'schedule', status: 'completed' }]);
    const level = async (phone: string) =>
      (
        await q<{ code: string; id: string }>(
          `SELECT v.code, l.id FROM leaders l JOIN leader_levels v ON v.id = l.level_id WHERE l.phone_hash = $1`,
          [phoneHash(phone)],
        )
      )[0];
    // 王美玲: made a partner by an operator, her level held.
    expect((await level('19900000103'))?.code).toBe('PARTNER');
    const [override] = await q<{ cause: string; held_until: Date | null }>(
      `SELECT cause, held_until FROM leader_level_history h JOIN leaders l ON l.id = h.leader_id
       WHERE l.phone_hash = $1 AND cause = 'override'`,
      [phoneHash('19900000103')],
    );
    expect(override?.held_until).not.toBeNull();
    // 陈静, who sells most, was promoted by February's assessment; her progress names the next rung.
    const chen = await level('19900000101');
    expect(['SILVER', 'GOLD']).toContain(chen?.code);
    const progress = await levelProgress(t.tdb.deps.db, chen?.id ?? '', { now: t.tdb.deps.clock.now() });
    expect(progress.next).not.toBeNull();
    const [none] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM leaders WHERE level_id IS NULL`);
    expect(none?.n).toBe(0);
  });

  it('every leader signed the agreement in force; v3 is published for later and nobody has signed it yet', async () => {
    const versions = await q<{ version: number; future: boolean; n: number }>(
      `SELECT t.version, t.effective_at > $1 AS future, count(s.id)::int AS n FROM agreement_templates t
       LEFT JOIN agreement_signatures s ON s.template_id = t.id GROUP BY t.id ORDER BY t.version`,
      [t.tdb.deps.clock.now()],
    );
    expect(versions.map((v) => [v.version, v.future])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    expect(versions[2]?.n).toBe(0);
    const leaders = await q<{ code: string }>(`SELECT code FROM leaders WHERE status = 'active'`);
    for (const l of leaders)
      expect(
        (await findLeaderByCode(t.tdb.deps.db, l.code, t.tdb.deps.clock.now()))?.agreementSigned,
        l.code,
      ).toBe(true);
    const sigs = await q<{ signature_png: Buffer }>('SELECT signature_png FROM agreement_signatures LIMIT 3');
    for (const s of sigs)
      expect(checkSignaturePng(`data:image/png;base64,${s.signature_png.toString('base64')}`).ok).toBe(true);
  });

  it('has applications: two approved who then sold, one turned down, three waiting (one by invite)', async () => {
    const rows = await q<{
      status: string;
      referrer_id: string | null;
      reject_reason: string | null;
      sold: number;
    }>(
      `SELECT a.status, a.referrer_id, a.reject_reason,
              (SELECT count(*)::int FROM orders o WHERE o.leader_id = a.leader_id) AS sold
       FROM leader_applications a ORDER BY a.created_at, a.id`,
    );
    expect(rows.map((r) => r.status)).toEqual([
      'approved',
      'approved',
      'rejected',
      'pending',
      'pending',
      'pending',
    ]);
    expect(rows[0]?.sold).toBeGreaterThan(0);
    expect(rows[1]?.sold).toBeGreaterThan(0);
    expect(rows[2]?.reject_reason).toBeTruthy();
    expect(rows.filter((r) => r.status === 'pending' && r.referrer_id !== null)).toHaveLength(1);
    const [review] = await q<{ on: boolean }>(
      'SELECT region_first_review AS on FROM leader_onboarding_settings WHERE id = 1',
    );
    expect(review?.on).toBe(true);
    const [training] = await q<{ n: number; required: number }>(
      'SELECT count(*)::int AS n, (count(*) FILTER (WHERE required))::int AS required FROM training_materials',
    );
    expect(training).toEqual({ n: 4, required: 3 });
  });
});

describe('today', () => {
  it('the risk queue holds two orders of the live campaign, for the reasons the policy gives', async () => {
    const policy = await getRiskPolicy(t.tdb.deps.db);
    expect(policy).toMatchObject({ enabled: true, maxQuantityPerOrder: 50, maxOrdersPerPhonePerCampaign: 5 });
    const blocked = await listBlocklist(t.tdb.deps.db, { page: 1, pageSize: 20 });
    expect(blocked.items.map((b) => b.display).sort()).toEqual(['199****0009', '城西银泰 快递代收点']);
    const queue = await listHolds(t.tdb.deps, { status: 'open', page: 1, pageSize: 20 });
    expect(queue.items.map((h) => h.reasons.map((r) => r.code))).toEqual([
      ['blocked_phone'],
      ['too_many_orders'],
    ]);
    expect(queue.items.every((h) => h.order.status === 'on_hold')).toBe(true);
    // Stock: what the open orders still hold (less what was refunded before shipping) is allocated.
    const [stock] = await q<{ open_lines: number; allocated: number }>(`
      SELECT (SELECT coalesce(sum(l.quantity - l.refunded_quantity), 0)::int FROM order_lines l JOIN orders o ON o.id = l.order_id
              WHERE o.status IN ('pending_payment', 'paid', 'on_hold', 'confirmed')) AS open_lines,
             (SELECT coalesce(sum(allocated), 0)::int FROM stock_levels) AS allocated`);
    expect(stock?.allocated).toBe(stock?.open_lines);
  });

  it('the banner’s customer link is the `leader` login’s, and a customer can order through it', async () => {
    const link = await demoShareLink(t.tdb.deps);
    const m = /^\/h5\/c\/([^?]+)\?leader=(\w+)$/.exec(link ?? '');
    expect(m).not.toBeNull();
    const [campaignId, code] = [m?.[1] ?? '', m?.[2] ?? ''];
    const [owner] = await q<{ username: string }>(
      'SELECT u.username FROM leaders l JOIN users u ON u.id = l.user_id WHERE l.code = $1',
      [code],
    );
    expect(owner?.username).toBe('leader');
    const page = await t.app.inject({
      method: 'GET',
      url: `/api/storefront/campaigns/${campaignId}?leader=${code}`,
    });
    expect(page.statusCode, page.body).toBe(200);
    const body = page.json<{ pickupPoints: { id: string }[]; items: { itemId: string }[] }>();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { 'idempotency-key': 'demo-banner-link-order' },
      payload: {
        campaignId,
        leaderCode: code,
        pickupPointId: body.pickupPoints[0]?.id,
        customer: { phone: '13800138000', name: '新团员' },
        items: [{ itemId: body.items[0]?.itemId, quantity: 1 }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
  });

  it('yesterday’s campaign waits at the pickup points with codes for the leader to verify', async () => {
    const [delivered] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders o JOIN leaders l ON l.id = o.leader_id JOIN users u ON u.id = l.user_id
       WHERE o.status = 'delivered' AND u.username = 'leader'`,
    );
    expect(delivered?.n).toBeGreaterThan(0);
  });
});
