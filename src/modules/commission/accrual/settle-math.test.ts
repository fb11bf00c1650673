import { describe, expect, it } from 'vitest';
import { netKey, settleKey, settlementTransfers } from './settle-math.js';

describe('settlementTransfers', () => {
  it('moves each leader’s total from pending to available in one transfer', () => {
    const { leaders, transfers } = settlementTransfers(
      '2026-03-10',
      'cst_1',
      [
        { leaderId: 'a', entryCount: 3, settledFen: 1234 },
        { leaderId: 'b', entryCount: 1, settledFen: 0 },
      ],
      new Map(),
    );
    expect(leaders.map((l) => [l.leaderId, l.nettedFen])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    expect(transfers).toEqual([
      {
        key: 'settle:2026-03-10:a',
        debit: { owner: 'leader', leaderId: 'a', kind: 'pending' },
        credit: { owner: 'leader', leaderId: 'a', kind: 'available' },
        amountFen: 1234,
        causeType: 'commission_settlement',
        causeId: 'cst_1',
        memo: 'T+1 结算 settlement 2026-03-10',
      },
    ]);
  });

  it('repays what a leader owes first, up to what this settlement brings', () => {
    const { leaders, transfers } = settlementTransfers(
      '2026-03-10',
      'cst_1',
      [
        { leaderId: 'a', entryCount: 1, settledFen: 500 },
        { leaderId: 'b', entryCount: 1, settledFen: 500 },
      ],
      new Map([
        ['a', 200],
        ['b', 900],
      ]),
    );
    expect(leaders.map((l) => [l.leaderId, l.owedBeforeFen, l.nettedFen])).toEqual([
      ['a', 200, 200],
      ['b', 900, 500],
    ]);
    const nets = transfers.filter((t) => t.key.startsWith('net:'));
    expect(nets.map((t) => [t.key, t.amountFen, t.debit.kind, t.credit.kind])).toEqual([
      [netKey('2026-03-10', 'a'), 200, 'available', 'owed'],
      [netKey('2026-03-10', 'b'), 500, 'available', 'owed'],
    ]);
    expect(settleKey('2026-03-10', 'a')).toBe('settle:2026-03-10:a');
  });
});
