import { eq, sql } from 'drizzle-orm';
import { isMonth, monthBounds } from '../../platform/business-time.js';
import type { Executor } from '../../platform/db/database.js';
import { leaders } from '../leaders/index.js';
import { isLeaderKind, NORMAL_SIDE } from './accounts.js';
import { ledgerError } from './ledger.errors.js';
import { ledgerAccounts, ledgerTransfers } from './ledger.tables.js';
import {
  type Buckets,
  buildStatement,
  STATEMENT_CATEGORY_LABELS,
  type StatementCategory,
  type StatementLeg,
  zeroBuckets,
} from './statement-math.js';

type LegRow = {
  id: number;
  at: Date | string;
  amount_fen: number;
  cause_type: string;
  cause_id: string;
  memo: string | null;
  d_owner: string;
  d_leader: string | null;
  d_kind: string;
  c_owner: string;
  c_leader: string | null;
  c_kind: string;
};

/**
 * The statement (对账单) of one leader for one month (Asia/Shanghai): the opening buckets are the sum
 * of every earlier transfer of the leader's accounts, the movements are the month's transfers in
 * posting order, and the closing follows from them (statement-math.ts).
 */
export async function leaderStatement(db: Executor, leaderId: string, month: string) {
  if (!isMonth(month)) throw ledgerError('ledger.month_invalid', { field: 'query.month' });
  const [leader] = await db
    .select({ id: leaders.id, name: leaders.name, code: leaders.code })
    .from(leaders)
    .where(eq(leaders.id, leaderId));
  if (!leader) throw ledgerError('ledger.leader_not_found', { field: 'query.leaderId' });
  const { from, to } = monthBounds(month);
  const accounts = await db
    .select({ id: ledgerAccounts.id, kind: ledgerAccounts.kind })
    .from(ledgerAccounts)
    .where(eq(ledgerAccounts.leaderId, leaderId));
  const ids = accounts.map((a) => a.id);
  const opening = zeroBuckets();
  let legs: StatementLeg[] = [];
  if (ids.length > 0) {
    const idArr = sql.param(ids);
    const before = await db.execute<{ account_id: number; stored: number }>(sql`
      SELECT account_id, sum(delta)::bigint AS stored FROM (
        SELECT debit_account_id AS account_id, amount_fen AS delta FROM ${ledgerTransfers}
        WHERE debit_account_id = ANY(${idArr}::bigint[]) AND at < ${from.toISOString()}::timestamptz
        UNION ALL
        SELECT credit_account_id, -amount_fen FROM ${ledgerTransfers}
        WHERE credit_account_id = ANY(${idArr}::bigint[]) AND at < ${from.toISOString()}::timestamptz
      ) d GROUP BY account_id`);
    const kindOf = new Map(accounts.map((a) => [a.id, a.kind]));
    for (const r of before.rows) {
      const kind = kindOf.get(Number(r.account_id));
      if (kind && isLeaderKind(kind)) {
        const stored = Number(r.stored);
        opening[kind] += NORMAL_SIDE[kind] === 'debit' ? stored : -stored;
      }
    }
    const rows = await db.execute<LegRow>(sql`
      SELECT t.id, t.at, t.amount_fen, t.cause_type, t.cause_id, t.memo,
             d.owner AS d_owner, d.leader_id AS d_leader, d.kind AS d_kind,
             c.owner AS c_owner, c.leader_id AS c_leader, c.kind AS c_kind
      FROM ${ledgerTransfers} t
      JOIN ${ledgerAccounts} d ON d.id = t.debit_account_id
      JOIN ${ledgerAccounts} c ON c.id = t.credit_account_id
      WHERE (t.debit_account_id = ANY(${idArr}::bigint[]) OR t.credit_account_id = ANY(${idArr}::bigint[]))
        AND t.at >= ${from.toISOString()}::timestamptz AND t.at < ${to.toISOString()}::timestamptz
      ORDER BY t.id`);
    legs = rows.rows.map((r) => ({
      id: Number(r.id),
      at: new Date(r.at),
      amountFen: Number(r.amount_fen),
      causeType: r.cause_type,
      causeId: r.cause_id,
      memo: r.memo,
      debit: { owner: r.d_owner, leaderId: r.d_leader, kind: r.d_kind },
      credit: { owner: r.c_owner, leaderId: r.c_leader, kind: r.c_kind },
    }));
  }
  const figures = buildStatement(leaderId, opening, legs);
  const amountOf = (c: StatementCategory) => figures.rows.find((r) => r.category === c)?.amountFen ?? 0;
  const effectOf = (c: StatementCategory) => figures.rows.find((r) => r.category === c)?.effectFen ?? 0;
  return {
    leader,
    month,
    from: from.toISOString(),
    to: to.toISOString(),
    ...figures,
    rows: figures.rows.map((r) => ({ ...r, label: STATEMENT_CATEGORY_LABELS[r.category] })),
    summary: {
      openingFen: figures.opening.balanceFen,
      accrualsFen: amountOf('accrual'),
      voidsFen: amountOf('void'),
      settlementsFen: amountOf('settlement'),
      clawbacksFen: amountOf('clawback'),
      owedRepaidFen: amountOf('owed_repaid'),
      withdrawalsFen: amountOf('withdrawal'),
      feesFen: amountOf('fee'),
      taxFen: amountOf('tax'),
      returnedFen: amountOf('returned'),
      paidFen: amountOf('paid'),
      adjustmentsFen: effectOf('adjustment'),
      closingFen: figures.closing.balanceFen,
    },
  };
}

export type LeaderStatement = Awaited<ReturnType<typeof leaderStatement>>;
export type { Buckets };
