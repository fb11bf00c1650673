import { describe, expect, it } from 'vitest';
import { COMMISSION_RULES } from '../domain/entries.js';
import { ENTRY_STATUSES } from '../entries.tables.js';
import { EntryStatusSchema, RuleSchema } from './accrual.schema.js';
import {
  addDays,
  businessDay,
  dayBounds,
  daysToSettle,
  isBusinessDay,
  previousBusinessDay,
  SETTLEMENT_CATCH_UP_DAYS,
} from './business-day.js';

describe('business days (Asia/Shanghai)', () => {
  it('bounds a day at Beijing midnight', () => {
    expect(dayBounds('2026-03-10')).toEqual({
      from: new Date('2026-03-09T16:00:00.000Z'),
      to: new Date('2026-03-10T16:00:00.000Z'),
    });
  });

  it('names the day of a moment and the day before it', () => {
    expect(businessDay(new Date('2026-03-09T16:00:00Z'))).toBe('2026-03-10');
    expect(businessDay(new Date('2026-03-09T15:59:59Z'))).toBe('2026-03-09');
    expect(previousBusinessDay(new Date('2026-03-09T18:00:00Z'))).toBe('2026-03-09');
    expect(previousBusinessDay(new Date('2026-03-01T02:00:00Z'))).toBe('2026-02-28');
  });

  it('adds days across months and years, and checks a day is real', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isBusinessDay('2026-02-28')).toBe(true);
    expect(isBusinessDay('2026-02-30')).toBe(false);
    expect(isBusinessDay('2026-3-1')).toBe(false);
  });
});

describe('the route schemas', () => {
  it('list the domain’s rules and statuses', () => {
    const literals = (s: { anyOf: Array<{ const: string }> }) => s.anyOf.map((x) => x.const);
    expect(literals(RuleSchema as never)).toEqual([...COMMISSION_RULES]);
    expect(literals(EntryStatusSchema as never)).toEqual([...ENTRY_STATUSES]);
  });
});

describe('daysToSettle (catch-up after downtime)', () => {
  it('settles every day after the last settled one, oldest first', () => {
    expect(daysToSettle('2026-03-29', '2026-04-02')).toEqual([
      '2026-03-30',
      '2026-03-31',
      '2026-04-01',
      '2026-04-02',
    ]);
  });
  it('settles nothing when the previous day is settled, and only yesterday without any settlement', () => {
    expect(daysToSettle('2026-04-02', '2026-04-02')).toEqual([]);
    expect(daysToSettle(null, '2026-04-02')).toEqual(['2026-04-02']);
  });
  it('goes back at most SETTLEMENT_CATCH_UP_DAYS days', () => {
    const days = daysToSettle('2025-01-01', '2026-04-02');
    expect(days).toHaveLength(SETTLEMENT_CATCH_UP_DAYS);
    expect(days.at(-1)).toBe('2026-04-02');
  });
});
