import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed.js';
import { balancesOf, checkInvariants } from '../../src/modules/ledger/index.js';
import { createTestDb, type TestDb } from '../helpers/test-db.js';

let tdb: TestDb;

beforeAll(async () => {
  tdb = await createTestDb();
});
afterAll(() => tdb.close());

describe('the finance demo seed', () => {
  it('posts real transfers, leaves a withdrawal to review, an open payout batch and a paid one', async () => {
    expect(await seedDemo(tdb.deps)).toBe(true);
    const report = await checkInvariants(tdb.deps.db);
    expect(report.problems).toEqual([]);
    const { rows } = await tdb.deps.pool.query<{ status: string; leader_id: string; user_id: string | null }>(
      `SELECT w.status, w.leader_id, l.user_id FROM ledger_withdrawals w JOIN leaders l ON l.id = w.leader_id
       ORDER BY w.requested_at, w.id`,
    );
    expect(rows.map((r) => r.status)).toEqual(['requested', 'batched', 'paid']);
    // The withdrawal waiting for review is the demo `leader` login's own.
    expect(rows[0]?.user_id).not.toBeNull();
    const first = await balancesOf(tdb.deps.db, rows[0]?.leader_id ?? '');
    expect(first).toMatchObject({ availableFen: 128_640 - 30_000, pendingFen: 35_680 });
    const batches = await tdb.deps.pool.query<{ method: string; status: string }>(
      'SELECT method, status FROM ledger_payout_batches ORDER BY created_at, id',
    );
    expect(batches.rows).toEqual([
      { method: 'wechat', status: 'open' },
      { method: 'bank', status: 'closed' },
    ]);
    const causes = await tdb.deps.pool.query<{ cause_type: string }>(
      "SELECT DISTINCT cause_type FROM ledger_transfers WHERE cause_type IN ('demo_opening', 'withdrawal', 'payout_line') ORDER BY 1",
    );
    expect(causes.rows.map((r) => r.cause_type)).toEqual(['demo_opening', 'payout_line', 'withdrawal']);
  });
});
