import { describe, expect, it } from 'vitest';
import { evaluateRule } from './assess-level.js';
import { explainLines, rulePreview, yuanText } from './rule-preview.js';

const lastMonth = { zh: '上月', en: 'last month' };

describe('rule preview', () => {
  it('reads a rule in Chinese and English', () => {
    const p = rulePreview(
      {
        all: [
          { metric: 'ownGmvFen', op: '>=', value: 1_000_000 },
          { metric: 'directRecruits', op: '>=', value: 3 },
        ],
      },
      lastMonth,
    );
    expect(p.zh).toBe('上月个人完成GMV ≥ ¥10,000 且 直推团长 ≥ 3');
    expect(p.en).toBe('own completed GMV last month ≥ ¥10,000 and direct recruits ≥ 3');
  });

  it('puts nested groups in parentheses and names windows, generations and active recruits', () => {
    const p = rulePreview(
      {
        any: [
          { metric: 'teamGmvFen', op: '>', value: 5_000_050, generations: 2, period: { days: 30 } },
          {
            all: [
              { metric: 'customers', op: '<', value: 20 },
              { metric: 'directRecruits', op: '>=', value: 2, activeOnly: true },
              { metric: 'ownOrders', op: '<=', value: 1000 },
            ],
          },
        ],
      },
      lastMonth,
    );
    expect(p.zh).toBe(
      '近30天团队GMV（2代内） > ¥50,000.50 或 (上月下单顾客数 < 20 且 上月活跃直推团长 ≥ 2 且 上月个人完成订单数 ≤ 1,000)',
    );
    expect(p.en).toBe(
      'team GMV (2 generations) in the last 30 days > ¥50,000.50 or (distinct customers last month < 20 and active direct recruits last month ≥ 2 and own completed orders last month ≤ 1,000)',
    );
  });

  it('says when a level has no rule', () => {
    expect(rulePreview(null, lastMonth)).toEqual({
      zh: '无（仅可手动调整）',
      en: 'none (set by an operator only)',
    });
  });

  it('formats fen as yuan', () => {
    expect(yuanText(0)).toBe('¥0');
    expect(yuanText(5)).toBe('¥0.05');
    expect(yuanText(123_456_789)).toBe('¥1,234,567.89');
  });
});

describe('explainLines', () => {
  it('lists the groups and each condition with its figure and whether it held', () => {
    const ev = evaluateRule(
      {
        all: [
          { metric: 'ownGmvFen', op: '>=', value: 1_000_000 },
          { metric: 'directRecruits', op: '>=', value: 3 },
        ],
      },
      (k) => (k === 'ownGmvFen:P' ? 1_234_500 : 2),
    );
    const period = { zh: '考核期', en: 'in the period' };
    expect(explainLines(ev, period)).toEqual([
      { depth: 0, kind: 'all', held: false, text: { zh: '同时满足以下条件', en: 'all of' } },
      {
        depth: 1,
        kind: 'condition',
        held: true,
        text: { zh: '考核期个人完成GMV ≥ ¥10,000', en: 'own completed GMV in the period ≥ ¥10,000' },
        metric: 'ownGmvFen',
        actual: 1_234_500,
        target: 1_000_000,
        actualText: '¥12,345',
      },
      {
        depth: 1,
        kind: 'condition',
        held: false,
        text: { zh: '直推团长 ≥ 3', en: 'direct recruits ≥ 3' },
        metric: 'directRecruits',
        actual: 2,
        target: 3,
        actualText: '2',
      },
    ]);
  });
});
