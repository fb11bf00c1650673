import { describe, expect, it } from 'vitest';
import { computeLine } from '../domain/compute-line.js';
import {
  chainOf,
  GOLD,
  LEVEL_NAMES,
  lineOf,
  PUTONG,
  SILVER,
  workedExamplePlan,
} from '../domain/test-plans.js';
import { explainStoredEntry, orderRef, type StoredEntry } from './entry-explain.js';
import { tieredEntries } from './period-entries.js';

/** The worked example's entries, as the accrual stores them. */
const stored = computeLine(
  workedExamplePlan(),
  lineOf({ orderId: 'ord_01JABCDEFGH12345678', quantity: 2 }),
  chainOf(PUTONG, SILVER, SILVER, GOLD),
).map(
  (e): StoredEntry => ({
    ...e,
    voidedFen: 0,
    clawedBackFen: 0,
    productName: '赣南脐橙 5斤',
    quantity: 2,
  }),
);

describe('explainStoredEntry', () => {
  it('starts a line entry with the order and the product', () => {
    const direct = stored.find((e) => e.rule === 'direct') as StoredEntry;
    expect(explainStoredEntry(direct, LEVEL_NAMES, 'zh')).toBe(
      '订单 #12345678 商品 赣南脐橙 5斤 ×2：直接佣金（普通团长）：本单实付 ¥100.00，¥100.00 × 10%（等级默认比例） = ¥10.00',
    );
    expect(explainStoredEntry(direct, LEVEL_NAMES, 'en')).toBe(
      'Order #12345678 · 赣南脐橙 5斤 ×2: Direct commission (普通团长): line paid ¥100.00; ¥100.00 × 10% (level default rate) = ¥10.00',
    );
  });

  it.each([
    ['differential', 1, '团队奖（级差）'],
    ['peer', 2, '平级奖（第 1 代）'],
    ['differential', 3, 'L3 金牌团队比例 7% − 下方最高 4%（L1）= 3%'],
  ])('%s at L%i says %s', (rule, position, text) => {
    const e = stored.find((x) => x.rule === rule && x.chainPosition === position) as StoredEntry;
    expect(explainStoredEntry(e, LEVEL_NAMES, 'zh')).toContain(text);
  });

  it('says what refunds took', () => {
    const direct = stored.find((e) => e.rule === 'direct') as StoredEntry;
    expect(explainStoredEntry({ ...direct, voidedFen: 500 }, LEVEL_NAMES, 'zh')).toMatch(
      /；退款作废 ¥5\.00，实得 ¥5\.00$/,
    );
    expect(explainStoredEntry({ ...direct, clawedBackFen: 1_000 }, LEVEL_NAMES, 'en')).toMatch(
      /; ¥10\.00 clawed back after settlement; you keep ¥0\.00$/,
    );
  });

  it('explains a period entry from its stored figures', () => {
    const [t] = tieredEntries(
      workedExamplePlan({ tiered: { mode: 'whole', tiers: [{ fromFen: 0, rateBps: 100 }] } }),
      '2026-10',
      [{ leaderId: 'a', gmvFen: 123_456 }],
    );
    if (!t) throw new Error('no entry');
    const e: StoredEntry = {
      ...t,
      orderId: null,
      orderLineId: null,
      chainPosition: null,
      voidedFen: 0,
      clawedBackFen: 0,
    };
    expect(explainStoredEntry(e, LEVEL_NAMES, 'zh')).toBe(
      '阶梯佣金（2026-10，全额累进）：当月已完成直接销售额 ¥1,234.56，达到第 1 档（从 ¥0.00 起 1%），¥1,234.56 × 1% = ¥12.35',
    );
  });

  it('falls back to the rule and the amount for an explanation it cannot read', () => {
    const e: StoredEntry = { ...(stored[0] as StoredEntry), rule: 'direct', explanation: {} };
    expect(explainStoredEntry(e, LEVEL_NAMES, 'zh')).toBe('直推提成：¥10.00');
  });

  it('orderRef is the id’s last 8 characters', () =>
    expect(orderRef('ord_01jabcdefgh12345xyz')).toBe('H12345XYZ'.slice(-8)));
});
