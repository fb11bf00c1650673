import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { leaders } from '../leaders/index.js';
import { ledgerAccounts, ledgerTransfers } from './ledger.tables.js';

export interface TransfersQuery {
  leaderId?: string | undefined;
  /** An account kind: transfers debiting or crediting an account of this kind. */
  kind?: string | undefined;
  causeType?: string | undefined;
  causeId?: string | undefined;
  key?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  page: number;
  pageSize: number;
}

type Row = {
  id: number;
  key: string;
  posting_id: number;
  amount_fen: number;
  cause_type: string;
  cause_id: string;
  memo: string | null;
  at: Date | string;
  d_owner: string;
  d_leader: string | null;
  d_kind: string;
  d_name: string | null;
  c_owner: string;
  c_leader: string | null;
  c_kind: string;
  c_name: string | null;
};

const side = (owner: string, leaderId: string | null, kind: string, leaderName: string | null) => ({
  owner,
  leaderId,
  leaderName,
  kind,
});

/**
 * Transfers, newest first (转账流水), filtered by leader (either side), account kind, cause or time.
 * The filters on accounts become sets of account ids first, so the two account indexes do the work.
 */
export async function listTransfers(db: Executor, q: TransfersQuery) {
  const where: SQL[] = [sql`true`];
  if (q.leaderId || q.kind) {
    const acc: SQL[] = [sql`true`];
    if (q.leaderId) acc.push(sql`a.leader_id = ${q.leaderId}`);
    if (q.kind) acc.push(sql`a.kind = ${q.kind}`);
    const ids = sql`(SELECT a.id FROM ${ledgerAccounts} a WHERE ${sql.join(acc, sql` AND `)})`;
    where.push(sql`(t.debit_account_id IN ${ids} OR t.credit_account_id IN ${ids})`);
  }
  if (q.causeType) where.push(sql`t.cause_type = ${q.causeType}`);
  if (q.causeId) where.push(sql`t.cause_id = ${q.causeId}`);
  if (q.key) where.push(sql`t.key = ${q.key}`);
  if (q.from) where.push(sql`t.at >= ${q.from.toISOString()}::timestamptz`);
  if (q.to) where.push(sql`t.at < ${q.to.toISOString()}::timestamptz`);
  const cond = sql.join(where, sql` AND `);
  const [page, total] = await Promise.all([
    db.execute<Row>(sql`
      SELECT t.id, t.key, t.posting_id, t.amount_fen, t.cause_type, t.cause_id, t.memo, t.at,
             d.owner AS d_owner, d.leader_id AS d_leader, d.kind AS d_kind, dl.name AS d_name,
             c.owner AS c_owner, c.leader_id AS c_leader, c.kind AS c_kind, cl.name AS c_name
      FROM ${ledgerTransfers} t
      JOIN ${ledgerAccounts} d ON d.id = t.debit_account_id
      JOIN ${ledgerAccounts} c ON c.id = t.credit_account_id
      LEFT JOIN ${leaders} dl ON dl.id = d.leader_id
      LEFT JOIN ${leaders} cl ON cl.id = c.leader_id
      WHERE ${cond}
      ORDER BY t.id DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${ledgerTransfers} t WHERE ${cond}`),
  ]);
  return {
    items: page.rows.map((r) => ({
      id: Number(r.id),
      key: r.key,
      postingId: Number(r.posting_id),
      amountFen: Number(r.amount_fen),
      causeType: r.cause_type,
      causeId: r.cause_id,
      memo: r.memo,
      at: new Date(r.at).toISOString(),
      debit: side(r.d_owner, r.d_leader, r.d_kind, r.d_name),
      credit: side(r.c_owner, r.c_leader, r.c_kind, r.c_name),
    })),
    total: Number(total.rows[0]?.n ?? 0),
  };
}
