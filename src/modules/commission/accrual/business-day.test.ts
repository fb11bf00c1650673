import { describe, expect, it } from 'vitest';
import { COMMISSION_RULES } from '../domain/entries.js';
import { ENTRY_STATUSES } from '../entries.tables.js';
import { EntryStatusSchema, RuleSchema } from './accrual.schema.js';
import { daysToSettle, previousBusinessDay, SETTLEMENT_CATCH_UP_DAYS } from './business-day.js';

// Day bounds, a moment's day and day arithmetic are tested with platform/business-time.ts.
describe('the settled day (Asia/Shanghai)', () => {
  it('is the business day before the one a moment falls in', () => {
    expect(previousBusinessDay(new Date('2026-03-09T18:00:00Z'))).toBe('2026-03-09');
    expect(previousBusinessDay(new Date('2026-03-09T15:59:59Z'))).toBe('2026-03-08');
    expect(previousBusinessDay(new Date('2026-03-01T02:00:00Z'))).toBe('2026-02-28');
    expect(previousBusinessDay(new Date('2027-01-01T00:00:00Z'))).toBe('2026-12-31');
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
