import { describe, expect, it } from 'vitest';
import {
  conditionsOf,
  MAX_CONDITIONS,
  metricSpecOf,
  metricSpecsOf,
  parseRule,
  type RuleNode,
} from './level-rules.js';

const ok = (raw: unknown): RuleNode => {
  const r = parseRule(raw, 'body.upgrade');
  if (!r.ok) throw new Error(`refused: ${r.problem.field} ${r.problem.detail}`);
  return r.rule;
};
const refused = (raw: unknown) => {
  const r = parseRule(raw, 'body.upgrade');
  if (r.ok) throw new Error('accepted');
  return r.problem;
};

describe('parseRule', () => {
  it('accepts a condition, and and / or groups nested', () => {
    const rule = ok({
      all: [
        { metric: 'ownGmvFen', op: '>=', value: 1_000_000 },
        {
          any: [
            { metric: 'directRecruits', op: '>=', value: 3 },
            { metric: 'teamGmvFen', op: '>', value: 0, generations: 2 },
          ],
        },
        { metric: 'customers', op: '<', value: 10, period: { days: 30 } },
        { metric: 'directRecruits', op: '>=', value: 2, activeOnly: true, period: { days: 7 } },
      ],
    });
    expect(conditionsOf(rule)).toHaveLength(5);
  });

  it('drops activeOnly: false rather than keeping a flag that says nothing', () => {
    expect(ok({ metric: 'directRecruits', op: '>=', value: 1, activeOnly: false })).toEqual({
      metric: 'directRecruits',
      op: '>=',
      value: 1,
    });
  });

  it('refuses an unknown metric, naming the field path', () => {
    expect(
      refused({
        all: [
          { metric: 'ownGmvFen', op: '>=', value: 1 },
          { metric: 'gmv', op: '>=', value: 1 },
        ],
      }),
    ).toMatchObject({
      code: 'leader_levels.rule_unknown_metric',
      field: 'body.upgrade.all[1].metric',
    });
  });

  it('refuses a bad operator', () => {
    expect(refused({ metric: 'ownOrders', op: '==', value: 1 })).toMatchObject({
      code: 'leader_levels.rule_bad_operator',
      field: 'body.upgrade.op',
    });
  });

  it('refuses a negative, fractional or non-numeric value', () => {
    for (const value of [-1, 1.5, '100', null, Number.MAX_SAFE_INTEGER]) {
      expect(refused({ any: [{ metric: 'ownOrders', op: '>=', value }] })).toMatchObject({
        code: 'leader_levels.rule_bad_value',
        field: 'body.upgrade.any[0].value',
      });
    }
  });

  it('refuses an empty and / or', () => {
    expect(refused({ all: [] })).toMatchObject({
      code: 'leader_levels.rule_empty_group',
      field: 'body.upgrade.all',
    });
    expect(refused({ all: [{ any: [] }] })).toMatchObject({
      code: 'leader_levels.rule_empty_group',
      field: 'body.upgrade.all[0].any',
    });
  });

  it('refuses generations below 1, above the limit, or on another metric', () => {
    expect(refused({ metric: 'teamGmvFen', op: '>=', value: 1, generations: 0 })).toMatchObject({
      code: 'leader_levels.rule_bad_generations',
      field: 'body.upgrade.generations',
    });
    expect(refused({ metric: 'teamGmvFen', op: '>=', value: 1, generations: 21 }).code).toBe(
      'leader_levels.rule_bad_generations',
    );
    expect(refused({ metric: 'ownGmvFen', op: '>=', value: 1, generations: 2 }).code).toBe(
      'leader_levels.rule_bad_generations',
    );
  });

  it('refuses bad periods', () => {
    expect(refused({ metric: 'ownGmvFen', op: '>=', value: 1, period: { days: 0 } })).toMatchObject({
      code: 'leader_levels.rule_bad_period',
      field: 'body.upgrade.period.days',
    });
    expect(refused({ metric: 'ownGmvFen', op: '>=', value: 1, period: 'month' }).field).toBe(
      'body.upgrade.period',
    );
    expect(refused({ metric: 'directRecruits', op: '>=', value: 1, period: { days: 30 } }).code).toBe(
      'leader_levels.rule_bad_period',
    );
  });

  it('refuses unknown properties, mixed groups and things that are not rules', () => {
    expect(refused({ metric: 'ownGmvFen', op: '>=', value: 1, weight: 2 })).toMatchObject({
      code: 'leader_levels.rule_shape',
      field: 'body.upgrade.weight',
    });
    expect(refused({ all: [], any: [] }).code).toBe('leader_levels.rule_shape');
    expect(refused([]).code).toBe('leader_levels.rule_shape');
    expect(refused({ all: 'x' }).field).toBe('body.upgrade.all');
    expect(refused({ op: '>=' }).code).toBe('leader_levels.rule_shape');
    expect(refused({ metric: 'ownGmvFen', op: '>=', value: 1, activeOnly: true }).field).toBe(
      'body.upgrade.activeOnly',
    );
  });

  it('refuses rules that are too deep or too long', () => {
    let deep: unknown = { metric: 'ownOrders', op: '>=', value: 1 };
    for (let i = 0; i < 6; i += 1) deep = { all: [deep] };
    expect(refused(deep).code).toBe('leader_levels.rule_too_large');
    const many = Array.from({ length: MAX_CONDITIONS + 1 }, () => ({
      metric: 'ownOrders',
      op: '>=',
      value: 1,
    }));
    const chunks = [];
    for (let i = 0; i < many.length; i += 20) chunks.push({ any: many.slice(i, i + 20) });
    expect(refused({ all: chunks }).code).toBe('leader_levels.rule_too_large');
  });
});

describe('metric specs', () => {
  it('shares one figure between conditions that measure the same thing', () => {
    const specs = metricSpecsOf([
      ok({
        all: [
          { metric: 'ownGmvFen', op: '>=', value: 1 },
          { metric: 'ownGmvFen', op: '<', value: 9 },
        ],
      }),
      ok({ metric: 'teamGmvFen', op: '>=', value: 1, generations: 3, period: { days: 30 } }),
      null,
    ]);
    expect(specs.map((s) => s.key)).toEqual(['ownGmvFen:P', 'teamGmvFen:d30:g3']);
  });

  it('keys active and plain recruit counts apart', () => {
    expect(metricSpecOf({ metric: 'directRecruits', op: '>=', value: 1 }).key).toBe('directRecruits:P');
    expect(metricSpecOf({ metric: 'directRecruits', op: '>=', value: 1, activeOnly: true }).key).toBe(
      'directRecruits:P:active',
    );
  });
});
