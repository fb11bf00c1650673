import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCampaignsDemo } from '../../src/demo/campaigns.seed.js';
import { seedCatalogDemo } from '../../src/demo/catalog.seed.js';
import { seedCommissionDemo } from '../../src/demo/commission.seed.js';
import { activePlanAt, type PlanDocument } from '../../src/modules/commission/index.js';
import { listAudit } from '../../src/platform/audit/index.js';
import { isId } from '../../src/platform/ids.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { createTestDb } from '../helpers/test-db.js';
import { makeSku } from './campaigns-support.js';
import { type Ladder, makeLadder, planSnapshot, workedExample } from './commission-support.js';
import { call, expectError, ownerQuery, type Res } from './support.js';

interface Summary {
  id: string;
  version: number;
  name: string;
  status: 'draft' | 'active' | 'archived';
  copiedFromId: string | null;
  activatedAt: string | null;
  archivedAt: string | null;
}
interface Detail extends Summary {
  document: PlanDocument;
  levels: Array<{ id: string; name: string; rank: number }>;
  activations: Array<{ planId: string; version: number; previousPlanId: string | null; activatedAt: string }>;
  description: { zh: Array<{ kind: string; lines: string[] }>; en: Array<{ kind: string; lines: string[] }> };
  worstCaseBps: number;
}
interface Preview {
  problems: Array<{ code: string; field: string }>;
  entries: Array<{
    beneficiaryId: string;
    rule: string;
    amountFen: number;
    sentence: { zh: string; en: string };
  }> | null;
  totalFen: number;
  worstCaseBps: number | null;
}

let t: TestApp;
let finance: Session;
let operator: Session;
let ladder: Ladder;
let sku: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  finance = await sessionFor(t, ['finance']);
  operator = await sessionFor(t, ['operator']);
  ladder = await makeLadder(t.tdb);
  sku = await makeSku(t.tdb);
});
afterAll(() => t.close());

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

async function ok<T>(res: Res, status = 200): Promise<T> {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
}

const create = async (body: object = {}) =>
  ok<Detail>(await call(t, finance, 'POST', '/api/commission/plans', body), 201);
const put = (id: string, doc: object) => call(t, finance, 'PUT', `/api/commission/plans/${id}`, doc);
const activate = (id: string) => call(t, finance, 'POST', `/api/commission/plans/${id}/activate`);
const preview = (id: string, body: object) =>
  call(t, finance, 'POST', `/api/commission/plans/${id}/preview`, body);
const get = async (id: string) => ok<Detail>(await call(t, finance, 'GET', `/api/commission/plans/${id}`));

/** Runs a refused request and checks that no plan, activation, audit record or event changed. */
async function refused(fn: () => Promise<Res>): Promise<Res> {
  const before = await planSnapshot(t.tdb);
  const res = await fn();
  expect(await planSnapshot(t.tdb)).toEqual(before);
  return res;
}

const workedChain = () => ({
  chain: [
    { levelId: ladder.putong },
    { levelId: ladder.silver },
    { levelId: ladder.silver },
    { levelId: ladder.gold },
  ],
  line: { baseFen: 10_000, quantity: 1 },
});

let v1: Detail;
let v2: Detail;
let firstActivation: Date;
let secondActivation: Date;

describe('drafts, the preview and the first activation', () => {
  it('refuses to copy the active plan before there is one, writing nothing', async () => {
    const res = await refused(() =>
      call(t, finance, 'POST', '/api/commission/plans', { copyFrom: 'active' }),
    );
    expectError(res, 422, 'commission.no_active_plan', 'body.copyFrom');
    expect(await activePlanAt(t.tdb.deps.db, t.tdb.deps.clock.now())).toBeNull();
  });

  it('creates a blank draft v1 listing the ladder, audited', async () => {
    v1 = await create();
    expect(isId('commissionPlan', v1.id)).toBe(true);
    expect(v1).toMatchObject({ version: 1, status: 'draft', copiedFromId: null, activatedAt: null });
    expect(v1.document.levels.map((l) => l.levelId)).toEqual([ladder.putong, ladder.silver, ladder.gold]);
    expect(v1.document.levels.every((l) => l.directRateBps === 0 && l.teamRateBps === 0)).toBe(true);
    expect(v1.levels.map((l) => l.name)).toEqual(['普通团长', '银牌', '金牌']);
    const audit = await listAudit(t.tdb.deps.db, { entityId: v1.id, page: 1, pageSize: 10 });
    expect(audit.items.map((a) => a.action)).toEqual(['commission_plan.create']);
  });

  it('saves the worked example and describes it in both languages', async () => {
    const saved = await ok<Detail>(await put(v1.id, workedExample(ladder)));
    expect(saved.document.team).toEqual({ mode: 'differential', peerRateBps: 1000, peerGenerations: 1 });
    // The worst chain: L0 普通 10% + L1 金牌 7% + L2 金牌 peer 10% × 7% = 17.7% → 1,770 bps.
    expect(saved.worstCaseBps).toBe(1770);
    const zh = saved.description.zh.flatMap((d) => d.lines).join('\n');
    expect(zh).toContain('银牌：团队比例 4%。');
    const en = saved.description.en.flatMap((d) => d.lines).join('\n');
    expect(en).toContain('Silver: team rate 4%.');
    const audit = await listAudit(t.tdb.deps.db, { entityId: v1.id, page: 1, pageSize: 10 });
    expect(audit.items.map((a) => a.action).sort()).toEqual([
      'commission_plan.create',
      'commission_plan.update',
    ]);
  });

  it('previews the worked example with the engine, writing nothing', async () => {
    const res = await refused(() => preview(v1.id, workedChain()));
    const p = await ok<Preview>(res);
    expect(p.problems).toEqual([]);
    // L0 普通 direct 1,000; L1 银牌 400; L2 银牌 peer 10% × 400 = 40; L3 金牌 7% − 4% = 300.
    expect(p.entries?.map((e) => [e.beneficiaryId, e.rule, e.amountFen])).toEqual([
      ['L0', 'direct', 1000],
      ['L1', 'differential', 400],
      ['L2', 'peer', 40],
      ['L3', 'differential', 300],
    ]);
    expect(p.totalFen).toBe(1740);
    expect(p.entries?.[2]?.sentence.zh).toBe(
      '平级奖（第 1 代）：同为银牌的 L1 在本单获得团队奖 ¥4.00，× 10% = ¥0.40',
    );
  });

  it('previews an unsaved edit without saving it, and reports its problems by field', async () => {
    const edited = workedExample(ladder, {
      levels: workedExample(ladder).levels.map((l) =>
        l.levelId === ladder.putong ? { ...l, directRateBps: 1500 } : l,
      ),
    });
    const p = await ok<Preview>(await refused(() => preview(v1.id, { ...workedChain(), document: edited })));
    expect(p.entries?.[0]?.amountFen).toBe(1500);
    const bad = workedExample(ladder, {
      tiered: {
        mode: 'whole',
        tiers: [
          { fromFen: 0, rateBps: 0 },
          { fromFen: 500, rateBps: 100 },
          { fromFen: 100, rateBps: 200 },
        ],
      },
    });
    const q = await ok<Preview>(await refused(() => preview(v1.id, { ...workedChain(), document: bad })));
    expect(q.problems).toEqual([
      expect.objectContaining({
        code: 'commission.plan_tiers_out_of_order',
        field: 'body.tiered.tiers[2].fromFen',
      }),
    ]);
    const unknownChain = await ok<Preview>(
      await preview(v1.id, { chain: [{ levelId: 'lvl_nope' }], line: { baseFen: 100, quantity: 1 } }),
    );
    expect(unknownChain.problems.map((x) => x.field)).toEqual(['body.chain[0].levelId']);
  });

  it('activates v1: active, in the history, audited and announced', async () => {
    firstActivation = t.tdb.deps.clock.now();
    const active = await ok<Detail>(await activate(v1.id));
    expect(active).toMatchObject({ status: 'active', activatedAt: firstActivation.toISOString() });
    expect(active.activations).toEqual([
      expect.objectContaining({
        planId: v1.id,
        version: 1,
        previousPlanId: null,
        activatedAt: firstActivation.toISOString(),
      }),
    ]);
    const events = await t.tdb.deps.pool.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox_events WHERE type = 'commission.plan_activated'`,
    );
    expect(events.rows.map((r) => r.payload)).toEqual([
      expect.objectContaining({ planId: v1.id, version: 1, previousPlanId: null, previousVersion: null }),
    ]);
    const audit = await listAudit(t.tdb.deps.db, { entityId: v1.id, page: 1, pageSize: 10 });
    expect(audit.items.map((a) => a.action)).toContain('commission_plan.activate');
  });

  it('refuses to edit, activate or archive the active plan', async () => {
    expectError(await refused(() => put(v1.id, workedExample(ladder))), 409, 'commission.plan_not_draft');
    expectError(await refused(() => activate(v1.id)), 409, 'commission.plan_not_draft');
    expectError(
      await refused(() => call(t, finance, 'POST', `/api/commission/plans/${v1.id}/archive`)),
      409,
      'commission.plan_not_draft',
    );
  });
});

describe('a second version and the activation history', () => {
  it('copies the active plan into draft v2', async () => {
    t.tdb.deps.clock.advance(10 * MINUTE);
    v2 = await create({ copyFrom: 'active' });
    expect(v2).toMatchObject({ version: 2, status: 'draft', copiedFromId: v1.id, name: '示例方案 (v2)' });
    expect(v2.document.levels).toEqual(workedExample(ladder).levels);
  });

  it('activates v2: v1 is archived, only one version is active', async () => {
    const edited = {
      ...v2.document,
      team: { mode: 'differential' as const, peerRateBps: 500, peerGenerations: 1 },
    };
    await ok<Detail>(await put(v2.id, edited));
    t.tdb.deps.clock.advance(MINUTE);
    const active = await ok<Detail>(await activate(v2.id));
    secondActivation = new Date(active.activatedAt ?? '');
    expect(active.status).toBe('active');
    expect((await get(v1.id)).status).toBe('archived');
    const n = await t.tdb.deps.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM commission_plans WHERE status = 'active'",
    );
    expect(n.rows[0]?.n).toBe(1);
    const history = await ok<{ items: Array<{ planId: string; previousPlanId: string | null }> }>(
      await call(t, operator, 'GET', '/api/commission/plan-activations'),
    );
    expect(history.items.map((h) => [h.planId, h.previousPlanId])).toEqual([
      [v2.id, v1.id],
      [v1.id, null],
    ]);
    const list = await ok<{ items: Summary[] }>(await call(t, operator, 'GET', '/api/commission/plans'));
    expect(list.items.map((p) => [p.version, p.status])).toEqual([
      [2, 'active'],
      [1, 'archived'],
    ]);
  });

  it('answers which version was active at any moment', async () => {
    const db = t.tdb.deps.db;
    const second = secondActivation;
    expect(await activePlanAt(db, new Date(firstActivation.getTime() - 1))).toBeNull();
    expect((await activePlanAt(db, firstActivation))?.version).toBe(1);
    expect((await activePlanAt(db, new Date(second.getTime() - 1)))?.version).toBe(1);
    const now = await activePlanAt(db, second);
    expect(now?.version).toBe(2);
    expect(now?.document.team).toEqual({ mode: 'differential', peerRateBps: 500, peerGenerations: 1 });
    expect((await activePlanAt(db, new Date(second.getTime() + 1000 * HOUR)))?.planId).toBe(v2.id);
  });

  it('archives a draft nobody wants, and then refuses to touch it', async () => {
    const draft = await create({ copyFrom: v1.id });
    expect(draft.copiedFromId).toBe(v1.id);
    const archived = await ok<Detail>(
      await call(t, finance, 'POST', `/api/commission/plans/${draft.id}/archive`),
    );
    expect(archived.status).toBe('archived');
    expectError(await refused(() => activate(draft.id)), 409, 'commission.plan_not_draft');
    expectError(await refused(() => put(draft.id, workedExample(ladder))), 409, 'commission.plan_not_draft');
  });

  it('activates one of two drafts activated at once, then the other, never both', async () => {
    const a = await create({ copyFrom: 'active' });
    const b = await create({ copyFrom: 'active' });
    const [ra, rb] = await Promise.all([activate(a.id), activate(b.id)]);
    expect([ra.statusCode, rb.statusCode]).toEqual([200, 200]);
    const rows = await t.tdb.deps.pool.query<{ id: string; status: string }>(
      'SELECT id, status FROM commission_plans WHERE id = ANY($1)',
      [[a.id, b.id]],
    );
    expect(rows.rows.map((r) => r.status).sort()).toEqual(['active', 'archived']);
    const n = await t.tdb.deps.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM commission_plans WHERE status = 'active'",
    );
    expect(n.rows[0]?.n).toBe(1);
  });
});

describe('bad input: refused, naming the field, nothing written', () => {
  let draft: Detail;
  beforeAll(async () => {
    draft = await create({ copyFrom: 'active' });
  });

  const base = () => workedExample(ladder);
  const cases: Array<{ name: string; doc: () => object; status: number; code: string; field: string }> = [
    {
      // 普通 direct 90% + 金牌 differential 20% + the next 金牌's peer 10% × 20% = 112% > 100%.
      name: 'rates that overflow the base',
      doc: () => ({
        ...base(),
        levels: [
          { ...base().levels[0], directRateBps: 9000 },
          { ...base().levels[2], teamRateBps: 2000 },
        ],
      }),
      status: 422,
      code: 'commission.plan_rates_overflow',
      field: 'body.levels[0].directRateBps',
    },
    {
      name: 'tiers out of order',
      doc: () => ({
        ...base(),
        tiered: {
          mode: 'marginal',
          tiers: [
            { fromFen: 0, rateBps: 0 },
            { fromFen: 5_000_000, rateBps: 200 },
            { fromFen: 1_000_000, rateBps: 100 },
          ],
        },
      }),
      status: 422,
      code: 'commission.plan_tiers_out_of_order',
      field: 'body.tiered.tiers[2].fromFen',
    },
    {
      name: 'a first tier not from 0',
      doc: () => ({ ...base(), tiered: { mode: 'whole', tiers: [{ fromFen: 100, rateBps: 100 }] } }),
      status: 422,
      code: 'commission.plan_tiers_out_of_order',
      field: 'body.tiered.tiers[0].fromFen',
    },
    {
      name: 'a rate above 100%',
      doc: () => ({ ...base(), regional: { rateBps: 10_001 } }),
      status: 422,
      code: 'commission.plan_invalid_rate',
      field: 'body.regional.rateBps',
    },
    {
      name: 'an unknown level',
      doc: () => ({ ...base(), levels: [...base().levels, { ...base().levels[0], levelId: 'lvl_nope' }] }),
      status: 422,
      code: 'commission.plan_unknown_level',
      field: 'body.levels[3].levelId',
    },
    {
      name: 'an unknown SKU',
      doc: () => ({
        ...base(),
        levels: [{ ...base().levels[0], skuRates: [{ skuId: 'sku_nope', rateBps: 100 }] }],
      }),
      status: 422,
      code: 'commission.plan_unknown_sku',
      field: 'body.levels[0].skuRates[0].skuId',
    },
    {
      name: 'an unknown campaign for a hot product',
      doc: () => ({
        ...base(),
        hotProducts: [{ campaignId: 'cmp_nope', skuId: sku.id, steps: [{ minUnits: 10, perUnitFen: 10 }] }],
      }),
      status: 422,
      code: 'commission.plan_unknown_campaign',
      field: 'body.hotProducts[0].campaignId',
    },
    {
      name: 'a depth above 3 without the acknowledgement',
      doc: () => ({ ...base(), depthCap: 4 }),
      status: 422,
      code: 'commission.plan_depth_cap',
      field: 'body.depthCap',
    },
    {
      name: 'more generations than the depth',
      doc: () => ({
        ...base(),
        depthCap: 2,
        team: { mode: 'generations', generationRatesBps: [100, 100, 100] },
      }),
      status: 422,
      code: 'commission.plan_generations_exceed_depth',
      field: 'body.team.generationRatesBps',
    },
    {
      name: 'an empty name',
      doc: () => ({ ...base(), name: '   ' }),
      status: 422,
      code: 'commission.plan_invalid_value',
      field: 'body.name',
    },
    {
      name: 'an unknown property (strict body)',
      doc: () => ({ ...base(), bonus: 1 }),
      status: 400,
      code: 'request.invalid',
      field: 'body.bonus',
    },
    {
      name: 'a rate given as text',
      doc: () => ({ ...base(), regional: { rateBps: '10' } }),
      status: 400,
      code: 'request.invalid',
      field: 'body.regional.rateBps',
    },
    {
      name: 'a fractional rate',
      doc: () => ({ ...base(), levels: [{ ...base().levels[0], directRateBps: 10.5 }] }),
      status: 400,
      code: 'request.invalid',
      field: 'body.levels.0.directRateBps',
    },
  ];

  it.each(cases)('$name → $status $code at $field', async ({ doc, status, code, field }) => {
    const res = await refused(() => put(draft.id, doc()));
    expectError(res, status, code, field);
  });

  it('answers 404 for a plan that does not exist', async () => {
    const missing = 'cpl_00000000000000000000000000';
    expectError(await refused(() => put(missing, base())), 404, 'commission.plan_not_found', 'params.id');
    expectError(await refused(() => activate(missing)), 404, 'commission.plan_not_found', 'params.id');
    expectError(
      await refused(() => call(t, finance, 'GET', `/api/commission/plans/${missing}`)),
      404,
      'commission.plan_not_found',
    );
    expectError(
      await refused(() => call(t, finance, 'POST', '/api/commission/plans', { copyFrom: missing })),
      404,
      'commission.plan_not_found',
      'body.copyFrom',
    );
  });

  it('refuses an operator (commission.read only) writing, and lets them preview', async () => {
    expectError(
      await refused(() => call(t, operator, 'PUT', `/api/commission/plans/${draft.id}`, base())),
      403,
      'auth.forbidden',
    );
    const p = await ok<Preview>(
      await call(t, operator, 'POST', `/api/commission/plans/${draft.id}/preview`, workedChain()),
    );
    expect(p.entries?.length).toBeGreaterThan(0);
  });
});

describe('the database guards the history', () => {
  it('refuses to change an active plan’s document, a second active plan, or any activation', async () => {
    const pool = t.tdb.deps.pool;
    const active = await pool.query<{ id: string }>(
      "SELECT id FROM commission_plans WHERE status = 'active'",
    );
    const id = active.rows[0]?.id;
    await expect(
      pool.query(`UPDATE commission_plans SET document = document || '{"name":"x"}' WHERE id = $1`, [id]),
    ).rejects.toThrow(/cannot change/);
    await expect(
      pool.query(`UPDATE commission_plans SET status = 'draft' WHERE id = $1`, [id]),
    ).rejects.toThrow(/cannot go from active to draft/);
    const draft = await pool.query<{ id: string }>(
      "SELECT id FROM commission_plans WHERE status = 'draft' LIMIT 1",
    );
    await expect(
      pool.query(`UPDATE commission_plans SET status = 'active', activated_at = now() WHERE id = $1`, [
        draft.rows[0]?.id,
      ]),
    ).rejects.toThrow(/commission_plans_one_active_idx/);
    await expect(pool.query('DELETE FROM commission_plans WHERE id = $1', [id])).rejects.toThrow(
      /never deleted/,
    );
    // The app's role may not even try (by privilege); the owner is stopped by the trigger.
    await expect(pool.query('DELETE FROM commission_plan_activations')).rejects.toThrow(/permission denied/);
    await expect(ownerQuery(t.tdb, 'UPDATE commission_plan_activations SET version = 9')).rejects.toThrow(
      /append-only/,
    );
    await expect(ownerQuery(t.tdb, 'DELETE FROM commission_plan_activations')).rejects.toThrow(/append-only/);
  });
});

describe('the demo plans', () => {
  it('seeds v1 active with every rule kind, valid, and v2 a draft', async () => {
    const tdb = await createTestDb();
    try {
      await makeLadder(tdb);
      const { activeId, draftId } = await tdb.deps.db.transaction(async (tx) => {
        const { skuIds } = await seedCatalogDemo(tdb.deps, tx);
        await seedCampaignsDemo(tdb.deps, tx, { skuIds: Object.values(skuIds) });
        return seedCommissionDemo(tdb.deps, tx);
      });
      const active = await activePlanAt(tdb.deps.db, tdb.deps.clock.now());
      expect(active?.planId).toBe(activeId);
      const doc = active?.document as PlanDocument;
      // The ladder of this database: 普通团长, 银牌, 金牌 (no 合伙人), resolved at seed time.
      expect(doc.levels.map((l) => l.levelId)).toEqual([ladder.putong, ladder.silver, ladder.gold]);
      const lowest = doc.levels[0];
      expect([lowest?.categoryRates.length, lowest?.skuRates.length, lowest?.skuFixed.length]).toEqual([
        1, 1, 1,
      ]);
      expect(doc.team.mode).toBe('differential');
      expect(doc.recruit?.rateBps).toBeGreaterThan(0);
      expect(doc.tiered?.tiers.length).toBe(3);
      expect(doc.regional?.rateBps).toBeGreaterThan(0);
      expect(doc.hotProducts).toHaveLength(1);
      const rows = await tdb.deps.pool.query<{ id: string; version: number; status: string }>(
        'SELECT id, version, status FROM commission_plans ORDER BY version',
      );
      expect(rows.rows).toEqual([
        { id: activeId, version: 1, status: 'active' },
        { id: draftId, version: 2, status: 'draft' },
      ]);
    } finally {
      await tdb.close();
    }
  });
});
