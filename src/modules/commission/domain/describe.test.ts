import { describe, expect, it } from 'vitest';
import { computeLine } from './compute-line.js';
import { describePlan, explainEntry, formatBps } from './describe.js';
import { blankPlan } from './plan.js';
import {
  chainOf,
  GOLD,
  LEVEL_IDS,
  LEVEL_NAMES,
  lineOf,
  PUTONG,
  SILVER,
  workedExamplePlan,
} from './test-plans.js';

describe('plain-language preview', () => {
  it.each([
    [1000, '10%'],
    [250, '2.5%'],
    [5, '0.05%'],
    [0, '0%'],
    [10_000, '100%'],
    [1234, '12.34%'],
  ])('%i bps reads %s', (bps, text) => {
    expect(formatBps(bps)).toBe(text);
  });

  it('describes each rule kind in Chinese and English', () => {
    const plan = workedExamplePlan({
      recruit: { thresholdFen: 100_000, withinDays: 30, bonusFen: 5_000, rateBps: 200, rateDays: 30 },
      tiered: {
        mode: 'marginal',
        tiers: [
          { fromFen: 0, rateBps: 0 },
          { fromFen: 1_000_000, rateBps: 100 },
        ],
      },
      regional: { rateBps: 50 },
      hotProducts: [{ campaignId: 'cmp_1', skuId: 'sku_1', steps: [{ minUnits: 100, perUnitFen: 50 }] }],
    });
    const zh = describePlan(plan, LEVEL_NAMES, 'zh', { skus: new Map([['sku_1', '红富士苹果 5斤']]) });
    expect(zh.map((r) => r.kind)).toEqual([
      'chain',
      'direct',
      'team',
      'peer',
      'recruit',
      'tiered',
      'regional',
      'hot_product',
    ]);
    const text = zh.flatMap((r) => r.lines).join('\n');
    expect(text).toContain('普通团长：实付金额的 10%。');
    expect(text).toContain('银牌：团队比例 4%。');
    expect(text).toContain('获得该同级团长在这笔订单上所得（L0 为直接佣金，其他为团队奖）的 10%');
    expect(text).toContain('审核后 30 天内已完成销售额达到 ¥1,000.00，其推荐人一次性获得 ¥50.00');
    expect(text).toContain('当月已完成直接销售额从 ¥10,000.00 起：1%。');
    expect(text).toContain('超额累进');
    expect(text).toContain('区域已完成销售额的 0.5%');
    expect(text).toContain('规格 红富士苹果 5斤：满 100 件每件 ¥0.50');
    const en = describePlan(plan, LEVEL_NAMES, 'en')
      .flatMap((r) => r.lines)
      .join('\n');
    expect(en).toContain('普通团长: 10% of the amount paid.');
    expect(en).toContain('Marginal');
    expect(en).toContain('SKU sku_1: from 100 units ¥0.50 per unit');
  });

  it('says so when a rule is off', () => {
    const text = describePlan(blankPlan(LEVEL_IDS), LEVEL_NAMES, 'en')
      .flatMap((r) => r.lines)
      .join('\n');
    for (const off of [
      'No team bonus.',
      'No recruit bonus.',
      'No tiered commission.',
      'No regional dividend.',
      'No hot-product ladder.',
    ])
      expect(text).toContain(off);
  });
});

describe('why a leader earned an entry', () => {
  const entries = computeLine(workedExamplePlan(), lineOf(), chainOf(PUTONG, SILVER, SILVER, GOLD));

  it('explains the worked example in Chinese', () => {
    expect(entries.map((e) => explainEntry(e, LEVEL_NAMES, 'zh'))).toEqual([
      '直接佣金（普通团长）：本单实付 ¥100.00，¥100.00 × 10%（等级默认比例） = ¥10.00',
      '团队奖（级差）：L1 银牌团队比例 4% − 下方最高 0%（L0）= 4%，¥100.00 × 4% = ¥4.00',
      '平级奖（第 1 代）：同为银牌的 L1 在本单获得团队奖 ¥4.00，× 10% = ¥0.40',
      '团队奖（级差）：L3 金牌团队比例 7% − 下方最高 4%（L1）= 3%，¥100.00 × 3% = ¥3.00',
    ]);
  });

  it('explains the worked example in English', () => {
    expect(explainEntry(entries[2] ?? (undefined as never), LEVEL_NAMES, 'en')).toBe(
      'Peer-level bonus (generation 1): L1, also 银牌, earned ¥4.00 (team bonus) on this line; × 10% = ¥0.40',
    );
  });
});
