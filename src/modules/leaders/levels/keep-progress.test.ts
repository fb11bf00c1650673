import { describe, expect, it } from 'vitest';
import { evaluateRule } from './assess-level.js';
import { keepProgress } from './keep-progress.js';
import type { RuleNode } from './level-rules.js';

const period = { zh: '本月', en: 'this month' };
const figures =
  (own: number, orders = 0) =>
  (key: string) =>
    key === 'ownGmvFen:P' ? own : key === 'ownOrders:P' ? orders : 0;
const keep = (rule: RuleNode, own: number, orders = 0) =>
  keepProgress(evaluateRule(rule, figures(own, orders)), period);

const belowGmv: RuleNode = { metric: 'ownGmvFen', op: '<', value: 500_000 };
const fewOrders: RuleNode = { metric: 'ownOrders', op: '<=', value: 9 };

describe('keepProgress', () => {
  it('is on track, with nothing missing, when the downgrade rule does not hold', () => {
    expect(keep(belowGmv, 600_000)).toEqual({ onTrack: true, missing: [] });
    expect(keep(belowGmv, 500_000)).toEqual({ onTrack: true, missing: [] });
  });

  it('is not on track when the downgrade rule holds, and says how much more is needed', () => {
    expect(keep(belowGmv, 120_000)).toEqual({
      onTrack: false,
      missing: [
        {
          metric: 'ownGmvFen',
          label: { zh: '本月个人完成GMV', en: 'own completed GMV this month' },
          direction: 'atLeast',
          have: 120_000,
          need: 500_000,
          short: 380_000,
          haveText: '¥1,200',
          needText: '¥5,000',
          shortText: '¥3,800',
        },
      ],
    });
  });

  it('turns "≤ 9 orders means a drop" into "reach 10 orders"', () => {
    const k = keep(fewOrders, 0, 7);
    expect(k.onTrack).toBe(false);
    expect(k.missing).toMatchObject([{ metric: 'ownOrders', need: 10, have: 7, short: 3, shortText: '3' }]);
  });

  it('for "drop when all of": meeting one condition is enough, the one needing fewest changes', () => {
    const rule: RuleNode = { all: [belowGmv, fewOrders] };
    const k = keep(rule, 100_000, 2);
    expect(k.onTrack).toBe(false);
    expect(k.missing).toHaveLength(1);
    expect(k.missing[0]?.metric).toBe('ownGmvFen');
    expect(keep(rule, 100_000, 10)).toEqual({ onTrack: true, missing: [] });
  });

  it('for "drop when any of": every condition that holds must be met', () => {
    const rule: RuleNode = { any: [belowGmv, fewOrders] };
    expect(keep(rule, 100_000, 2).missing.map((m) => m.metric)).toEqual(['ownGmvFen', 'ownOrders']);
    expect(keep(rule, 600_000, 2).missing.map((m) => m.metric)).toEqual(['ownOrders']);
    expect(keep(rule, 600_000, 12)).toEqual({ onTrack: true, missing: [] });
  });

  it('reads an upper bound ("drop when more than") as "stay at or below"', () => {
    const k = keep({ metric: 'ownOrders', op: '>', value: 5 }, 0, 8);
    expect(k.missing).toMatchObject([{ direction: 'atMost', need: 5, have: 8, short: 3 }]);
  });
});
