import { describe, expect, it } from 'vitest';
import { decideLevel, evaluateRule, type LadderRung, ruleHolds, sortLadder } from './assess-level.js';
import type { RuleNode } from './level-rules.js';

const gmv = (value: number): RuleNode => ({ metric: 'ownGmvFen', op: '>=', value });
const below = (value: number): RuleNode => ({ metric: 'ownGmvFen', op: '<', value });

const ladder: LadderRung[] = sortLadder([
  { id: 'gold', rank: 3, upgrade: gmv(3000), downgrade: below(1500) },
  { id: 'base', rank: 1, upgrade: null, downgrade: null },
  { id: 'silver', rank: 2, upgrade: gmv(1000), downgrade: below(500) },
  {
    id: 'partner',
    rank: 4,
    upgrade: { all: [gmv(10_000), { metric: 'directRecruits', op: '>=', value: 3 }] },
    downgrade: below(5000),
  },
]);

const figures =
  (own: number, recruits = 0) =>
  (key: string) =>
    key === 'ownGmvFen:P' ? own : key === 'directRecruits:P' ? recruits : 0;

describe('evaluateRule', () => {
  it('explains every condition with the figure it saw, even after the answer is known', () => {
    const rule: RuleNode = { any: [gmv(100), { metric: 'directRecruits', op: '>=', value: 3 }] };
    const ev = evaluateRule(rule, figures(150, 1));
    expect(ev).toEqual({
      any: [
        {
          metric: 'ownGmvFen',
          op: '>=',
          value: 100,
          days: null,
          generations: null,
          activeOnly: false,
          actual: 150,
          held: true,
        },
        {
          metric: 'directRecruits',
          op: '>=',
          value: 3,
          days: null,
          generations: null,
          activeOnly: false,
          actual: 1,
          held: false,
        },
      ],
      held: true,
    });
    expect(ruleHolds(rule, figures(150, 1))).toBe(true);
  });

  it('compares with each operator exactly at the boundary', () => {
    const at = figures(100);
    expect(ruleHolds({ metric: 'ownGmvFen', op: '>=', value: 100 }, at)).toBe(true);
    expect(ruleHolds({ metric: 'ownGmvFen', op: '>', value: 100 }, at)).toBe(false);
    expect(ruleHolds({ metric: 'ownGmvFen', op: '<=', value: 100 }, at)).toBe(true);
    expect(ruleHolds({ metric: 'ownGmvFen', op: '<', value: 100 }, at)).toBe(false);
  });

  it('needs every child of all and one child of any', () => {
    expect(ruleHolds({ all: [gmv(1), gmv(200)] }, figures(100))).toBe(false);
    expect(ruleHolds({ any: [gmv(1), gmv(200)] }, figures(100))).toBe(true);
  });
});

describe('decideLevel', () => {
  it('upgrades to the highest level whose rule holds, skipping ranks', () => {
    const d = decideLevel(ladder, 'base', figures(4000));
    expect(d).toMatchObject({ fromLevelId: 'base', toLevelId: 'gold', direction: 'up' });
    expect(d.because?.rule).toBe('upgrade');
    expect(d.because?.levelId).toBe('gold');
    expect(d.because?.evaluation).toMatchObject({ actual: 4000, held: true });
  });

  it('does not reach a level whose and-rule is half met', () => {
    expect(decideLevel(ladder, 'base', figures(20_000, 2)).toLevelId).toBe('gold');
    expect(decideLevel(ladder, 'base', figures(20_000, 3)).toLevelId).toBe('partner');
  });

  it('downgrades one rank at a time, however low the figures', () => {
    const d = decideLevel(ladder, 'partner', figures(0));
    expect(d).toMatchObject({ fromLevelId: 'partner', toLevelId: 'gold', direction: 'down' });
    expect(d.because).toMatchObject({ rule: 'downgrade', levelId: 'partner' });
  });

  it('keeps the level when neither rule holds, and never drops below the lowest rank', () => {
    expect(decideLevel(ladder, 'silver', figures(700)).direction).toBe('same');
    expect(decideLevel(ladder, 'base', figures(0))).toMatchObject({ direction: 'same', toLevelId: 'base' });
  });

  it('prefers an upgrade over the downgrade of the current level', () => {
    const odd = sortLadder([
      { id: 'a', rank: 1, upgrade: null, downgrade: null },
      { id: 'b', rank: 2, upgrade: null, downgrade: gmv(0) },
      { id: 'c', rank: 3, upgrade: gmv(10), downgrade: null },
    ]);
    expect(decideLevel(odd, 'b', figures(50)).toLevelId).toBe('c');
    expect(decideLevel(odd, 'b', figures(5)).toLevelId).toBe('a');
  });

  it('places a leader without a level on the lowest rank, or higher when a rule holds', () => {
    expect(decideLevel(ladder, null, figures(0))).toMatchObject({
      toLevelId: 'base',
      because: { rule: 'initial' },
    });
    expect(decideLevel(ladder, null, figures(1200)).toLevelId).toBe('silver');
  });

  it('changes nothing on an empty ladder, and can skip the explanation', () => {
    expect(decideLevel([], 'x', figures(0))).toMatchObject({ toLevelId: 'x', direction: 'same' });
    expect(decideLevel(ladder, 'base', figures(4000), { explain: false }).because?.evaluation).toBeNull();
  });
});
