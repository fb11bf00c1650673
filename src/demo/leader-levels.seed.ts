import type { RuleNode } from '../modules/leaders/index.js';
import { createLevelTx } from '../modules/leaders/index.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';

const DEMO: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };

/**
 * The demo ladder (团长等级): 普通团长 (in every database) < 银牌 < 金牌 < 合伙人, with rules sized to
 * the demo's replayed sales (history.seed.ts). The levels the demo leaders hold come from what
 * happened in those weeks: the monthly assessment on the 1st judged last month's real figures, and
 * an operator made 王美玲 a partner (上海城市合伙人) with her level held for three months.
 */
export const DEMO_LADDER: Array<{
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
  upgrade: RuleNode;
  downgrade: RuleNode;
}> = [
  {
    code: 'SILVER',
    nameZh: '银牌团长',
    nameEn: 'Silver leader',
    rank: 20,
    upgrade: {
      all: [
        { metric: 'ownGmvFen', op: '>=', value: 50_000 },
        { metric: 'ownOrders', op: '>=', value: 12 },
      ],
    },
    downgrade: { metric: 'ownGmvFen', op: '<', value: 20_000 },
  },
  {
    code: 'GOLD',
    nameZh: '金牌团长',
    nameEn: 'Gold leader',
    rank: 30,
    upgrade: {
      all: [
        { metric: 'ownGmvFen', op: '>=', value: 120_000 },
        {
          any: [
            { metric: 'directRecruits', op: '>=', value: 2 },
            { metric: 'customers', op: '>=', value: 8 },
          ],
        },
      ],
    },
    downgrade: { metric: 'ownGmvFen', op: '<', value: 60_000 },
  },
  {
    code: 'PARTNER',
    nameZh: '合伙人',
    nameEn: 'Partner',
    rank: 40,
    upgrade: {
      all: [
        { metric: 'teamGmvFen', op: '>=', value: 500_000, generations: 3 },
        { metric: 'directRecruits', op: '>=', value: 3, activeOnly: true, period: { days: 30 } },
      ],
    },
    downgrade: { metric: 'teamGmvFen', op: '<', value: 250_000 },
  },
];

export async function seedLeaderLevelsDemo(deps: Deps, tx: Tx): Promise<{ levels: number }> {
  for (const level of DEMO_LADDER) await createLevelTx(deps, tx, DEMO, level);
  return { levels: DEMO_LADDER.length };
}
