import { describe, expect, it } from 'vitest';
import { GOLD, PUTONG, SILVER, workedExamplePlan } from '../domain/test-plans.js';
import { chainOf, levelAt, lineEntries, type PaidLine, type PlanVersion, planAt } from './accrual-math.js';

const version = (planId: string, at: string, seq: number): PlanVersion => ({
  planId,
  version: seq,
  activatedAt: new Date(at),
  seq,
  document: workedExamplePlan({ name: planId }),
});

describe('planAt', () => {
  const timeline = [
    version('p1', '2026-01-01T00:00:00Z', 1),
    version('p2', '2026-02-01T00:00:00Z', 2),
    version('p3', '2026-02-01T00:00:00Z', 3),
    version('p4', '2026-03-01T00:00:00Z', 4),
  ];

  it('is null before the first activation', () => {
    expect(planAt(timeline, new Date('2025-12-31T23:59:59Z'))).toBeNull();
    expect(planAt([], new Date())).toBeNull();
  });

  it('takes the last activation at or before the moment, the later of two at one instant', () => {
    expect(planAt(timeline, new Date('2026-01-01T00:00:00Z'))?.planId).toBe('p1');
    expect(planAt(timeline, new Date('2026-01-31T23:59:59Z'))?.planId).toBe('p1');
    expect(planAt(timeline, new Date('2026-02-01T00:00:00Z'))?.planId).toBe('p3');
    expect(planAt(timeline, new Date('2026-02-15T00:00:00Z'))?.planId).toBe('p3');
    expect(planAt(timeline, new Date('2027-01-01T00:00:00Z'))?.planId).toBe('p4');
  });
});

describe('chainOf', () => {
  const levels: Record<string, string> = { a: PUTONG, b: SILVER, c: SILVER, d: GOLD, e: GOLD };
  const levelOf = (id: string) => levels[id] ?? null;

  it('is L0 then the uplines, cut to the depth cap, with each level', () => {
    const chain = chainOf('a', ['b', 'c', 'd', 'e'], 3, levelOf, '2026-01-01T00:00:00.000Z');
    expect(chain.map((l) => [l.leaderId, l.levelId, l.depth])).toEqual([
      ['a', PUTONG, 0],
      ['b', SILVER, 1],
      ['c', SILVER, 2],
      ['d', GOLD, 3],
    ]);
    expect(chain[0]?.approvedAt).toBe('2026-01-01T00:00:00.000Z');
  });

  it('stops at a leader seen before rather than pay anyone twice', () => {
    expect(chainOf('a', ['b', 'a', 'c'], 3, levelOf).map((l) => l.leaderId)).toEqual(['a', 'b']);
  });

  it('gives a leader with no level none', () => {
    expect(chainOf('x', [], 3, levelOf)).toEqual([
      { leaderId: 'x', levelId: null, depth: 0, approvedAt: null },
    ]);
  });
});

describe('lineEntries', () => {
  const line: PaidLine = {
    orderId: 'ord_1',
    orderLineId: 'oln_1',
    leaderId: 'L0',
    campaignId: 'cmp_1',
    skuId: 'sku_1',
    categoryId: 'cat_1',
    quantity: 2,
    amountFen: 10_000,
    paidAt: new Date('2026-03-01T08:00:00Z'),
    selfPurchase: false,
  };

  it('gives the issue’s worked example as rows to record: 1,000 / 400 / 40 / 300 fen', () => {
    const plan = version('p1', '2026-01-01T00:00:00Z', 1);
    const levels: Record<string, string> = { L0: PUTONG, L1: SILVER, L2: SILVER, L3: GOLD };
    const chain = chainOf('L0', ['L1', 'L2', 'L3'], 3, (id) => levels[id] ?? null);
    const rows = lineEntries(line, plan, chain);
    expect(rows.map((r) => [r.beneficiaryId, r.rule, r.amountFen])).toEqual([
      ['L0', 'direct', 1000],
      ['L1', 'differential', 400],
      ['L2', 'peer', 40],
      ['L3', 'differential', 300],
    ]);
    for (const r of rows) {
      expect(r).toMatchObject({
        causeType: 'order_line',
        orderId: 'ord_1',
        orderLineId: 'oln_1',
        campaignId: 'cmp_1',
        skuId: 'sku_1',
        planId: 'p1',
        planVersion: 1,
        lineQuantity: 2,
        lineFen: 10_000,
        paidAt: line.paidAt,
      });
      expect(r.key).toBe(`line:oln_1:${r.rule}:${r.chainPosition}:${r.beneficiaryId}`);
    }
    expect(rows.find((r) => r.rule === 'peer')?.baseFen).toBe(400);
  });
});

describe('levelAt', () => {
  const history = [
    { fromLevelId: null, toLevelId: PUTONG, at: Date.parse('2026-01-01T00:00:00Z') },
    { fromLevelId: PUTONG, toLevelId: SILVER, at: Date.parse('2026-02-01T00:00:00Z') },
    { fromLevelId: SILVER, toLevelId: GOLD, at: Date.parse('2026-02-01T00:00:00Z') },
    { fromLevelId: GOLD, toLevelId: SILVER, at: Date.parse('2026-03-01T00:00:00Z') },
  ];

  it('is the target of the last change at or before the moment (the later of two at one instant)', () => {
    expect(levelAt(history, new Date('2026-01-15T00:00:00Z'))).toBe(PUTONG);
    expect(levelAt(history, new Date('2026-02-01T00:00:00Z'))).toBe(GOLD);
    expect(levelAt(history, new Date('2026-03-05T00:00:00Z'))).toBe(SILVER);
  });

  it('before the first change, the level it started from; with no history, none', () => {
    expect(levelAt(history, new Date('2025-12-01T00:00:00Z'))).toBe(PUTONG);
    expect(levelAt(history.slice(1), new Date('2025-12-01T00:00:00Z'))).toBe(PUTONG);
    expect(levelAt([], new Date())).toBeNull();
    expect(levelAt(undefined, new Date())).toBeNull();
  });
});
