import { eq } from 'drizzle-orm';
import { generateLeaderCode, leaders, regions } from '../../src/modules/leaders/index.js';
import { CAUSE_DEMO_OPENING, postTransfersTx } from '../../src/modules/ledger/index.js';
import { newId } from '../../src/platform/ids.js';
import { loginAs, makeUser, type Session, type TestApp } from '../helpers/test-app.js';
import type { TestDb } from '../helpers/test-db.js';

let n = 0;
/** One region per test database, made on the first leader. */
const regionOf = new WeakMap<TestDb, string>();

/** A leader row (and, once per database, a region), inserted directly for arranging a test. */
export async function makeLeader(tdb: TestDb, name = '团长'): Promise<string> {
  n += 1;
  const { deps } = tdb;
  const now = deps.clock.now();
  let regionId = regionOf.get(tdb);
  if (!regionId) {
    regionId = newId('region');
    regionOf.set(tdb, regionId);
    await deps.db.insert(regions).values({
      id: regionId,
      code: `L${Math.random().toString(36).slice(2, 8)}`,
      name: '西湖区',
      level: 'district',
      createdAt: now,
    });
  }
  const id = newId('leader');
  const phone = `137${String(10_000_000 + n * 7_919 + Math.floor(Math.random() * 1000)).slice(-8)}`;
  await deps.db.insert(leaders).values({
    id,
    code: generateLeaderCode(),
    name: `${name}${n}`,
    phoneEnc: deps.crypto.encrypt(phone),
    phoneHash: deps.crypto.hash(`${phone}-${id}`),
    regionId,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

/** Puts money on a leader's accounts the way the demo does: commission expense → pending / available. */
export async function fund(
  tdb: TestDb,
  leaderId: string,
  amounts: { availableFen?: number; pendingFen?: number },
  tag = Math.random().toString(36).slice(2),
): Promise<void> {
  await tdb.deps.db.transaction(async (tx) => {
    const legs = [];
    for (const [kind, amountFen] of [
      ['available', amounts.availableFen ?? 0],
      ['pending', amounts.pendingFen ?? 0],
    ] as const) {
      if (amountFen > 0) {
        legs.push({
          key: `test:${leaderId}:${kind}:${tag}`,
          debit: { owner: 'company' as const, kind: 'commission_expense' as const },
          credit: { owner: 'leader' as const, leaderId, kind },
          amountFen,
          causeType: CAUSE_DEMO_OPENING,
          causeId: 'test',
        });
      }
    }
    await postTransfersTx(tx, tdb.deps.clock, legs);
  });
}

/** A leader with a login of role leader (linked by leaders.user_id) and that login's session. */
export async function leaderWithLogin(
  t: TestApp,
  name = '团长',
): Promise<{ leaderId: string; session: Session }> {
  const leaderId = await makeLeader(t.tdb, name);
  const user = await makeUser(t.tdb, ['leader']);
  await t.tdb.deps.db.update(leaders).set({ userId: user.id }).where(eq(leaders.id, leaderId));
  return { leaderId, session: await loginAs(t.app, user.username, user.password) };
}

const SNAPSHOT_SQL = `
  SELECT
    (SELECT count(*) FROM ledger_transfers)::int AS transfers,
    (SELECT count(*) FROM ledger_postings)::int AS postings,
    (SELECT count(*) FROM ledger_accounts)::int AS accounts,
    (SELECT coalesce(string_agg(account_id || ':' || balance_fen, ',' ORDER BY account_id), '') FROM ledger_balances) AS balances,
    (SELECT coalesce(string_agg(id || ':' || status, ',' ORDER BY id), '') FROM ledger_withdrawals) AS withdrawals,
    (SELECT count(*) FROM ledger_payout_batches)::int AS batches,
    (SELECT coalesce(string_agg(id || ':' || status, ',' ORDER BY id), '') FROM ledger_payout_lines) AS lines,
    (SELECT coalesce(string_agg(id || ':' || updated_at, ',' ORDER BY id), '') FROM ledger_withdrawal_settings) AS settings,
    (SELECT coalesce(string_agg(leader_id || ':' || updated_at, ',' ORDER BY leader_id), '') FROM ledger_payout_accounts) AS payout_accounts,
    (SELECT count(*) FROM audit_log)::int AS audit,
    (SELECT count(*) FROM outbox_events)::int AS events`;

/** Everything the ledger module writes, summarised so that two snapshots differ if anything changed. */
export async function ledgerSnapshot(tdb: TestDb): Promise<Record<string, unknown>> {
  const r = await tdb.deps.pool.query(SNAPSHOT_SQL);
  return r.rows[0] as Record<string, unknown>;
}
