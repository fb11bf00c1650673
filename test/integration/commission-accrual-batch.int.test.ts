import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getEntry,
  type NewEntry,
  recordEntriesTx,
  recordEntryCountsTx,
} from '../../src/modules/commission/index.js';
import { balancesOf, checkInvariants } from '../../src/modules/ledger/index.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

/**
 * Aggregated accrual (one transfer per beneficiary and accrual): the entries one call inserts are
 * accrued by one transfer per beneficiary for their sum, named by the accrual; entries that already
 * existed post nothing, so recomputing is free; each leader's pending balance stays the sum of their
 * open entries and the ledger's invariants hold throughout. Voids, clawbacks and settlement after
 * aggregated accruals are covered end to end in commission-accrual.int.test.ts.
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
  const report = await checkInvariants(tdb.deps.db);
  expect(report.problems).toEqual([]);
}

describe('aggregated accrual', () => {
  const first = [
    lineEntry(1, 'direct', 0, A, 1000),
    lineEntry(1, 'differential', 1, B, 400),
    lineEntry(2, 'direct', 0, A, 700),
    lineEntry(2, 'differential', 1, B, 300),
    lineEntry(3, 'direct', 0, C, 0),
  ];

  it('posts one transfer per beneficiary for the sum of the entries the call inserted', async () => {
    const r = await tdb.deps.db.transaction((tx) => recordEntryCountsTx(tdb.deps, tx, first));
    expect(r).toMatchObject({ inserted: 5, insertedFen: 2400, posted: 2 });
    const accrualId = r.accrualId as number;
    const entries = await q<{ beneficiary_id: string; accrual_id: number }>(
      `SELECT beneficiary_id, accrual_id::int FROM commission_entries WHERE key LIKE $1`,
      [`line:oln_batch_${tag}_%`],
    );
    expect(entries.every((e) => e.accrual_id === accrualId)).toBe(true);
    // Each transfer equals the sum of its beneficiary's entries in the accrual; C's 0 fen posts nothing.
    const legs = await q<{ key: string; fen: number; cause_type: string; cause_id: string; sum: number }>(
      `SELECT t.key, t.amount_fen::int AS fen, t.cause_type, t.cause_id,
              (SELECT sum(e.amount_fen)::int FROM commission_entries e
               WHERE e.accrual_id = $1 AND 'accrual:' || e.accrual_id || ':' || e.beneficiary_id = t.key) AS sum
       FROM ledger_transfers t WHERE t.key LIKE $2 ORDER BY t.key`,
      [accrualId, `accrual:${accrualId}:%`],
    );
    expect(legs.map((l) => [l.key, l.fen])).toEqual([
      [`accrual:${accrualId}:${A}`, 1700],
      [`accrual:${accrualId}:${B}`, 700],
    ]);
    for (const l of legs) {
      expect(l.fen).toBe(l.sum);
      expect([l.cause_type, l.cause_id]).toEqual(['commission_accrual', String(accrualId)]);
    }
    const [row] = await q(
      'SELECT entry_count, amount_fen::int, transfer_count FROM commission_accruals WHERE id = $1',
      [accrualId],
    );
    expect(row).toEqual({ entry_count: 5, amount_fen: 2400, transfer_count: 2 });
    await expectPendingMatchesOpenEntries();

    // An entry's detail names the transfer that carried it, how many entries it carried, and its part.
    const [a1] = await q<{ id: string }>('SELECT id FROM commission_entries WHERE key = $1', [first[0]?.key]);
    const detail = await getEntry(tdb.deps.db, a1?.id ?? '');
    expect(detail.transfers).toMatchObject([
      { key: `accrual:${accrualId}:${A}`, amountFen: 1700, entryCount: 2, entryShareFen: 1000 },
    ]);
  });

  it('recomputing inserts and posts nothing, and writes no accrual', async () => {
    const [before] = await q<{ t: number; a: number }>(
      'SELECT (SELECT count(*) FROM ledger_transfers)::int AS t, (SELECT count(*) FROM commission_accruals)::int AS a',
    );
    const counts = await tdb.deps.db.transaction((tx) => recordEntryCountsTx(tdb.deps, tx, first));
    expect(counts).toEqual({ inserted: 0, insertedFen: 0, posted: 0, accrualId: null });
    const rows = await tdb.deps.db.transaction((tx) => recordEntriesTx(tdb.deps, tx, first));
    expect(rows).toEqual({ inserted: [], posted: 0, accrualId: null });
    const [after] = await q<{ t: number; a: number }>(
      'SELECT (SELECT count(*) FROM ledger_transfers)::int AS t, (SELECT count(*) FROM commission_accruals)::int AS a',
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
      'SELECT key, amount_fen::int AS fen FROM ledger_transfers WHERE key LIKE $1 ORDER BY key',
      [`accrual:${r.accrualId}:%`],
    );
    expect(legs).toEqual([
      { key: `accrual:${r.accrualId}:${A}`, fen: 250 },
      { key: `accrual:${r.accrualId}:${C}`, fen: 50 },
    ]);
    await expectPendingMatchesOpenEntries();
  });
});
