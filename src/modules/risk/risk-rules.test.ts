import { describe, expect, it } from 'vitest';
import { checkBlockValue, checkPolicy, MAX_LIMIT, type PolicyInput } from './risk-rules.js';

const base: PolicyInput = { enabled: true, maxQuantityPerOrder: 50, maxOrdersPerPhonePerCampaign: 5 };

describe('checkPolicy', () => {
  const cases: { name: string; input: Partial<PolicyInput>; field: string | null }[] = [
    { name: 'ordinary limits', input: {}, field: null },
    {
      name: 'both limits off',
      input: { maxQuantityPerOrder: null, maxOrdersPerPhonePerCampaign: null },
      field: null,
    },
    { name: 'limit 1', input: { maxQuantityPerOrder: 1 }, field: null },
    { name: 'the largest limit', input: { maxOrdersPerPhonePerCampaign: MAX_LIMIT }, field: null },
    { name: 'zero quantity', input: { maxQuantityPerOrder: 0 }, field: 'body.maxQuantityPerOrder' },
    { name: 'negative quantity', input: { maxQuantityPerOrder: -3 }, field: 'body.maxQuantityPerOrder' },
    { name: 'fractional quantity', input: { maxQuantityPerOrder: 2.5 }, field: 'body.maxQuantityPerOrder' },
    {
      name: 'zero orders',
      input: { maxOrdersPerPhonePerCampaign: 0 },
      field: 'body.maxOrdersPerPhonePerCampaign',
    },
    {
      name: 'too many orders',
      input: { maxOrdersPerPhonePerCampaign: MAX_LIMIT + 1 },
      field: 'body.maxOrdersPerPhonePerCampaign',
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const r = checkPolicy({ ...base, ...c.input });
      if (c.field === null) expect(r.ok).toBe(true);
      else expect(r).toMatchObject({ ok: false, code: 'risk.limit_invalid', field: c.field });
    });
  }
});

describe('checkBlockValue', () => {
  it('keeps a phone as its bare digits with the masked form for display', () => {
    expect(checkBlockValue('phone', '+86 138-1234-5678')).toEqual({
      ok: true,
      value: { normal: '13812345678', display: '138****5678' },
    });
  });
  it('refuses a malformed phone naming body.value', () => {
    for (const raw of ['12345', '2381234567', '1381234567x', '']) {
      expect(checkBlockValue('phone', raw)).toMatchObject({
        ok: false,
        code: 'risk.phone_invalid',
        field: 'body.value',
      });
    }
  });
  it('normalizes an address and keeps the typed text for display', () => {
    expect(checkBlockValue('address', '  幸福里  3 栋 ')).toEqual({
      ok: true,
      value: { normal: '幸福里3栋', display: '幸福里 3 栋' },
    });
  });
  it('refuses an address fragment shorter than three characters once spacing is gone', () => {
    expect(checkBlockValue('address', ' 3 - 栋 ')).toMatchObject({
      ok: false,
      code: 'risk.address_too_short',
      field: 'body.value',
    });
  });
});
