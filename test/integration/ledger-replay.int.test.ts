import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountRef, postTransfersTx, type TransferInput } from '../../src/modules/ledger/index.js';
import { DomainError } from '../../src/platform/errors.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';
import { ledgerSnapshot, makeLeader } from './ledger-support.js';

/**
 * A transfer key names one movement. Posting it again with the same content (a retry, a recompute)
 * is a no-op; posting it with other accounts, amount or cause is a caller bug the ledger refuses
 * (`ledger.transfer_key_reused`) instead of silently keeping the first version.
 */
let tdb: TestDb;
beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

const expense: AccountRef = { owner: 'company', kind: 'commission_expense' };
const pending = (leaderId: string): AccountRef => ({ owner: 'leader', leaderId, kind: 'pending' });
const accrual = (key: string, leaderId: string, amountFen: number): TransferInput => ({
  key,
  debit: expense,
  credit: pending(leaderId),
  amountFen,
  causeType: 'demo_opening',
  causeId: 'test',
});
const post = (transfers: readonly TransferInput[]) =>
  tdb.deps.db.transaction((tx) => postTransfersTx(tx, tdb.deps.clock, transfers));

async function refusedAsReused(transfers: readonly TransferInput[], field: string): Promise<DomainError> {
  const before = await ledgerSnapshot(tdb);
  const err = await post(transfers).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  const d = err as DomainError;
  expect(d.code).toBe('ledger.transfer_key_reused');
  expect(d.field).toBe(field);
  // The whole call rolls back: nothing of it is written, not even its new keys.
  expect(await ledgerSnapshot(tdb)).toEqual(before);
  return d;
}

describe('a replayed transfer key', () => {
  it('with the same content is skipped, whatever its memo', async () => {
    const a = await makeLeader(tdb);
    const t = accrual(`rp1:${a}`, a, 500);
    expect(await post([t])).toEqual({ posted: 1, skipped: 0 });
    const before = await ledgerSnapshot(tdb);
    expect(await post([{ ...t, memo: 'a retry says it differently' }])).toEqual({ posted: 0, skipped: 1 });
    expect(await ledgerSnapshot(tdb)).toEqual(before);
  });

  it('with another amount is refused, naming the key and both amounts', async () => {
    const a = await makeLeader(tdb);
    const t = accrual(`rp2:${a}`, a, 500);
    await post([t]);
    const fresh = accrual(`rp2:${a}:new`, a, 10);
    const err = await refusedAsReused([fresh, { ...t, amountFen: 501 }], 'transfers.1.key');
    expect(err.detail).toContain(`key rp2:${a} is posted as 500 fen`);
    expect(err.detail).toContain('replayed as 501 fen');
  });

  it('with other accounts or another cause is refused', async () => {
    const a = await makeLeader(tdb);
    const b = await makeLeader(tdb);
    const t = accrual(`rp3:${a}`, a, 700);
    await post([t]);
    await refusedAsReused([{ ...t, credit: pending(b) }], 'transfers.0.key');
    await refusedAsReused([{ ...t, debit: { owner: 'company', kind: 'fees' } }], 'transfers.0.key');
    await refusedAsReused([{ ...t, causeId: 'other' }], 'transfers.0.key');
    await refusedAsReused([{ ...t, causeType: 'withdrawal' }], 'transfers.0.key');
    // The refusals changed nothing: the same content is still a no-op.
    expect(await post([t])).toEqual({ posted: 0, skipped: 1 });
  });

  it('property: a replay is skipped exactly when its content is unchanged', async () => {
    const a = await makeLeader(tdb);
    const b = await makeLeader(tdb);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.record({
          amount: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
          otherLeader: fc.boolean(),
          cause: fc.option(fc.constantFrom('test', 'x', 'test '), { nil: undefined }),
          memo: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        }),
        async (amountFen, change) => {
          n += 1;
          const first = accrual(`rp4:${a}:${n}`, a, amountFen);
          await post([first]);
          const replay: TransferInput = {
            ...first,
            amountFen: change.amount ?? first.amountFen,
            credit: change.otherLeader ? pending(b) : first.credit,
            causeId: change.cause ?? first.causeId,
            memo: change.memo,
          };
          const same =
            replay.amountFen === first.amountFen && !change.otherLeader && replay.causeId === first.causeId;
          if (same) expect(await post([replay])).toEqual({ posted: 0, skipped: 1 });
          else await refusedAsReused([replay], 'transfers.0.key');
        },
      ),
      { numRuns: 40 },
    );
  });
});
