import { describe, expect, it } from 'vitest';
import {
  evaluateRisk,
  normalizeAddress,
  RISK_POLICY_OFF,
  type RiskOrder,
  type RiskPolicy,
  type RiskReasonCode,
} from './evaluate-risk.js';

const policy = (patch: Partial<RiskPolicy> = {}): RiskPolicy => ({
  enabled: true,
  maxQuantityPerOrder: 10,
  maxOrdersPerPhonePerCampaign: 3,
  blockedPhoneHashes: new Set(['hash-blocked']),
  blockedAddresses: [normalizeAddress('幸福里 3 栋')],
  ...patch,
});

const order = (patch: Partial<RiskOrder> = {}): RiskOrder => ({
  totalQuantity: 2,
  phoneHash: 'hash-ok',
  pickupAddress: '浙江省杭州市西湖区文三路 478 号西湖花园',
  ordersOfPhoneInCampaign: 1,
  ...patch,
});

describe('evaluateRisk', () => {
  const cases: { name: string; policy: RiskPolicy; order: RiskOrder; codes: RiskReasonCode[] }[] = [
    { name: 'an ordinary order passes', policy: policy(), order: order(), codes: [] },
    {
      name: 'exactly the quantity limit passes',
      policy: policy(),
      order: order({ totalQuantity: 10 }),
      codes: [],
    },
    {
      name: 'one unit over the limit is held',
      policy: policy(),
      order: order({ totalQuantity: 11 }),
      codes: ['quantity_over_limit'],
    },
    {
      name: 'no quantity limit (null) never holds on quantity',
      policy: policy({ maxQuantityPerOrder: null }),
      order: order({ totalQuantity: 999 }),
      codes: [],
    },
    {
      name: 'the Nth order of a phone at the limit passes',
      policy: policy(),
      order: order({ ordersOfPhoneInCampaign: 3 }),
      codes: [],
    },
    {
      name: 'the order after the limit is held',
      policy: policy(),
      order: order({ ordersOfPhoneInCampaign: 4 }),
      codes: ['too_many_orders'],
    },
    {
      name: 'no orders-per-phone limit (null) never holds on count',
      policy: policy({ maxOrdersPerPhonePerCampaign: null }),
      order: order({ ordersOfPhoneInCampaign: 50 }),
      codes: [],
    },
    {
      name: 'a blocked phone is held',
      policy: policy(),
      order: order({ phoneHash: 'hash-blocked' }),
      codes: ['blocked_phone'],
    },
    {
      name: 'a blocked address fragment anywhere in the pickup address is held, spacing aside',
      policy: policy(),
      order: order({ pickupAddress: '杭州市西湖区幸福里3栋101（门卫室）' }),
      codes: ['blocked_address'],
    },
    {
      name: 'full-width digits match their ASCII form',
      policy: policy(),
      order: order({ pickupAddress: '杭州市幸福里３栋' }),
      codes: ['blocked_address'],
    },
    {
      name: 'every reason at once, in the fixed order',
      policy: policy(),
      order: order({
        totalQuantity: 12,
        ordersOfPhoneInCampaign: 9,
        phoneHash: 'hash-blocked',
        pickupAddress: '幸福里3栋',
      }),
      codes: ['quantity_over_limit', 'too_many_orders', 'blocked_phone', 'blocked_address'],
    },
    {
      name: 'a disabled policy holds nothing',
      policy: policy({ enabled: false }),
      order: order({ totalQuantity: 12, phoneHash: 'hash-blocked' }),
      codes: [],
    },
    {
      name: 'the off policy holds nothing',
      policy: RISK_POLICY_OFF,
      order: order({ totalQuantity: 1000, ordersOfPhoneInCampaign: 1000 }),
      codes: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(evaluateRisk(c.policy, c.order).map((r) => r.code)).toEqual(c.codes);
    });
  }

  it('says the numbers in the details', () => {
    const reasons = evaluateRisk(policy(), order({ totalQuantity: 12, ordersOfPhoneInCampaign: 6 }));
    expect(reasons).toEqual([
      { code: 'quantity_over_limit', detail: '12 units > limit 10' },
      { code: 'too_many_orders', detail: '6 orders of this phone in the campaign > limit 3' },
    ]);
  });

  it('ignores an empty fragment rather than matching every address', () => {
    expect(evaluateRisk(policy({ blockedAddresses: [''] }), order())).toEqual([]);
  });
});

describe('normalizeAddress', () => {
  const cases: [string, string][] = [
    ['幸福里 3 栋', '幸福里3栋'],
    ['  幸福里３栋，101室。 ', '幸福里3栋101室'],
    ['Room 5-B, Tower A', 'room5btowera'],
    ['文三路（478号）', '文三路478号'],
    ['\t\n', ''],
  ];
  for (const [raw, normal] of cases) {
    it(`"${raw}" → "${normal}"`, () => {
      expect(normalizeAddress(raw)).toBe(normal);
    });
  }
});
