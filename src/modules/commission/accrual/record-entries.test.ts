import { describe, expect, it } from 'vitest';
import { accrualTransfer, accrualTransferKey, entryDocuments, type NewEntry } from './record-entries.js';

const entry = (line: string, leader: string, fen: number, over: Partial<NewEntry> = {}): NewEntry => ({
  key: `line:${line}:direct:0:${leader}`,
  beneficiaryId: leader,
  rule: 'direct',
  causeType: 'order_line',
  orderId: 'ord_1',
  orderLineId: line,
  campaignId: 'cmp_1',
  skuId: 'sku_1',
  planId: 'cpl_1',
  planVersion: 2,
  chainPosition: 0,
  baseFen: 10_000,
  rateBps: 1000,
  amountFen: fen,
  explanation: { rule: 'direct' },
  paidAt: new Date('2026-03-01T10:00:00Z'),
  lineQuantity: 3,
  lineFen: 10_000,
  ...over,
});

describe('accrualTransfer', () => {
  it('accrues one entry by its own transfer, keyed by the entry’s cause under the kind accrual', () => {
    const key = 'line:oln_1:differential:2:ldr_b';
    expect(
      accrualTransfer({ id: 'cen_7', key, beneficiaryId: 'ldr_b', rule: 'differential', amountFen: 400 }),
    ).toEqual({
      key: 'accrual:line:oln_1:differential:2:ldr_b',
      debit: { owner: 'company', kind: 'commission_expense' },
      credit: { owner: 'leader', leaderId: 'ldr_b', kind: 'pending' },
      amountFen: 400,
      causeType: 'commission_entry',
      causeId: 'cen_7',
      memo: '预估佣金 accrual: differential',
    });
  });

  it('derives the key from the cause alone, so the same entry computed again gives the same key', () => {
    const a = accrualTransfer({
      id: 'cen_1',
      key: 'tiered:2026-03:ldr_a',
      beneficiaryId: 'ldr_a',
      rule: 'tiered',
      amountFen: 5,
    });
    const b = accrualTransfer({
      id: 'cen_2',
      key: 'tiered:2026-03:ldr_a',
      beneficiaryId: 'ldr_a',
      rule: 'tiered',
      amountFen: 5,
    });
    expect(a.key).toBe(b.key);
    expect(accrualTransferKey('tiered:2026-03:ldr_a')).toBe('accrual:tiered:2026-03:ldr_a');
  });
});

describe('entryDocuments', () => {
  it('sends what the entries of one line share once, and each entry names its group', () => {
    let n = 0;
    const { groups, rows } = entryDocuments(
      [entry('oln_1', 'ldr_a', 1000), entry('oln_1', 'ldr_b', 400), entry('oln_2', 'ldr_a', 50)],
      () => `cen_${++n}`,
    );
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({
      g: 0,
      ct: 'order_line',
      o: 'ord_1',
      l: 'oln_1',
      p: 'cpl_1',
      v: 2,
      q: 3,
      f: 10_000,
    });
    expect(groups[0]?.at).toBe('2026-03-01T10:00:00.000Z');
    expect(rows.map((r) => [r.n, r.g, r.id, r.b, r.a])).toEqual([
      [0, 0, 'cen_1', 'ldr_a', 1000],
      [1, 0, 'cen_2', 'ldr_b', 400],
      [2, 1, 'cen_3', 'ldr_a', 50],
    ]);
  });

  it('leaves null values out of the document and keeps entries that differ in a shared field apart', () => {
    const { groups, rows } = entryDocuments(
      [
        entry('oln_1', 'ldr_a', 10, { rateBps: null, perUnitFen: 150 }),
        entry('oln_1', 'ldr_b', 20, { planVersion: 3 }),
      ],
      () => 'cen_x',
    );
    expect(groups).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(rows[0]))).not.toHaveProperty('rb');
    expect(rows[0]).toMatchObject({ pu: 150 });
    expect(JSON.parse(JSON.stringify(groups[0]))).not.toHaveProperty('pk');
  });

  it('carries a period entry’s key, status and final time', () => {
    const { groups } = entryDocuments(
      [
        {
          key: 'tiered:2026-03:ldr_a',
          beneficiaryId: 'ldr_a',
          rule: 'tiered',
          causeType: 'period',
          periodKey: 'tiered:2026-03',
          planId: 'cpl_1',
          planVersion: 1,
          baseFen: 100,
          amountFen: 1,
          explanation: {},
          status: 'final',
          finalAt: new Date('2026-04-01T00:00:00Z'),
        },
      ],
      () => 'cen_p',
    );
    expect(JSON.parse(JSON.stringify(groups[0]))).toEqual({
      g: 0,
      ct: 'period',
      pk: 'tiered:2026-03',
      p: 'cpl_1',
      v: 1,
      st: 'final',
      fa: '2026-04-01T00:00:00.000Z',
    });
  });
});
