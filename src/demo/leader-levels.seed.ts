import { eq, inArray, sql } from 'drizzle-orm';
import { leaders } from '../modules/leaders/index.js';
import { evaluateRule } from '../modules/leaders/levels/assess-level.js';
import { previousPeriod } from '../modules/leaders/levels/assessment-period.js';
import { overrideLeaderLevelTx } from '../modules/leaders/levels/level-override.service.js';
import { metricSpecsOf, type RuleNode } from '../modules/leaders/levels/level-rules.js';
import { createLevelTx } from '../modules/leaders/levels/levels.service.js';
import {
  leaderLevelHistory,
  leaderLevels,
  levelAssessmentRuns,
} from '../modules/leaders/levels/levels.tables.js';
import { type Actor, SYSTEM_ACTOR } from '../platform/audit/index.js';
import type { Tx } from '../platform/db/database.js';
import type { Deps } from '../platform/deps.js';
import { newId } from '../platform/ids.js';

const DEMO: Actor = { ...SYSTEM_ACTOR, actorName: 'demo' };

/**
 * The demo ladder (团长等级): 普通团长 (in every database) < 银牌 < 金牌 < 合伙人, with rules sized to
 * the demo sales (a demo leader sells ¥3,000-¥14,000 a month), and a level history for the demo
 * leaders as two monthly assessments and an override would have left it (imported with the demo
 * data, like the network's sales history):
 * - 陈静 (the `leader` login): 普通 → 银牌 two months ago → 金牌 last month;
 * - 刘建国: 普通 → 银牌 last month;
 * - 赵敏: 普通 → 银牌 two months ago → back to 普通 last month (sales fell);
 * - 王美玲: made 合伙人 by an operator (上海城市合伙人), held for three months.
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
        { metric: 'ownGmvFen', op: '>=', value: 300_000 },
        { metric: 'ownOrders', op: '>=', value: 60 },
      ],
    },
    downgrade: { metric: 'ownGmvFen', op: '<', value: 100_000 },
  },
  {
    code: 'GOLD',
    nameZh: '金牌团长',
    nameEn: 'Gold leader',
    rank: 30,
    upgrade: {
      all: [
        { metric: 'ownGmvFen', op: '>=', value: 800_000 },
        {
          any: [
            { metric: 'directRecruits', op: '>=', value: 2 },
            { metric: 'customers', op: '>=', value: 8 },
          ],
        },
      ],
    },
    downgrade: { metric: 'ownGmvFen', op: '<', value: 400_000 },
  },
  {
    code: 'PARTNER',
    nameZh: '合伙人',
    nameEn: 'Partner',
    rank: 40,
    upgrade: {
      all: [
        { metric: 'teamGmvFen', op: '>=', value: 3_000_000, generations: 3 },
        { metric: 'directRecruits', op: '>=', value: 3, activeOnly: true, period: { days: 30 } },
      ],
    },
    downgrade: { metric: 'teamGmvFen', op: '<', value: 1_500_000 },
  },
];

const REGULAR = 'REGULAR';

/** A past assessment change with the figures that caused it, as the job records one. */
interface PastChange {
  phone: string;
  from: string;
  to: string;
  rule: 'upgrade' | 'downgrade';
  figures: Record<string, number>;
}

const TWO_MONTHS_AGO: PastChange[] = [
  {
    phone: '19900000101',
    from: REGULAR,
    to: 'SILVER',
    rule: 'upgrade',
    figures: { 'ownGmvFen:P': 412_300, 'ownOrders:P': 86 },
  },
  {
    phone: '19900000201',
    from: REGULAR,
    to: 'SILVER',
    rule: 'upgrade',
    figures: { 'ownGmvFen:P': 318_000, 'ownOrders:P': 64 },
  },
];

const LAST_MONTH: PastChange[] = [
  {
    phone: '19900000101',
    from: 'SILVER',
    to: 'GOLD',
    rule: 'upgrade',
    figures: { 'ownGmvFen:P': 1_056_800, 'directRecruits:P': 3, 'customers:P': 9 },
  },
  {
    phone: '19900000102',
    from: REGULAR,
    to: 'SILVER',
    rule: 'upgrade',
    figures: { 'ownGmvFen:P': 377_500, 'ownOrders:P': 71 },
  },
  {
    phone: '19900000201',
    from: 'SILVER',
    to: REGULAR,
    rule: 'downgrade',
    figures: { 'ownGmvFen:P': 86_400 },
  },
];

export async function seedLeaderLevelsDemo(deps: Deps, tx: Tx): Promise<{ levels: number; changes: number }> {
  for (const level of DEMO_LADDER) await createLevelTx(deps, tx, DEMO, level);
  const ladder = await tx.select().from(leaderLevels);
  const byCode = new Map(ladder.map((l) => [l.code, l]));
  const phones = [...new Set([...TWO_MONTHS_AGO, ...LAST_MONTH].map((c) => c.phone)), '19900000103'];
  const found = await tx
    .select({ id: leaders.id, hash: leaders.phoneHash })
    .from(leaders)
    .where(
      inArray(
        leaders.phoneHash,
        phones.map((p) => deps.crypto.hash(p)),
      ),
    );
  const idOf = (phone: string) => found.find((f) => f.hash === deps.crypto.hash(phone))?.id;

  const now = deps.clock.now();
  let changes = 0;
  for (const [monthsAgo, batch] of [
    [2, TWO_MONTHS_AGO],
    [1, LAST_MONTH],
  ] as const) {
    // The run at 02:00 on the 1st of the month, for the month before it.
    const runMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo + 1, 1, 2 - 8));
    const period = previousPeriod(runMonth, 'month');
    const runId = newId('levelAssessmentRun', runMonth.getTime());
    // The demo leaders were created a moment ago, and a leader's history must read in order (the
    // level at a moment is the last change before it): the imported changes are stamped just after
    // creation, while their periods say which month they assessed.
    const at = new Date(now.getTime() + 3 - monthsAgo);
    let upgraded = 0;
    let downgraded = 0;
    for (const change of batch) {
      const leaderId = idOf(change.phone);
      const from = byCode.get(change.from);
      const to = byCode.get(change.to);
      if (!leaderId || !from || !to) continue;
      const ruleLevel = change.rule === 'upgrade' ? to : from;
      const rule = change.rule === 'upgrade' ? ruleLevel.upgradeRule : ruleLevel.downgradeRule;
      if (!rule) continue;
      const figures: Record<string, number> = {};
      for (const spec of metricSpecsOf([rule])) figures[spec.key] = change.figures[spec.key] ?? 0;
      await tx.insert(leaderLevelHistory).values({
        id: newId('leaderLevelChange', at.getTime()),
        leaderId,
        fromLevelId: from.id,
        toLevelId: to.id,
        at,
        cause: 'assessment',
        metrics: {
          rule: change.rule,
          levelId: ruleLevel.id,
          figures,
          evaluation: evaluateRule(rule, (k) => figures[k] ?? 0),
        },
        actorName: 'system',
        periodStart: period.start,
        periodEnd: period.end,
        runId,
      });
      await tx.update(leaders).set({ levelId: to.id }).where(eq(leaders.id, leaderId));
      if (change.rule === 'upgrade') upgraded += 1;
      else downgraded += 1;
      changes += 1;
    }
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(leaders)
      .where(eq(leaders.status, 'active'));
    await tx.insert(levelAssessmentRuns).values({
      id: runId,
      periodStart: period.start,
      periodEnd: period.end,
      trigger: 'schedule',
      status: 'completed',
      actorName: 'system',
      assessed: n,
      upgraded,
      downgraded,
      unchanged: n - upgraded - downgraded,
      held: 0,
      durationMs: 42,
      startedAt: runMonth,
      finishedAt: new Date(runMonth.getTime() + 42),
    });
  }

  // An operator made 王美玲 a partner when she signed as 上海城市合伙人, with her level held.
  const wang = idOf('19900000103');
  const partner = byCode.get('PARTNER');
  if (wang && partner) {
    await overrideLeaderLevelTx(deps, tx, { ...DEMO, actorName: 'operator' }, wang, {
      levelId: partner.id,
      reason: '签约上海城市合伙人，保级三个月',
      holdUntil: new Date(now.getTime() + 92 * 86_400_000).toISOString(),
    });
    changes += 1;
  }
  return { levels: DEMO_LADDER.length, changes };
}
