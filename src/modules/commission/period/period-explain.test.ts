import { describe, expect, it } from 'vitest';
import { workedExamplePlan } from '../domain/test-plans.js';
import { dividendEntries, hotProductEntries, recruitBonusEntry, tieredEntries } from './period-entries.js';
import { explainPeriodEntry, isPeriodExplanation } from './period-explain.js';

const tiers = [
  { fromFen: 0, rateBps: 0 },
  { fromFen: 1_000_000, rateBps: 100 },
  { fromFen: 5_000_000, rateBps: 200 },
];

function only<T>(xs: readonly T[]): T {
  expect(xs).toHaveLength(1);
  return xs[0] as T;
}

describe('explainPeriodEntry', () => {
  it('tiered, whole', () => {
    const e = only(
      tieredEntries(workedExamplePlan({ tiered: { mode: 'whole', tiers } }), '2026-10', [
        { leaderId: 'a', gmvFen: 6_000_000 },
      ]),
    );
    expect(explainPeriodEntry(e.explanation, e.amountFen, 'zh')).toBe(
      '阶梯佣金（2026-10，全额累进）：当月已完成直接销售额 ¥60,000.00，达到第 3 档（从 ¥50,000.00 起 2%），¥60,000.00 × 2% = ¥1,200.00',
    );
    expect(explainPeriodEntry(e.explanation, e.amountFen, 'en')).toBe(
      'Tiered commission (2026-10, whole): completed direct sales ¥60,000.00 reached tier 3 (from ¥50,000.00: 2%); ¥60,000.00 × 2% = ¥1,200.00',
    );
  });

  it('tiered, marginal: each paying part', () => {
    const e = only(
      tieredEntries(workedExamplePlan({ tiered: { mode: 'marginal', tiers } }), '2026-10', [
        { leaderId: 'a', gmvFen: 6_000_000 },
      ]),
    );
    expect(explainPeriodEntry(e.explanation, e.amountFen, 'zh')).toBe(
      '阶梯佣金（2026-10，超额累进）：当月已完成直接销售额 ¥60,000.00，各档分段计算 ¥40,000.00 × 1% + ¥10,000.00 × 2% = ¥600.00',
    );
  });

  it('regional dividend', () => {
    const out = dividendEntries(workedExamplePlan({ regional: { rateBps: 100 } }), '2026-10', [
      {
        regionId: 'r',
        regionName: '杭州市',
        gmvFen: 1_000_001,
        managers: [
          { userId: 'u1', leaderId: 'l1', name: 'A', weight: 2 },
          { userId: 'u2', leaderId: 'l2', name: 'B', weight: 1 },
        ],
      },
    ]);
    const e = out.entries[0];
    if (!e) throw new Error('no entry');
    expect(explainPeriodEntry(e.explanation, e.amountFen, 'zh')).toBe(
      '区域分红（2026-10，杭州市）：区域已完成销售额 ¥10,000.01 × 1% = 分红池 ¥100.00，您的权重 2/3（共 2 位区域经理）= ¥66.67',
    );
  });

  it('hot product', () => {
    const plan = workedExamplePlan({
      hotProducts: [{ campaignId: 'c', skuId: 's', steps: [{ minUnits: 50, perUnitFen: 100 }] }],
    });
    const e = only(
      hotProductEntries(
        plan,
        { id: 'c', name: '周末水果节' },
        { id: 's', name: '脐橙' },
        new Map([['a', 60]]),
      ),
    );
    expect(explainPeriodEntry(e.explanation, e.amountFen, 'zh')).toBe(
      '爆品阶梯奖励（周末水果节 · 脐橙）：您售出 60 件，达到满 50 件一档，每件 ¥1.00 × 60 件 = ¥60.00',
    );
  });

  it('recruit bonus', () => {
    const plan = workedExamplePlan({
      recruit: { thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 0, rateDays: 0 },
    });
    const r = recruitBonusEntry(plan, {
      recruitId: 'n',
      recruitName: '王芳',
      referrerId: 'r',
      approvedAt: '2026-10-01T00:00:00Z',
      completedSalesInWindowFen: 120_000,
      alreadyAwarded: false,
    });
    if (!r.award) throw new Error('expected an award');
    expect(explainPeriodEntry(r.entry.explanation, r.entry.amountFen, 'en')).toBe(
      'Recruit bonus: 王芳, the leader you recruited, completed ¥1,200.00 of sales within 30 days of approval, reaching ¥1,000.00; a one-off bonus of ¥50.00',
    );
  });

  it('tells period explanations from line explanations', () => {
    expect(isPeriodExplanation({ rule: 'tiered' })).toBe(true);
    expect(isPeriodExplanation({ rule: 'direct' })).toBe(false);
    expect(isPeriodExplanation(null)).toBe(false);
  });
});
