import type { PlanDocument } from '../../src/modules/commission/index.js';
import type { TestDb } from '../helpers/test-db.js';

/** The base level every database starts with (migration 0015): 普通团长, rank 10. */
export const BASE_LEVEL_ID = 'lvl_0000000000000000000000BASE';

export interface Ladder {
  putong: string;
  silver: string;
  gold: string;
}

/** Adds 银牌 and 金牌 above the base level, straight into the levels table, for commission tests. */
export async function makeLadder(tdb: TestDb): Promise<Ladder> {
  const silver = 'lvl_01JCOMMISSIONTESTSILVER00';
  const gold = 'lvl_01JCOMMISSIONTESTGOLD0000';
  await tdb.deps.pool.query(
    `INSERT INTO leader_levels (id, code, name_zh, name_en, rank, status, created_at, updated_at)
     VALUES ($1, 'CT_SILVER', '银牌', 'Silver', 20, 'active', now(), now()),
            ($2, 'CT_GOLD', '金牌', 'Gold', 30, 'active', now(), now())
     ON CONFLICT (id) DO NOTHING`,
    [silver, gold],
  );
  return { putong: BASE_LEVEL_ID, silver, gold };
}

const level = (levelId: string, directRateBps: number, teamRateBps: number) => ({
  levelId,
  directRateBps,
  categoryRates: [],
  skuRates: [],
  skuFixed: [],
  teamRateBps,
});

/**
 * The worked example: team rates 普通 0%, 银牌 4%, 金牌 7%; direct 普通 10% (银牌 12%,
 * 金牌 15%); peer 10% for one generation; depth 3.
 */
export function workedExample(l: Ladder, patch: Partial<PlanDocument> = {}): PlanDocument {
  return {
    name: '示例方案',
    depthCap: 3,
    allowDepthAboveDefault: false,
    selfPurchaseEarnsDirect: true,
    levels: [level(l.putong, 1000, 0), level(l.silver, 1200, 400), level(l.gold, 1500, 700)],
    team: { mode: 'differential', peerRateBps: 1000, peerGenerations: 1 },
    recruit: null,
    tiered: null,
    regional: null,
    hotProducts: [],
    ...patch,
  };
}

/** Everything a refused plan request must leave alone. */
export async function planSnapshot(tdb: TestDb) {
  const q = async (sql: string) => (await tdb.deps.pool.query(sql)).rows;
  return {
    plans: await q(`SELECT id, version, status, document, updated_at, activated_at, archived_at
                    FROM commission_plans ORDER BY version`),
    activations: await q('SELECT id, plan_id FROM commission_plan_activations ORDER BY seq'),
    audit: (await q('SELECT count(*)::int AS n FROM audit_log'))[0],
    events: (await q('SELECT count(*)::int AS n FROM outbox_events'))[0],
  };
}
