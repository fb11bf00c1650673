import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../platform/db/database.js';
import type { CauseCheck } from '../../platform/module-manifest.js';
import { displayFen, isLeaderKind } from './accounts.js';
import {
  ledgerAccounts,
  ledgerBalances,
  ledgerPostings,
  ledgerTransfers,
  withdrawals,
} from './ledger.tables.js';

/**
 * How the invariant check proves that a transfer's cause exists: declared as data by the module that
 * owns the cause's table (its manifest's `causeTypes`), gathered by `src/modules.ts` (CAUSE_TYPES)
 * and handed to `checkInvariants`. A transfer whose cause type nobody declared is itself reported.
 */
export type { CauseCheck };
export type CauseTypes = Readonly<Record<string, CauseCheck>>;

// The ledger's own causes.
export const CAUSE_WITHDRAWAL = 'withdrawal';
export const CAUSE_PAYOUT_LINE = 'payout_line';
export const CAUSE_DEMO_OPENING = 'demo_opening';
export const LEDGER_CAUSE_TYPES: CauseTypes = {
  [CAUSE_WITHDRAWAL]: { label: 'withdrawal 提现', table: 'ledger_withdrawals', column: 'id' },
  [CAUSE_PAYOUT_LINE]: { label: 'payout line 打款明细', table: 'ledger_payout_lines', column: 'id' },
  [CAUSE_DEMO_OPENING]: { label: 'demo opening balance 演示期初余额', freeForm: true },
};

export type InvariantCheckName =
  | 'sum_zero'
  | 'balance_matches_transfers'
  | 'leader_balance_side'
  | 'cause_exists'
  | 'cause_type_unknown'
  | 'posting_count'
  | 'withdrawals_match';

export interface InvariantProblem {
  check: InvariantCheckName;
  message: string;
  messageZh: string;
  accountCode?: string;
  causeType?: string;
  causeIds?: string[];
  expectedFen?: number;
  actualFen?: number;
}

export interface InvariantReport {
  ok: boolean;
  checkedAt: string;
  accounts: number;
  transfers: number;
  sumFen: number;
  /** Each check that ran, in order, with how many problems it found. */
  checks: { name: InvariantCheckName; problems: number }[];
  problems: InvariantProblem[];
}

/** Problems listed per check: enough to act on, without a huge answer when something is badly wrong. */
const LIMIT = 50;

async function sumZero(db: Executor, out: InvariantProblem[]) {
  const r = await db.execute<{ sum: number; n: number }>(
    sql`SELECT coalesce(sum(balance_fen), 0)::bigint AS sum, count(*)::int AS n FROM ${ledgerBalances}`,
  );
  const sum = Number(r.rows[0]?.sum ?? 0);
  if (sum !== 0) {
    out.push({
      check: 'sum_zero',
      message: `The balances of all accounts sum to ${sum} fen, not 0`,
      messageZh: `所有账户余额之和为 ${sum} 分，不为 0`,
      expectedFen: 0,
      actualFen: sum,
    });
  }
  return { sum, accounts: Number(r.rows[0]?.n ?? 0) };
}

async function balancesMatchTransfers(db: Executor, out: InvariantProblem[]) {
  const r = await db.execute<{
    code: string | null;
    account_id: number;
    stored: number | null;
    summed: number;
  }>(sql`
    WITH sums AS (
      SELECT account_id, sum(delta)::bigint AS summed FROM (
        SELECT debit_account_id AS account_id, amount_fen AS delta FROM ${ledgerTransfers}
        UNION ALL
        SELECT credit_account_id, -amount_fen FROM ${ledgerTransfers}
      ) d GROUP BY account_id
    )
    SELECT a.code, coalesce(b.account_id, s.account_id) AS account_id, b.balance_fen AS stored,
           coalesce(s.summed, 0)::bigint AS summed
    FROM ${ledgerBalances} b
    FULL JOIN sums s ON s.account_id = b.account_id
    LEFT JOIN ${ledgerAccounts} a ON a.id = coalesce(b.account_id, s.account_id)
    WHERE b.account_id IS NULL OR b.balance_fen <> coalesce(s.summed, 0)
    ORDER BY 2 LIMIT ${LIMIT}`);
  for (const row of r.rows) {
    const code = row.code ?? `#${row.account_id}`;
    const stored = row.stored === null ? null : Number(row.stored);
    out.push({
      check: 'balance_matches_transfers',
      message:
        stored === null
          ? `Account ${code} has transfers but no balance row (transfers sum to ${row.summed} fen)`
          : `The balance of ${code} is ${stored} fen but its transfers sum to ${row.summed} fen`,
      messageZh:
        stored === null
          ? `账户 ${code} 有分录但没有余额记录（分录合计 ${row.summed} 分）`
          : `账户 ${code} 余额为 ${stored} 分，但分录合计为 ${row.summed} 分`,
      accountCode: code,
      expectedFen: Number(row.summed),
      ...(stored === null ? {} : { actualFen: stored }),
    });
  }
}

async function leaderSides(db: Executor, out: InvariantProblem[]) {
  // The table's CHECK already refuses these; the check still looks, in case it was ever disabled.
  const r = await db.execute<{ code: string; kind: string; balance_fen: number }>(sql`
    SELECT a.code, a.kind, b.balance_fen FROM ${ledgerBalances} b JOIN ${ledgerAccounts} a ON a.id = b.account_id
    WHERE b.owner = 'leader' AND ((b.kind = 'owed' AND b.balance_fen < 0) OR (b.kind <> 'owed' AND b.balance_fen > 0))
    ORDER BY a.id LIMIT ${LIMIT}`);
  for (const row of r.rows) {
    const shown = isLeaderKind(row.kind)
      ? displayFen(row.kind, Number(row.balance_fen))
      : Number(row.balance_fen);
    out.push({
      check: 'leader_balance_side',
      message: `Leader account ${row.code} shows ${shown} fen, below zero`,
      messageZh: `团长账户 ${row.code} 余额为 ${shown} 分，低于 0`,
      accountCode: row.code,
      actualFen: shown,
    });
  }
}

async function causesExist(db: Executor, causeTypes: CauseTypes, out: InvariantProblem[]) {
  const types = await db.execute<{ cause_type: string; n: number }>(
    sql`SELECT cause_type, count(*)::int AS n FROM ${ledgerTransfers} GROUP BY cause_type ORDER BY cause_type`,
  );
  for (const { cause_type: causeType, n } of types.rows) {
    const check = Object.hasOwn(causeTypes, causeType) ? causeTypes[causeType] : undefined;
    if (!check) {
      out.push({
        check: 'cause_type_unknown',
        message: `${n} transfers have the cause type "${causeType}", which no module declared`,
        messageZh: `${n} 笔分录的业务来源类型“${causeType}”未登记`,
        causeType,
      });
      continue;
    }
    let missing: string[] = [];
    if ('freeForm' in check) continue;
    if ('findMissing' in check) missing = (await check.findMissing(db, causeType)).slice(0, LIMIT);
    else {
      const r = await db.execute<{ cause_id: string }>(sql`
        SELECT DISTINCT t.cause_id FROM ${ledgerTransfers} t
        WHERE t.cause_type = ${causeType}
          AND NOT EXISTS (SELECT 1 FROM ${sql.identifier(check.table)} x WHERE x.${sql.identifier(check.column)}::text = t.cause_id)
        ORDER BY t.cause_id LIMIT ${LIMIT}`);
      missing = r.rows.map((x) => x.cause_id);
    }
    if (missing.length > 0) {
      out.push({
        check: 'cause_exists',
        message: `Transfers of cause type "${causeType}" (${check.label}) name causes that do not exist: ${missing.join(', ')}`,
        messageZh: `业务来源类型“${causeType}”的分录指向不存在的记录：${missing.join('、')}`,
        causeType,
        causeIds: missing,
      });
    }
  }
}

async function postingCounts(db: Executor, out: InvariantProblem[]) {
  const r = await db.execute<{ posting_id: number; expected: number | null; actual: number }>(sql`
    WITH counts AS (SELECT posting_id, count(*)::int AS actual FROM ${ledgerTransfers} GROUP BY posting_id)
    SELECT coalesce(p.id, c.posting_id) AS posting_id, p.transfer_count AS expected, coalesce(c.actual, 0) AS actual
    FROM ${ledgerPostings} p FULL JOIN counts c ON c.posting_id = p.id
    WHERE p.id IS NULL OR p.transfer_count <> coalesce(c.actual, 0)
    ORDER BY 1 LIMIT ${LIMIT}`);
  for (const row of r.rows) {
    out.push({
      check: 'posting_count',
      message:
        row.expected === null
          ? `Posting #${row.posting_id} has ${row.actual} transfers but no posting record`
          : `Posting #${row.posting_id} records ${row.expected} transfers but has ${row.actual}`,
      messageZh:
        row.expected === null
          ? `记账批次 #${row.posting_id} 有 ${row.actual} 笔分录但没有批次记录`
          : `记账批次 #${row.posting_id} 记录 ${row.expected} 笔分录，实际 ${row.actual} 笔`,
    });
  }
}

/**
 * The withdrawal records agree with the ledger: each leader's withdrawing balance is the net of their
 * open withdrawals, their paid-out balance is the net of their paid ones, and the company's fees and
 * withheld tax are those of the withdrawals not given back (rejected or failed).
 */
async function withdrawalsMatch(db: Executor, out: InvariantProblem[]) {
  const r = await db.execute<{ code: string; expected: number; actual: number }>(sql`
    WITH expected AS (
      SELECT 'leader:' || leader_id || ':withdrawing' AS code,
             sum(net_fen) FILTER (WHERE status IN ('requested', 'approved', 'batched')) AS fen
      FROM ${withdrawals} GROUP BY leader_id
      UNION ALL
      SELECT 'leader:' || leader_id || ':paid_out', sum(net_fen) FILTER (WHERE status = 'paid')
      FROM ${withdrawals} GROUP BY leader_id
      UNION ALL
      SELECT 'company:fees', sum(fee_fen) FILTER (WHERE status NOT IN ('rejected', 'failed')) FROM ${withdrawals}
      UNION ALL
      SELECT 'company:tax_withheld', sum(tax_fen) FILTER (WHERE status NOT IN ('rejected', 'failed')) FROM ${withdrawals}
    ), actual AS (
      SELECT a.code, -b.balance_fen AS fen FROM ${ledgerAccounts} a JOIN ${ledgerBalances} b ON b.account_id = a.id
      WHERE a.kind IN ('withdrawing', 'paid_out', 'fees', 'tax_withheld')
    )
    SELECT coalesce(e.code, a.code) AS code, coalesce(e.fen, 0)::bigint AS expected, coalesce(a.fen, 0)::bigint AS actual
    FROM expected e FULL JOIN actual a ON a.code = e.code
    WHERE coalesce(e.fen, 0) <> coalesce(a.fen, 0)
    ORDER BY 1 LIMIT ${LIMIT}`);
  for (const row of r.rows) {
    out.push({
      check: 'withdrawals_match',
      message: `${row.code} holds ${row.actual} fen but the withdrawal records say ${row.expected} fen`,
      messageZh: `${row.code} 余额 ${row.actual} 分，与提现记录应有的 ${row.expected} 分不符`,
      accountCode: row.code,
      expectedFen: Number(row.expected),
      actualFen: Number(row.actual),
    });
  }
}

/**
 * Runs every check on one consistent snapshot (a read-only repeatable-read transaction), so postings
 * committed while it runs cannot make the sums disagree. Safe to run at any time; it writes nothing.
 */
export async function checkInvariants(
  db: Db,
  causeTypes: CauseTypes,
  now: Date = new Date(),
): Promise<InvariantReport> {
  return db.transaction(
    async (tx) => {
      const problems: InvariantProblem[] = [];
      const checks: InvariantReport['checks'] = [];
      const run = async (name: InvariantCheckName, fn: (p: InvariantProblem[]) => Promise<unknown>) => {
        const before = problems.length;
        const result = await fn(problems);
        checks.push({ name, problems: problems.length - before });
        return result;
      };
      const totals = (await run('sum_zero', (p) => sumZero(tx, p))) as { sum: number; accounts: number };
      await run('balance_matches_transfers', (p) => balancesMatchTransfers(tx, p));
      await run('leader_balance_side', (p) => leaderSides(tx, p));
      await run('cause_exists', (p) => causesExist(tx, causeTypes, p));
      await run('posting_count', (p) => postingCounts(tx, p));
      await run('withdrawals_match', (p) => withdrawalsMatch(tx, p));
      const count = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${ledgerTransfers}`);
      return {
        ok: problems.length === 0,
        checkedAt: now.toISOString(),
        accounts: totals.accounts,
        transfers: Number(count.rows[0]?.n ?? 0),
        sumFen: totals.sum,
        checks,
        problems,
      };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
