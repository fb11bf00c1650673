import { describe, expect, it } from 'vitest';
import {
  CAMPAIGN_STATES,
  type CampaignState,
  canTransition,
  clockSteps,
  isOpenForOrders,
  maySellIn,
  stateAt,
} from './campaign-state.js';

const start = new Date('2026-03-01T10:00:00Z');
const cutoff = new Date('2026-03-01T14:00:00Z');
const at = (iso: string) => new Date(iso);

describe('transitions', () => {
  const allowed: Array<[CampaignState, CampaignState]> = [
    ['draft', 'scheduled'],
    ['draft', 'cancelled'],
    ['scheduled', 'live'],
    ['scheduled', 'cancelled'],
    ['live', 'closed'],
    ['closed', 'fulfilled'],
  ];
  const key = (a: string, b: string) => `${a}→${b}`;
  const allowedKeys = new Set(allowed.map(([a, b]) => key(a, b)));

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });

  it('refuses every other pair, including staying put', () => {
    let refused = 0;
    for (const from of CAMPAIGN_STATES) {
      for (const to of CAMPAIGN_STATES) {
        if (allowedKeys.has(key(from, to))) continue;
        expect(canTransition(from, to), key(from, to)).toBe(false);
        refused += 1;
      }
    }
    expect(refused).toBe(CAMPAIGN_STATES.length ** 2 - allowed.length);
  });
});

describe('stateAt and clockSteps', () => {
  const cases: Array<[CampaignState, string, CampaignState, CampaignState[]]> = [
    ['scheduled', '2026-03-01T09:59:59.999Z', 'scheduled', []],
    ['scheduled', '2026-03-01T10:00:00Z', 'live', ['live']],
    ['scheduled', '2026-03-01T13:59:59Z', 'live', ['live']],
    ['scheduled', '2026-03-01T14:00:00Z', 'closed', ['live', 'closed']],
    ['live', '2026-03-01T10:30:00Z', 'live', []],
    ['live', '2026-03-01T14:00:00Z', 'closed', ['closed']],
    ['live', '2026-03-09T00:00:00Z', 'closed', ['closed']],
    // The clock never moves a campaign a person has not scheduled, nor one already ended.
    ['draft', '2026-03-01T11:00:00Z', 'draft', []],
    ['draft', '2026-03-02T00:00:00Z', 'draft', []],
    ['cancelled', '2026-03-01T11:00:00Z', 'cancelled', []],
    ['closed', '2026-03-01T11:00:00Z', 'closed', []],
    ['fulfilled', '2026-03-01T11:00:00Z', 'fulfilled', []],
  ];
  it.each(cases)('%s at %s is %s', (state, now, expected, steps) => {
    const c = { state, startsAt: start, cutoffAt: cutoff };
    expect(stateAt(c, at(now))).toBe(expected);
    expect(clockSteps(c, at(now))).toEqual(steps);
    for (const [i, to] of steps.entries())
      expect(canTransition(i === 0 ? state : steps[i - 1]!, to)).toBe(true);
  });
});

describe('isOpenForOrders', () => {
  const cases: Array<[CampaignState, string, boolean]> = [
    ['scheduled', '2026-03-01T09:00:00Z', false],
    // The tick has not run yet, but the clock says the sale has begun.
    ['scheduled', '2026-03-01T10:00:00Z', true],
    ['live', '2026-03-01T13:59:59.999Z', true],
    // The tick has not closed it yet, but the cutoff has passed.
    ['live', '2026-03-01T14:00:00Z', false],
    ['closed', '2026-03-01T12:00:00Z', false],
    ['cancelled', '2026-03-01T12:00:00Z', false],
    ['draft', '2026-03-01T12:00:00Z', false],
    ['fulfilled', '2026-03-01T12:00:00Z', false],
  ];
  it.each(cases)('%s at %s → %s', (state, now, open) => {
    expect(isOpenForOrders({ state, startsAt: start, cutoffAt: cutoff }, at(now))).toBe(open);
  });
});

describe('maySellIn', () => {
  it.each([
    [{ sellTo: 'all' as const, regionIds: [] }, ['reg_a'], true],
    [{ sellTo: 'all' as const, regionIds: [] }, [], true],
    [{ sellTo: 'regions' as const, regionIds: ['reg_city'] }, ['reg_district', 'reg_city'], true],
    [{ sellTo: 'regions' as const, regionIds: ['reg_city'] }, ['reg_other'], false],
    [{ sellTo: 'regions' as const, regionIds: ['reg_city'] }, [], false],
  ])('%j for %j → %s', (c, path, ok) => {
    expect(maySellIn(c, path)).toBe(ok);
  });
});
