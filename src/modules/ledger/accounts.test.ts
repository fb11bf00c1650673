import { describe, expect, it } from 'vitest';
import { accountCode, displayFen, NORMAL_SIDE, parseAccountCode, statementTotal } from './accounts.js';

describe('account codes', () => {
  it('round-trips leader and company references', () => {
    const refs = [
      { owner: 'leader', leaderId: 'ldr_01ABC', kind: 'available' },
      { owner: 'leader', leaderId: 'ldr_01ABC', kind: 'owed' },
      { owner: 'company', kind: 'commission_expense' },
    ] as const;
    for (const ref of refs) expect(parseAccountCode(accountCode(ref))).toEqual(ref);
    expect(accountCode(refs[0])).toBe('leader:ldr_01ABC:available');
    expect(accountCode(refs[2])).toBe('company:commission_expense');
  });

  it('refuses codes it did not write', () => {
    for (const bad of ['', 'leader::available', 'leader:x:fees', 'company:pending', 'company', 'bank:x']) {
      expect(parseAccountCode(bad)).toBeNull();
    }
  });
});

describe('the sign convention', () => {
  it('shows credit-normal balances positive and debit-normal ones as stored', () => {
    // Stored = debits − credits: ¥12.30 available to a leader is stored as −1230.
    expect(displayFen('available', -1230)).toBe(1230);
    expect(displayFen('pending', 0)).toBe(0);
    expect(Object.is(displayFen('pending', 0), -0)).toBe(false);
    expect(displayFen('owed', 500)).toBe(500);
    expect(displayFen('commission_expense', 10_000)).toBe(10_000);
    expect(displayFen('tax_withheld', -77)).toBe(77);
  });

  it('treats what the company owes as credits and what it is owed or spends as debits', () => {
    expect(
      Object.entries(NORMAL_SIDE)
        .filter(([, side]) => side === 'debit')
        .map(([k]) => k)
        .sort(),
    ).toEqual(['bank', 'commission_expense', 'owed']);
  });

  it('computes the statement total as pending + available − owed', () => {
    expect(statementTotal({ pending: 300, available: 200, owed: 50 })).toBe(450);
  });
});
