import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountRef,
  balancesOf,
  type CauseTypes,
  checkInvariants,
  clawbackTransfersTx,
  postTransfersTx,
  settlementTransfersTx,
  type TransferInput,
} from '../../src/modules/ledger/index.js';
import { CAUSE_TYPES } from '../../src/modules.js';
import type { DomainError } from '../../src/platform/errors.js';
import { createTestApp, type Session, sessionFor, type TestApp } from '../helpers/test-app.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { fund, leaderWithLogin, ledgerSnapshot, makeLeader } from './ledger-support.js';
import { call, expectError, type Res } from './support.js';

/**
 * The ledger end to end: postTransfersTx (idempotent, set-based, concurrent, append-only, never a
 * negative available), the invariant check, withdrawals with their fee and tax, payout batches,
 * and the monthly statement, through the HTTP API the console and the leader portal use.
 */
let t: TestApp;
let tdb: TestDb;
let finance: Session;

beforeAll(async () => {
  // Some tests move the clock by days and months; sessions must outlive that.
  t = await createTestApp({ config: { sessionIdleMinutes: 60 * 24 * 365, sessionMaxHours: 24 * 365 } });
  tdb = t.tdb;
  finance = await sessionFor(t, ['finance']);
});
afterAll(() => t.close());

const company = (kind: 'commission_expense' | 'fees' | 'tax_withheld' | 'bank'): AccountRef => ({
  owner: 'company',
  kind,
});
const leader = (
  leaderId: string,
  kind: 'pending' | 'available' | 'withdrawing' | 'paid_out' | 'owed',
): AccountRef => ({
  owner: 'leader',
  leaderId,
  kind,
});
const accrual = (key: string, leaderId: string, amountFen: number): TransferInput => ({
  key,
  debit: company('commission_expense'),
  credit: leader(leaderId, 'pending'),
  amountFen,
  causeType: 'demo_opening',
  causeId: 'test',
});
const post = (transfers: TransferInput[]) =>
  tdb.deps.db.transaction((tx) => postTransfersTx(tx, tdb.deps.clock, transfers));

// The statements test posts movements under a cause type of its own, as the commission module would.
const CAUSES: CauseTypes = {
  ...CAUSE_TYPES,
  test_commission: { label: 'test commission', freeForm: true },
};

async function expectInvariantsOk() {
  const report = await checkInvariants(tdb.deps.db, CAUSES);
  expect(report.problems).toEqual([]);
  expect(report.ok).toBe(true);
  expect(report.sumFen).toBe(0);
}

/** A refused request: the status, the code, the field, and nothing written anywhere. */
async function refused(fn: () => Promise<Res>, status: number, code: string, field?: string) {
  const before = await ledgerSnapshot(tdb);
  const res = await fn();
  expectError(res, status, code, field);
  expect(await ledgerSnapshot(tdb)).toEqual(before);
  return res;
}

describe('postTransfersTx', () => {
  it('creates accounts on first use and keeps balances equal to their transfers', async () => {
    const a = await makeLeader(tdb);
    const result = await post([
      accrual(`t1:${a}:1`, a, 1_000),
      accrual(`t1:${a}:2`, a, 250),
      { ...accrual(`t1:${a}:3`, a, 600), debit: leader(a, 'pending'), credit: leader(a, 'available') },
    ]);
    expect(result).toEqual({ posted: 3, skipped: 0 });
    expect(await balancesOf(tdb.deps.db, a)).toMatchObject({
      pendingFen: 650,
      availableFen: 600,
      totalFen: 1_250,
    });
    await expectInvariantsOk();
  });

  it('posts the same keys once: a second call with them is skipped and changes nothing', async () => {
    const a = await makeLeader(tdb);
    const batch = [accrual(`t2:${a}:1`, a, 300), accrual(`t2:${a}:2`, a, 700)];
    expect(await post(batch)).toEqual({ posted: 2, skipped: 0 });
    const before = await ledgerSnapshot(tdb);
    expect(await post(batch)).toEqual({ posted: 0, skipped: 2 });
    expect(await ledgerSnapshot(tdb)).toEqual(before);
    // A mix of old and new keys posts only the new ones; a key repeated inside one call counts once.
    const third = accrual(`t2:${a}:3`, a, 5);
    expect(await post([...batch, third, third])).toEqual({ posted: 1, skipped: 3 });
    expect((await balancesOf(tdb.deps.db, a)).pendingFen).toBe(1_005);
    await expectInvariantsOk();
  });

  it('refuses invalid transfers and a key repeated with different content, writing nothing', async () => {
    const a = await makeLeader(tdb);
    const bad: Array<[TransferInput[], string]> = [
      [[accrual(`t3:${a}:0`, a, 0)], 'transfers.0.amountFen'],
      [[accrual(`t3:${a}:f`, a, 1.5)], 'transfers.0.amountFen'],
      [[{ ...accrual(`t3:${a}:s`, a, 1), credit: company('commission_expense') }], 'transfers.0.credit'],
      [[accrual('', a, 1)], 'transfers.0.key'],
      [[{ ...accrual(`t3:${a}:c`, a, 1), causeType: '' }], 'transfers.0.causeType'],
      [[accrual(`t3:${a}:d`, a, 1), accrual(`t3:${a}:d`, a, 2)], 'transfers.1.key'],
    ];
    const before = await ledgerSnapshot(tdb);
    for (const [transfers, field] of bad) {
      await expect(post(transfers)).rejects.toMatchObject({ code: 'ledger.invalid_transfer', field });
    }
    expect(await ledgerSnapshot(tdb)).toEqual(before);
  });

  it('posts thousands of transfers in one call, one balance update per account', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, () => makeLeader(tdb)));
    const transfers: TransferInput[] = [];
    for (let i = 0; i < 12_000; i += 1) {
      const id = ids[i % ids.length] as string;
      transfers.push(accrual(`t4:${i}`, id, 1 + (i % 97)));
    }
    const result = await post(transfers);
    expect(result).toEqual({ posted: 12_000, skipped: 0 });
    const expected = new Map<string, number>();
    for (const tr of transfers) {
      const id = (tr.credit as { leaderId: string }).leaderId;
      expected.set(id, (expected.get(id) ?? 0) + tr.amountFen);
    }
    for (const id of ids) expect((await balancesOf(tdb.deps.db, id)).pendingFen).toBe(expected.get(id));
    const posting = await tdb.deps.pool.query<{ n: number }>(
      "SELECT p.transfer_count AS n FROM ledger_postings p JOIN ledger_transfers t ON t.posting_id = p.id WHERE t.key = 't4:0'",
    );
    expect(Number(posting.rows[0]?.n)).toBe(12_000);
    await expectInvariantsOk();
  });

  it('stays consistent under many parallel postings to the same accounts, in any order', async () => {
    const [a, b, c] = [await makeLeader(tdb), await makeLeader(tdb), await makeLeader(tdb)];
    await fund(tdb, a, { availableFen: 1_000_000 });
    const before = await balancesOf(tdb.deps.db, a);
    const jobs = Array.from({ length: 24 }, (_, j) => {
      const legs: TransferInput[] = [];
      for (let i = 0; i < 30; i += 1) {
        // Each job touches the same accounts in its own order: a deadlock would surface as an error.
        const other = [b, c][(i + j) % 2] as string;
        legs.push(
          (i + j) % 3 === 0
            ? {
                ...accrual(`t5:${j}:${i}`, a, 7),
                debit: leader(a, 'available'),
                credit: leader(other, 'available'),
              }
            : accrual(`t5:${j}:${i}`, (i % 2 ? a : other) as string, 3),
        );
      }
      if (j % 2) legs.reverse();
      return post(legs);
    });
    // Half the jobs again, racing the first run with the same keys: each key still posts once.
    const replays = Array.from({ length: 12 }, (_, j) =>
      post(
        Array.from({ length: 30 }, (_, i) =>
          (i + j) % 3 === 0
            ? {
                ...accrual(`t5:${j}:${i}`, a, 7),
                debit: leader(a, 'available'),
                credit: leader([b, c][(i + j) % 2] as string, 'available'),
              }
            : accrual(`t5:${j}:${i}`, (i % 2 ? a : [b, c][(i + j) % 2]) as string, 3),
        ),
      ),
    );
    const results = await Promise.all([...jobs, ...replays]);
    expect(results.reduce((s, r) => s + r.posted, 0)).toBe(24 * 30);
    const after = await balancesOf(tdb.deps.db, a);
    const moved = await tdb.deps.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM ledger_transfers WHERE key LIKE 't5:%' AND amount_fen = 7",
    );
    expect(after.availableFen).toBe(before.availableFen - 7 * Number(moved.rows[0]?.n));
    await expectInvariantsOk();
  });

  it('never lets a leader’s available go below zero: the posting is refused whole', async () => {
    const a = await makeLeader(tdb);
    await fund(tdb, a, { availableFen: 500 });
    const before = await ledgerSnapshot(tdb);
    await expect(
      post([
        accrual(`t6:${a}:ok`, a, 100),
        {
          key: `t6:${a}:claw`,
          debit: leader(a, 'available'),
          credit: company('commission_expense'),
          amountFen: 501,
          causeType: 'demo_opening',
          causeId: 'test',
        },
      ]),
    ).rejects.toMatchObject({ code: 'ledger.balance_below_zero' } satisfies Partial<DomainError>);
    expect(await ledgerSnapshot(tdb)).toEqual(before);
    // A clawback beyond the balance goes to owed instead: available to zero, the rest owed.
    await post([
      {
        key: `t6:${a}:claw-available`,
        debit: leader(a, 'available'),
        credit: company('commission_expense'),
        amountFen: 500,
        causeType: 'demo_opening',
        causeId: 'test',
      },
      {
        key: `t6:${a}:claw-owed`,
        debit: leader(a, 'owed'),
        credit: company('commission_expense'),
        amountFen: 1,
        causeType: 'demo_opening',
        causeId: 'test',
      },
    ]);
    expect(await balancesOf(tdb.deps.db, a)).toMatchObject({ availableFen: 0, owedFen: 1, totalFen: -1 });
    // The database refuses it even when the code is bypassed.
    await expect(
      tdb.deps.pool.query(
        `UPDATE ledger_balances SET balance_fen = 1 WHERE account_id =
           (SELECT id FROM ledger_accounts WHERE code = $1)`,
        [`leader:${a}:available`],
      ),
    ).rejects.toMatchObject({ code: '23514', constraint: 'ledger_balances_leader_sign_check' });
    await expectInvariantsOk();
  });

  it('refuses UPDATE, DELETE and TRUNCATE of transfers, postings and accounts: to the app by privilege, to the owner by trigger', async () => {
    const a = await makeLeader(tdb);
    await post([accrual(`t7:${a}`, a, 10)]);
    const owner = new pg.Pool({ connectionString: tdb.adminUrl, max: 1 });
    for (const q of [
      `UPDATE ledger_transfers SET amount_fen = 11 WHERE key = 't7:${a}'`,
      `DELETE FROM ledger_transfers WHERE key = 't7:${a}'`,
      'UPDATE ledger_postings SET transfer_count = 0',
      'DELETE FROM ledger_postings',
      `UPDATE ledger_accounts SET kind = 'available' WHERE leader_id = '${a}'`,
      `DELETE FROM ledger_accounts WHERE leader_id = '${a}'`,
      'TRUNCATE ledger_transfers',
      'TRUNCATE ledger_postings',
    ]) {
      await expect(tdb.deps.pool.query(q), q).rejects.toThrow(/permission denied/);
      await expect(owner.query(q), q).rejects.toThrow(/append-only/);
    }
    await owner.end();
    await expectInvariantsOk();
  });
});

describe('clawback and settlement splits', () => {
  it('claws back from available first and puts the rest on owed; settlement repays owed first', async () => {
    const a = await makeLeader(tdb);
    await fund(tdb, a, { availableFen: 300, pendingFen: 1_000 });
    const claw = (key: string, amountFen: number) =>
      tdb.deps.db.transaction(async (tx) => {
        const legs = await clawbackTransfersTx(tx, tdb.deps.clock, [
          { leaderId: a, amountFen, key, causeType: 'demo_opening', causeId: 'test' },
        ]);
        await postTransfersTx(tx, tdb.deps.clock, legs);
        return legs.map((l) => [l.key, l.amountFen]);
      });
    expect(await claw(`cb:${a}:1`, 500)).toEqual([
      [`cb:${a}:1:available`, 300],
      [`cb:${a}:1:owed`, 200],
    ]);
    expect(await balancesOf(tdb.deps.db, a)).toMatchObject({ availableFen: 0, owedFen: 200 });
    // The same cause again gives nothing: the split was decided once.
    expect(await claw(`cb:${a}:1`, 500)).toEqual([]);
    const settle = (key: string, amountFen: number) =>
      tdb.deps.db.transaction(async (tx) => {
        const legs = await settlementTransfersTx(tx, tdb.deps.clock, [
          { leaderId: a, amountFen, key, causeType: 'demo_opening', causeId: 'test' },
        ]);
        await postTransfersTx(tx, tdb.deps.clock, legs);
        return legs.map((l) => [l.key, l.amountFen]);
      });
    expect(await settle(`st:${a}:1`, 150)).toEqual([[`st:${a}:1:owed`, 150]]);
    expect(await settle(`st:${a}:2`, 400)).toEqual([
      [`st:${a}:2:owed`, 50],
      [`st:${a}:2:available`, 350],
    ]);
    expect(await settle(`st:${a}:2`, 400)).toEqual([]);
    expect(await balancesOf(tdb.deps.db, a)).toMatchObject({
      pendingFen: 450,
      availableFen: 350,
      owedFen: 0,
    });
    await expectInvariantsOk();
  });
});

describe('the invariant check', () => {
  let other: TestDb;
  beforeAll(async () => {
    other = await createTestDb();
  });
  afterAll(() => other.close());

  it('finds a tampered balance, an unknown cause type and a cause that does not exist', async () => {
    const a = await makeLeader(other);
    await other.deps.db.transaction((tx) =>
      postTransfersTx(tx, other.deps.clock, [
        { ...accrual('bad:1', a, 100), causeType: 'mystery' },
        { ...accrual('bad:2', a, 50), causeType: 'withdrawal', causeId: 'wdr_missing' },
        { ...accrual('bad:3', a, 70), causeType: 'test_cause', causeId: 'x1' },
      ]),
    );
    await other.deps.pool.query(
      `UPDATE ledger_balances SET balance_fen = balance_fen - 1 WHERE account_id =
         (SELECT id FROM ledger_accounts WHERE code = $1)`,
      [`leader:${a}:pending`],
    );
    const report = await checkInvariants(other.deps.db, {
      ...CAUSE_TYPES,
      test_cause: {
        label: 'test cause',
        findMissing: async (_db, type) => (type === 'test_cause' ? ['x1'] : []),
      },
    });
    expect(report.ok).toBe(false);
    const byCheck = (name: string) => report.problems.filter((p) => p.check === name);
    expect(byCheck('sum_zero')[0]).toMatchObject({ actualFen: -1 });
    expect(byCheck('balance_matches_transfers')[0]).toMatchObject({
      accountCode: `leader:${a}:pending`,
      expectedFen: -220,
      actualFen: -221,
    });
    expect(byCheck('cause_type_unknown')[0]).toMatchObject({ causeType: 'mystery' });
    expect(byCheck('cause_exists').map((p) => p.causeIds)).toEqual([['x1'], ['wdr_missing']]);
  });
});

// ---------------------------------------------------------------------------------------------------

const withdraw = (s: Session, amountFen: number, key: string | null = `k-${Math.random()}`) =>
  t.app.inject({
    method: 'POST',
    url: '/api/ledger/me/withdrawals',
    headers: { ...s.headers, ...(key === null ? {} : { 'idempotency-key': key }) },
    payload: { amountFen },
  });

async function setRules(rules: Record<string, number | boolean>) {
  const res = await call(t, finance, 'PUT', '/api/ledger/withdrawal-settings', {
    minAmountFen: 1_000,
    feeFixedFen: 0,
    feeBps: 0,
    dailyCountLimit: 10,
    taxBps: 0,
    ...rules,
  });
  expect(res.statusCode, res.body).toBe(200);
}

async function setBankAccount(s: Session, account = '6222 0212 3456 7890 123') {
  const res = await call(t, s, 'PUT', '/api/ledger/me/payout-account', {
    method: 'bank',
    payeeName: '陈静',
    account,
    bankName: '中国工商银行杭州西湖支行',
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ accountMasked: string }>();
}

describe('withdrawals', () => {
  it('validates the settings, audits a change and refuses an unknown property', async () => {
    const leaderOnly = await sessionFor(t, ['leader']);
    expectError(
      await call(t, leaderOnly, 'PUT', '/api/ledger/withdrawal-settings', {}),
      403,
      'auth.forbidden',
    );
    await refused(
      () =>
        call(t, finance, 'PUT', '/api/ledger/withdrawal-settings', {
          minAmountFen: 100,
          feeFixedFen: 100,
          feeBps: 0,
          dailyCountLimit: 3,
          taxBps: 0,
        }),
      400,
      'ledger.settings_invalid',
      'body.feeFixedFen',
    );
    await refused(
      () =>
        call(t, finance, 'PUT', '/api/ledger/withdrawal-settings', {
          minAmountFen: 100,
          feeFixedFen: 0,
          feeBps: 0,
          dailyCountLimit: 3,
          taxBps: 0,
          extra: 1,
        }),
      400,
      'request.invalid',
    );
    const audits = await tdb.deps.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'ledger.withdrawal_settings.update'",
    );
    await setRules({ feeFixedFen: 100, feeBps: 60, dailyCountLimit: 2 });
    const after = await tdb.deps.pool.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'ledger.withdrawal_settings.update'",
    );
    expect(after.rows[0]?.n).toBe((audits.rows[0]?.n ?? 0) + 1);
    const read = await call(t, finance, 'GET', '/api/ledger/withdrawal-settings');
    expect(read.json()).toMatchObject({
      minAmountFen: 1_000,
      feeFixedFen: 100,
      feeBps: 60,
      dailyCountLimit: 2,
    });
  });

  it('takes a request: amount, fee and tax each their own transfer; refusals name the field and write nothing', async () => {
    await setRules({ feeFixedFen: 100, feeBps: 60, dailyCountLimit: 2, taxBps: 2_000 });
    const { leaderId, session } = await leaderWithLogin(t, '提现');
    await fund(tdb, leaderId, { availableFen: 50_000, pendingFen: 7_000 });

    await refused(() => withdraw(session, 10_000), 422, 'ledger.payout_account_missing', 'payoutAccount');
    const acct = await setBankAccount(session);
    expect(acct.accountMasked).toBe('**** 0123');

    await refused(
      () => withdraw(session, 10_000, null),
      400,
      'ledger.idempotency_key_required',
      'headers.idempotency-key',
    );
    await refused(() => withdraw(session, 50_001), 422, 'ledger.above_available', 'body.amountFen');
    await refused(() => withdraw(session, 999), 422, 'ledger.below_minimum', 'body.amountFen');
    await refused(() => withdraw(session, 0), 400, 'request.invalid');

    const first = await withdraw(session, 12_345, 'request-one');
    expect(first.statusCode, first.body).toBe(201);
    // fee 100 + 0.6% × 12,345 = 74.07 → 74: 174; tax 20% × 12,345 = 2,469; net 9,702.
    expect(first.json()).toMatchObject({
      amountFen: 12_345,
      feeFen: 174,
      taxFen: 2_469,
      netFen: 9_702,
      status: 'requested',
    });
    const id = first.json<{ id: string }>().id;
    expect(await balancesOf(tdb.deps.db, leaderId)).toMatchObject({
      availableFen: 50_000 - 12_345,
      withdrawingFen: 9_702,
      pendingFen: 7_000,
    });
    const legs = await tdb.deps.pool.query<{ key: string; amount_fen: number }>(
      'SELECT key, amount_fen FROM ledger_transfers WHERE cause_type = $1 AND cause_id = $2 ORDER BY key',
      ['withdrawal', id],
    );
    expect(legs.rows.map((r) => [r.key, Number(r.amount_fen)])).toEqual([
      [`wdr:${id}:fee`, 174],
      [`wdr:${id}:hold`, 9_702],
      [`wdr:${id}:tax`, 2_469],
    ]);

    // The same key again answers the first request and writes nothing; another amount under it is refused.
    const before = await ledgerSnapshot(tdb);
    const replay = await withdraw(session, 12_345, 'request-one');
    expect(replay.statusCode).toBe(201);
    expect(replay.json<{ id: string }>().id).toBe(id);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await ledgerSnapshot(tdb)).toEqual(before);
    await refused(
      () => withdraw(session, 12_000, 'request-one'),
      409,
      'ledger.idempotency_key_reused',
      'headers.idempotency-key',
    );

    // Two requests a day: the second is fine, the third is refused.
    expect((await withdraw(session, 1_000)).statusCode).toBe(201);
    await refused(() => withdraw(session, 1_000), 422, 'ledger.daily_limit_reached', 'body');
    // The next Beijing day starts at 16:00 UTC.
    tdb.deps.clock.advance(24 * 3600_000);
    expect((await withdraw(session, 1_000)).statusCode).toBe(201);
    await expectInvariantsOk();
  });

  it('is approved once: a second approval is 409 and writes nothing; a rejection gives everything back', async () => {
    await setRules({ feeFixedFen: 50, feeBps: 0, dailyCountLimit: 10, taxBps: 1_000 });
    const { leaderId, session } = await leaderWithLogin(t, '审核');
    await fund(tdb, leaderId, { availableFen: 20_000 });
    await setBankAccount(session);
    const a = (await withdraw(session, 5_000)).json<{ id: string }>().id;
    const b = (await withdraw(session, 3_000)).json<{ id: string }>().id;

    expectError(
      await call(t, session, 'POST', `/api/ledger/withdrawals/${a}/approve`, {}),
      403,
      'auth.forbidden',
    );
    const ok = await call(t, finance, 'POST', `/api/ledger/withdrawals/${a}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: finance.user.username });
    await refused(
      () => call(t, finance, 'POST', `/api/ledger/withdrawals/${a}/approve`, {}),
      409,
      'ledger.withdrawal_not_pending',
      'params.id',
    );
    await refused(
      () => call(t, finance, 'POST', '/api/ledger/withdrawals/wdr_missing/approve', {}),
      404,
      'ledger.withdrawal_not_found',
      'params.id',
    );
    await refused(
      () => call(t, finance, 'POST', `/api/ledger/withdrawals/${b}/reject`, { reason: ' ' }),
      400,
      'request.invalid',
    );

    const beforeReject = await balancesOf(tdb.deps.db, leaderId);
    const rej = await call(t, finance, 'POST', `/api/ledger/withdrawals/${b}/reject`, {
      reason: '账户信息有误',
    });
    expect(rej.statusCode, rej.body).toBe(200);
    expect(rej.json()).toMatchObject({ status: 'rejected', rejectReason: '账户信息有误' });
    const afterReject = await balancesOf(tdb.deps.db, leaderId);
    // All 3,000 returns: the net hold, the fee (50) and the tax (300).
    expect(afterReject.availableFen).toBe(beforeReject.availableFen + 3_000);
    expect(afterReject.withdrawingFen).toBe(beforeReject.withdrawingFen - (3_000 - 50 - 300));
    await refused(
      () => call(t, finance, 'POST', `/api/ledger/withdrawals/${b}/reject`, { reason: 'again' }),
      409,
      'ledger.withdrawal_not_pending',
    );
    await refused(
      () => call(t, finance, 'POST', `/api/ledger/withdrawals/${b}/approve`, {}),
      409,
      'ledger.withdrawal_not_pending',
    );

    const queue = await call(
      t,
      finance,
      'GET',
      `/api/ledger/withdrawals?status=approved&leaderId=${leaderId}`,
    );
    expect(
      queue.json<{ items: { id: string; leaderAvailableFen: number }[] }>().items.map((w) => w.id),
    ).toEqual([a]);
    const detail = await call(t, finance, 'GET', `/api/ledger/withdrawals/${b}`);
    expect(detail.json<{ transfers: unknown[] }>().transfers).toHaveLength(6);
    await expectInvariantsOk();
  });

  it('shows what a leader owes beside the request; by default a leader in debt can neither ask nor be approved', async () => {
    await setRules({ feeFixedFen: 0, feeBps: 0, dailyCountLimit: 10, taxBps: 0, withdrawWhileOwed: false });
    const { leaderId, session } = await leaderWithLogin(t, '欠款');
    await fund(tdb, leaderId, { availableFen: 10_000 });
    await setBankAccount(session);
    const first = await withdraw(session, 8_000);
    expect(first.statusCode, first.body).toBe(201);
    const id = first.json<{ id: string }>().id;
    // A refund after settlement claws back 5,000: 2,000 from available, 3,000 owed.
    await tdb.deps.db.transaction(async (tx) => {
      const legs = await clawbackTransfersTx(tx, tdb.deps.clock, [
        {
          leaderId,
          amountFen: 5_000,
          key: `cb:${leaderId}:debt`,
          causeType: 'demo_opening',
          causeId: 'test',
        },
      ]);
      await postTransfersTx(tx, tdb.deps.clock, legs);
    });
    type Figures = { id: string; leaderAvailableFen: number; leaderOwedFen: number; leaderNetFen: number };
    const queue = await call(
      t,
      finance,
      'GET',
      `/api/ledger/withdrawals?status=requested&leaderId=${leaderId}`,
    );
    expect(queue.json<{ items: Figures[] }>().items).toEqual([
      expect.objectContaining({ id, leaderAvailableFen: 0, leaderOwedFen: 3_000, leaderNetFen: -3_000 }),
    ]);
    const detail = await call(t, finance, 'GET', `/api/ledger/withdrawals/${id}`);
    expect(detail.json<Figures>()).toMatchObject({
      leaderAvailableFen: 0,
      leaderOwedFen: 3_000,
      leaderNetFen: -3_000,
    });

    // Not approved while owed, and nothing written; not a new request either.
    await refused(
      () => call(t, finance, 'POST', `/api/ledger/withdrawals/${id}/approve`, {}),
      422,
      'ledger.owed_outstanding',
      'params.id',
    );
    await fund(tdb, leaderId, { availableFen: 4_000 });
    await refused(() => withdraw(session, 1_000), 422, 'ledger.owed_outstanding', 'body.amountFen');

    // The company allows it: the request up to available − owed, and the approval.
    await setRules({ feeFixedFen: 0, feeBps: 0, dailyCountLimit: 10, taxBps: 0, withdrawWhileOwed: true });
    const read = await call(t, finance, 'GET', '/api/ledger/withdrawal-settings');
    expect(read.json()).toMatchObject({ withdrawWhileOwed: true });
    await refused(() => withdraw(session, 1_001), 422, 'ledger.above_available', 'body.amountFen');
    expect((await withdraw(session, 1_000)).statusCode).toBe(201);
    const ok = await call(t, finance, 'POST', `/api/ledger/withdrawals/${id}/approve`, {});
    expect(ok.statusCode, ok.body).toBe(200);

    // Saving the settings without the debt setting (an older client) keeps what is saved.
    await call(t, finance, 'PUT', '/api/ledger/withdrawal-settings', {
      minAmountFen: 1_000,
      feeFixedFen: 0,
      feeBps: 0,
      dailyCountLimit: 10,
      taxBps: 0,
    });
    expect((await call(t, finance, 'GET', '/api/ledger/withdrawal-settings')).json()).toMatchObject({
      withdrawWhileOwed: true,
    });
    await setRules({ withdrawWhileOwed: false });
    await expectInvariantsOk();
  });

  it('gathers approved withdrawals into a payout batch, exports it, and marks each line once', async () => {
    await setRules({ feeFixedFen: 0, feeBps: 0, dailyCountLimit: 10, taxBps: 0 });
    const one = await leaderWithLogin(t, '打款');
    const two = await leaderWithLogin(t, '打款');
    for (const l of [one, two]) {
      await fund(tdb, l.leaderId, { availableFen: 10_000 });
      await setBankAccount(l.session, l === one ? '6222021234567890123' : '6217 0000 1111 2222 333');
    }
    const w1 = (await withdraw(one.session, 4_000)).json<{ id: string }>().id;
    const w2 = (await withdraw(two.session, 6_000)).json<{ id: string }>().id;
    // Only approved withdrawals can be batched.
    await refused(
      () => call(t, finance, 'POST', '/api/ledger/payout-batches', { method: 'bank', withdrawalIds: [w1] }),
      409,
      'ledger.withdrawal_not_approved',
      'body.withdrawalIds.0',
    );
    await refused(
      () => call(t, finance, 'POST', '/api/ledger/payout-batches', { method: 'wechat' }),
      422,
      'ledger.nothing_to_batch',
      'body.method',
    );
    for (const id of [w1, w2]) {
      expect((await call(t, finance, 'POST', `/api/ledger/withdrawals/${id}/approve`, {})).statusCode).toBe(
        200,
      );
    }
    const created = await call(t, finance, 'POST', '/api/ledger/payout-batches', {
      method: 'bank',
      withdrawalIds: [w1, w2],
      note: '3 月第 1 批',
    });
    expect(created.statusCode, created.body).toBe(201);
    const batch = created.json<{
      id: string;
      totalFen: number;
      createdAt: string;
      lines: { id: string; withdrawalId: string; accountMasked: string; status: string }[];
    }>();
    expect(batch.totalFen).toBe(10_000);
    expect(batch.lines.map((l) => [l.withdrawalId, l.accountMasked, l.status])).toEqual([
      [w1, '**** 0123', 'pending'],
      [w2, '**** 2333', 'pending'],
    ]);
    // A withdrawal is in one batch only.
    await refused(
      () => call(t, finance, 'POST', '/api/ledger/payout-batches', { method: 'bank', withdrawalIds: [w1] }),
      409,
      'ledger.withdrawal_not_approved',
    );

    const file = await t.app.inject({
      method: 'GET',
      url: `/api/ledger/payout-batches/${batch.id}/export`,
      headers: finance.headers,
    });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([
      undefined,
      '序号',
      '收款人户名',
      '收款账号',
      '开户银行',
      '金额(元)',
      '用途',
    ]);
    expect(sheet?.getRow(2).getCell(3).value).toBe('6222021234567890123');
    expect(sheet?.getRow(3).getCell(3).value).toBe('6217000011112222333');
    expect(sheet?.getRow(3).getCell(5).value).toBe(60);
    // The summary's time is on the business clock (Asia/Shanghai, UTC+8), as the console shows it.
    const createdRow = wb.worksheets[1]?.getRow(6);
    expect(createdRow?.getCell(1).value).toBe('生成时间 Created (Asia/Shanghai)');
    const createdAt = new Date(new Date(batch.createdAt).getTime() + 8 * 3_600_000);
    expect(createdRow?.getCell(2).value).toBe(createdAt.toISOString().replace('T', ' ').slice(0, 19));
    // Full account numbers left the system: who took the file is on record, with its rows.
    const audited = await tdb.deps.pool.query(
      `SELECT actor_id, entity_id, after FROM audit_log WHERE action = 'ledger.payout_batch.exported'`,
    );
    expect(audited.rows).toEqual([
      {
        actor_id: finance.user.id,
        entity_id: batch.id,
        after: { filter: { batchId: batch.id, method: 'bank' }, rows: 2 },
      },
    ]);
    // The masked list is for anyone with ledger.read; the full file needs payouts.write.
    const viewer = await sessionFor(t, ['operator']);
    expectError(
      await call(t, viewer, 'GET', `/api/ledger/payout-batches/${batch.id}`),
      403,
      'auth.forbidden',
    );

    const [l1, l2] = batch.lines;
    const paid = await call(t, finance, 'POST', `/api/ledger/payout-lines/${l1?.id}/paid`, {
      reference: 'BANK-001',
    });
    expect(paid.statusCode, paid.body).toBe(200);
    expect(await balancesOf(tdb.deps.db, one.leaderId)).toMatchObject({
      availableFen: 6_000,
      withdrawingFen: 0,
      paidOutFen: 4_000,
    });
    await refused(
      () => call(t, finance, 'POST', `/api/ledger/payout-lines/${l1?.id}/paid`, {}),
      409,
      'ledger.payout_line_already_marked',
      'params.id',
    );
    await refused(
      () => call(t, finance, 'POST', `/api/ledger/payout-lines/${l1?.id}/failed`, { reason: '户名不符' }),
      409,
      'ledger.payout_line_already_marked',
    );
    const failed = await call(t, finance, 'POST', `/api/ledger/payout-lines/${l2?.id}/failed`, {
      reason: '户名不符',
    });
    expect(failed.statusCode, failed.body).toBe(200);
    expect(await balancesOf(tdb.deps.db, two.leaderId)).toMatchObject({
      availableFen: 10_000,
      withdrawingFen: 0,
      paidOutFen: 0,
    });
    await refused(
      () => call(t, finance, 'POST', `/api/ledger/payout-lines/${l2?.id}/paid`, {}),
      409,
      'ledger.payout_line_already_marked',
    );
    const closed = await call(t, finance, 'GET', `/api/ledger/payout-batches/${batch.id}`);
    expect(closed.json()).toMatchObject({ status: 'closed', paidCount: 1, failedCount: 1 });
    const mine = await call(t, two.session, 'GET', '/api/ledger/me/withdrawals');
    expect(
      mine.json<{ items: { id: string; status: string; failReason: string }[] }>().items[0],
    ).toMatchObject({
      id: w2,
      status: 'failed',
      failReason: '户名不符',
    });
    await expectInvariantsOk();
  });
});

describe('statements', () => {
  it('balances: opening + movements = closing, month after month, and a leader sees only their own', async () => {
    await setRules({ feeFixedFen: 100, feeBps: 0, dailyCountLimit: 10, taxBps: 1_000 });
    tdb.deps.clock.set('2026-04-10T02:00:00Z');
    const { leaderId, session } = await leaderWithLogin(t, '对账');
    await fund(tdb, leaderId, { availableFen: 3_000, pendingFen: 2_000 }, 'april');
    tdb.deps.clock.set('2026-05-03T02:00:00Z');
    // Movements as the commission module will post them (its own cause type, not the demo's: CAUSES).
    const cm = (x: TransferInput): TransferInput => ({ ...x, causeType: 'test_commission' });
    await post(
      [
        accrual(`st:${leaderId}:1`, leaderId, 1_500),
        {
          ...accrual(`st:${leaderId}:2`, leaderId, 500),
          debit: leader(leaderId, 'pending'),
          credit: company('commission_expense'),
        },
        {
          ...accrual(`st:${leaderId}:3`, leaderId, 2_000),
          debit: leader(leaderId, 'pending'),
          credit: leader(leaderId, 'available'),
        },
        {
          ...accrual(`st:${leaderId}:4`, leaderId, 400),
          debit: leader(leaderId, 'available'),
          credit: company('commission_expense'),
        },
      ].map(cm),
    );
    await setBankAccount(session);
    const w = await withdraw(session, 2_000);
    expect(w.statusCode, w.body).toBe(201);

    const april = (
      await call(t, finance, 'GET', `/api/ledger/statements?leaderId=${leaderId}&month=2026-04`)
    ).json<{
      summary: Record<string, number>;
    }>();
    expect(april.summary).toMatchObject({ openingFen: 0, closingFen: 5_000 });
    const res = await call(t, finance, 'GET', `/api/ledger/statements?leaderId=${leaderId}&month=2026-05`);
    expect(res.statusCode, res.body).toBe(200);
    const may = res.json<{
      summary: Record<string, number>;
      rows: { effectFen: number }[];
      closing: Record<string, number>;
      lines: unknown[];
    }>();
    expect(may.summary).toEqual({
      openingFen: 5_000,
      accrualsFen: 1_500,
      voidsFen: 500,
      settlementsFen: 2_000,
      clawbacksFen: 400,
      owedRepaidFen: 0,
      withdrawalsFen: 2_000 - 100 - 200,
      feesFen: 100,
      taxFen: 200,
      returnedFen: 0,
      paidFen: 0,
      adjustmentsFen: 0,
      closingFen: 5_000 + 1_500 - 500 - 400 - 2_000,
    });
    expect((may.summary.openingFen ?? NaN) + may.rows.reduce((a, r) => a + r.effectFen, 0)).toBe(
      may.summary.closingFen,
    );
    const now = await balancesOf(tdb.deps.db, leaderId);
    expect(may.closing).toMatchObject({
      pending: now.pendingFen,
      available: now.availableFen,
      withdrawing: now.withdrawingFen,
      balanceFen: now.totalFen,
    });
    expect(may.lines).toHaveLength(7);
    const june = (
      await call(t, finance, 'GET', `/api/ledger/statements?leaderId=${leaderId}&month=2026-06`)
    ).json<{
      summary: Record<string, number>;
    }>();
    expect(june.summary.openingFen).toBe(may.summary.closingFen);

    // The leader's own statement is the same; they have no way to name another leader.
    const own = await call(t, session, 'GET', '/api/ledger/me/statements?month=2026-05');
    expect(own.json<{ summary: unknown }>().summary).toEqual(may.summary);
    const other = await leaderWithLogin(t, '别人');
    const theirs = await call(t, other.session, 'GET', '/api/ledger/me/statements?month=2026-05');
    expect(theirs.json<{ leader: { id: string }; lines: unknown[] }>()).toMatchObject({
      leader: { id: other.leaderId },
      lines: [],
    });
    const wid = w.json<{ id: string }>().id;
    expectError(
      await call(t, other.session, 'GET', `/api/ledger/me/withdrawals/${wid}`),
      404,
      'ledger.withdrawal_not_found',
    );
    expectError(
      await call(t, session, 'GET', `/api/ledger/statements?leaderId=${leaderId}&month=2026-05`),
      403,
      'auth.forbidden',
    );
    expectError(
      await call(t, finance, 'GET', `/api/ledger/statements?leaderId=${leaderId}&month=2026-13`),
      400,
      'ledger.month_invalid',
      'query.month',
    );
    const noLeader = await sessionFor(t, ['leader']);
    expectError(await call(t, noLeader, 'GET', '/api/ledger/me'), 404, 'ledger.not_a_leader');

    const file = await t.app.inject({
      method: 'GET',
      url: `/api/ledger/statements/export?leaderId=${leaderId}&month=2026-05`,
      headers: finance.headers,
    });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['对账单 Statement', '明细 Detail']);
    expect(wb.worksheets[1]?.rowCount).toBe(8);
    // The month in Shanghai time, and every transfer's time on the same clock (not UTC).
    expect(wb.worksheets[0]?.getRow(2).getCell(1).value).toBe(
      '期间 Period (Asia/Shanghai): 2026-05-01 00:00:00 — 2026-06-01 00:00:00',
    );
    expect(wb.worksheets[1]?.getRow(1).getCell(1).value).toBe('时间 Time (Asia/Shanghai)');
    const audited = await tdb.deps.pool.query(
      `SELECT actor_id, entity_id, after FROM audit_log WHERE action = 'ledger.statement.exported'`,
    );
    expect(audited.rows).toEqual([
      {
        actor_id: finance.user.id,
        entity_id: leaderId,
        after: { filter: { leaderId, month: '2026-05' }, rows: 7 },
      },
    ]);
    await expectInvariantsOk();
  });
});

describe('the console API', () => {
  it('lists balances, transfers and the overview, and runs the invariant check', async () => {
    const list = await call(t, finance, 'GET', '/api/ledger/leader-balances?q=对账&pageSize=5');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: { leaderName: string }[] }>().items[0]?.leaderName).toMatch(/^对账/);
    const overview = await call(t, finance, 'GET', '/api/ledger/overview');
    expect(overview.json<{ sumStoredFen: number }>().sumStoredFen).toBe(0);
    const transfers = await call(t, finance, 'GET', '/api/ledger/transfers?causeType=withdrawal&pageSize=3');
    expect(transfers.json<{ items: unknown[]; total: number }>().items).toHaveLength(3);
    const check = await call(t, finance, 'GET', '/api/ledger/invariants');
    // The app checks with the cause types the modules declare (CAUSE_TYPES), so the statements
    // test's own one is the only problem it finds.
    const report = check.json<{ ok: boolean; problems: { check: string; causeType?: string }[] }>();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({ check: 'cause_type_unknown', causeType: 'test_commission' }),
    ]);
  });
});
