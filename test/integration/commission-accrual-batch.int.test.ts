import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEntry, type NewEntry, recordEntriesTx } from '../../src/modules/commission/index.js';
import { balancesOf, checkInvariants, postTransfersTx } from '../../src/modules/ledger/index.js';
import { CAUSE_TYPES } from '../../src/modules.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

/**
 * Accrual transfers: each new entry of more than 0 fen is accrued by its own transfer, keyed by the
 * entry's cause (order line, rule, chain position, beneficiary) under the kind `accrual`; entries that
 * already existed post nothing, so recomputing is free; each leader's pending balance stays the sum of
 * their open entries and the ledger's invariants hold throughout. Entries accrued in aggregate by an
 * earlier version (one transfer per beneficiary and `commission_accruals` row) are still read back.
 * Voids, clawbacks and settlement are covered end to end in commission-accrual.int.test.ts.
 */
let tdb: TestDb;
const q = async <R extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  (await tdb.deps.pool.query<R>(text, params)).rows;

beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

const tag = Math.random().toString(36).slice(2, 8);
const A = `ldr_batch_a_${tag}`;
const B = `ldr_batch_b_${tag}`;
const C = `ldr_batch_c_${tag}`;

/** A line entry as the engine would give it (no order row needed: the entries table has no FK). */
function lineEntry(
  line: number,
  rule: 'direct' | 'differential',
  position: number,
  leader: string,
  fen: number,
): NewEntry {
  const lineId = `oln_batch_${tag}_${line}`;
  return {
    key: `line:${lineId}:${rule}:${position}:${leader}`,
    beneficiaryId: leader,
    rule,
    causeType: 'order_line',
    orderId: `ord_batch_${tag}_${Math.ceil(line / 2)}`,
    orderLineId: lineId,
    campaignId: 'cmp_batch',
    skuId: 'sku_batch',
    planId: 'cpl_batch',
    planVersion: 1,
    chainPosition: position,
    baseFen: 10_000,
    rateBps: 1000,
    amountFen: fen,
    explanation: { rule, levelId: null, note: `line ${line}` },
    paidAt: new Date('2026-03-01T10:00:00Z'),
    lineQuantity: 2,
    lineFen: 10_000,
  };
}

async function expectPendingMatchesOpenEntries() {
  for (const leader of [A, B, C]) {
    const [open] = await q<{ fen: number }>(
      `SELECT coalesce(sum(amount_fen - voided_fen - clawed_back_fen), 0)::int AS fen FROM commission_entries
       WHERE beneficiary_id = $1 AND status IN ('estimated', 'final')`,
      [leader],
    );
    expect((await balancesOf(tdb.deps.db, leader)).pendingFen).toBe(open?.fen);
  }
  const report = await checkInvariants(tdb.deps.db, CAUSE_TYPES);
  expect(report.problems).toEqual([]);
}

describe('accrual transfers', () => {
  const first = [
    lineEntry(1, 'direct', 0, A, 1000),
    lineEntry(1, 'differential', 1, B, 400),
    lineEntry(2, 'direct', 0, A, 700),
    lineEntry(2, 'differential', 1, B, 300),
    lineEntry(3, 'direct', 0, C, 0),
  ];

  it('posts one transfer per new entry, keyed by its cause and kind, for the entry’s amount', async () => {
    const r = await tdb.deps.db.transaction((tx) => recordEntriesTx(tdb.deps, tx, first));
    expect(r.inserted).toHaveLength(5);
    expect(r.posted).toBe(4);
    // Each transfer is its entry: same amount, the entry as its cause; C's 0 fen posts nothing.
    const legs = await q<{
      key: string;
      fen: number;
      cause_type: string;
      entry_key: string;
      entry_fen: number;
    }>(
      `SELECT t.key, t.amount_fen::int AS fen, t.cause_type, e.key AS entry_key, e.amount_fen::int AS entry_fen
       FROM ledger_transfers t JOIN commission_entries e ON e.id = t.cause_id
       WHERE t.key LIKE $1 ORDER BY t.amount_fen DESC`,
      [`accrual:line:oln_batch_${tag}_%`],
    );
    expect(legs.map((l) => [l.key, l.fen])).toEqual([
      [`accrual:${first[0]?.key}`, 1000],
      [`accrual:${first[2]?.key}`, 700],
      [`accrual:${first[1]?.key}`, 400],
      [`accrual:${first[3]?.key}`, 300],
    ]);
    for (const l of legs) {
      expect(l.key).toBe(`accrual:${l.entry_key}`);
      expect(l.fen).toBe(l.entry_fen);
      expect(l.cause_type).toBe('commission_entry');
    }
    const [noAccrualRow] = await q<{ n: number }>(
      'SELECT count(*)::int AS n FROM commission_entries WHERE key LIKE $1 AND accrual_id IS NOT NULL',
      [`line:oln_batch_${tag}_%`],
    );
    expect(noAccrualRow?.n).toBe(0);
    await expectPendingMatchesOpenEntries();

    // An entry's detail names the transfer that carried it.
    const [a1] = await q<{ id: string }>('SELECT id FROM commission_entries WHERE key = $1', [first[0]?.key]);
    const detail = await getEntry(tdb.deps.db, a1?.id ?? '');
    expect(detail.transfers).toMatchObject([
      { key: `accrual:${first[0]?.key}`, amountFen: 1000, entryCount: null, entryShareFen: null },
    ]);
  });

  it('recomputing inserts and posts nothing', async () => {
    const [before] = await q<{ t: number; e: number }>(
      'SELECT (SELECT count(*) FROM ledger_transfers)::int AS t, (SELECT count(*) FROM commission_entries)::int AS e',
    );
    const rows = await tdb.deps.db.transaction((tx) => recordEntriesTx(tdb.deps, tx, first));
    expect(rows).toEqual({ inserted: [], posted: 0 });
    const [after] = await q<{ t: number; e: number }>(
      'SELECT (SELECT count(*) FROM ledger_transfers)::int AS t, (SELECT count(*) FROM commission_entries)::int AS e',
    );
    expect(after).toEqual(before);
  });

  it('a call mixing old and new entries accrues only the new ones', async () => {
    const mixed = [...first, lineEntry(4, 'direct', 0, A, 250), lineEntry(4, 'differential', 1, C, 50)];
    const r = await tdb.deps.db.transaction((tx) => recordEntriesTx(tdb.deps, tx, mixed));
    expect(r.inserted.map((e) => [e.beneficiaryId, e.amountFen]).sort()).toEqual([
      [A, 250],
      [C, 50],
    ]);
    expect(r.posted).toBe(2);
    const legs = await q<{ key: string; fen: number }>(
      'SELECT key, amount_fen::int AS fen FROM ledger_transfers WHERE key LIKE $1 ORDER BY amount_fen DESC',
      [`accrual:line:oln_batch_${tag}_4:%`],
    );
    expect(legs).toEqual([
      { key: `accrual:${mixed[5]?.key}`, fen: 250 },
      { key: `accrual:${mixed[6]?.key}`, fen: 50 },
    ]);
    await expectPendingMatchesOpenEntries();
  });

  it('still reads an entry accrued in aggregate by an earlier version', async () => {
    // What sessions 3-5 wrote: entries naming a commission_accruals row, one transfer per beneficiary
    // for their sum, keyed accrual:<accrualId>:<beneficiaryId>. Built here the way that code built it.
    const [accrual] = await q<{ id: number }>(
      `INSERT INTO commission_accruals (at, entry_count, amount_fen, transfer_count)
       VALUES (now(), 2, 200, 1) RETURNING id::int`,
    );
    const accrualId = accrual?.id as number;
    const ids = [`cen_legacy_${tag}_1`, `cen_legacy_${tag}_2`];
    for (const [i, fen] of [120, 80].entries()) {
      const e = lineEntry(5 + i, 'direct', 0, A, fen);
      await q(
        `INSERT INTO commission_entries (id, key, beneficiary_id, rule, cause_type, order_id, order_line_id,
           plan_id, plan_version, chain_position, base_fen, rate_bps, amount_fen, line_quantity, line_fen, status,
           explanation, paid_at, created_at, accrual_id)
         VALUES ($1, $2, $3, 'direct', 'order_line', $4, $5, 'cpl_batch', 1, 0, 10000, 1000, $6, 2, 10000,
           'estimated', '{}', now(), now(), $7)`,
        [ids[i], e.key, A, e.orderId, e.orderLineId, fen, accrualId],
      );
    }
    await tdb.deps.db.transaction((tx) =>
      postTransfersTx(tx, tdb.deps.clock, [
        {
          key: `accrual:${accrualId}:${A}`,
          debit: { owner: 'company', kind: 'commission_expense' },
          credit: { owner: 'leader', leaderId: A, kind: 'pending' },
          amountFen: 200,
          causeType: 'commission_accrual',
          causeId: String(accrualId),
        },
      ]),
    );
    const detail = await getEntry(tdb.deps.db, ids[0] ?? '');
    expect(detail.transfers).toMatchObject([
      { key: `accrual:${accrualId}:${A}`, amountFen: 200, entryCount: 2, entryShareFen: 120 },
    ]);
    await expectPendingMatchesOpenEntries();
  });
});
