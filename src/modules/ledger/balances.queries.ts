import { eq, sql } from 'drizzle-orm';
import { escapeLike } from '../../platform/audit/index.js';
import type { Executor } from '../../platform/db/database.js';
import { leaders } from '../leaders/index.js';
import {
  COMPANY_ACCOUNT_KINDS,
  type CompanyAccountKind,
  displayFen,
  isLeaderKind,
  LEADER_ACCOUNT_KINDS,
  type LeaderAccountKind,
  statementTotal,
} from './accounts.js';
import { ledgerError } from './ledger.errors.js';
import { ledgerAccounts, ledgerBalances } from './ledger.tables.js';

/** A leader's balances as the leader reads them: every amount positive on its natural side. */
export interface LeaderBalances {
  leaderId: string;
  pendingFen: number;
  availableFen: number;
  withdrawingFen: number;
  paidOutFen: number;
  owedFen: number;
  /** pending + available − owed: what the company owes the leader that is not yet in a withdrawal. */
  totalFen: number;
}

const FIELD: Record<LeaderAccountKind, keyof Omit<LeaderBalances, 'leaderId' | 'totalFen'>> = {
  pending: 'pendingFen',
  available: 'availableFen',
  withdrawing: 'withdrawingFen',
  paid_out: 'paidOutFen',
  owed: 'owedFen',
};

function emptyBalances(leaderId: string): LeaderBalances {
  return {
    leaderId,
    pendingFen: 0,
    availableFen: 0,
    withdrawingFen: 0,
    paidOutFen: 0,
    owedFen: 0,
    totalFen: 0,
  };
}

function withTotal(b: LeaderBalances): LeaderBalances {
  b.totalFen = statementTotal({ pending: b.pendingFen, available: b.availableFen, owed: b.owedFen });
  return b;
}

/** The balances of many leaders at once; a leader with no accounts yet has all zeros. */
export async function balancesOfMany(db: Executor, leaderIds: readonly string[]) {
  const out = new Map<string, LeaderBalances>(leaderIds.map((id) => [id, emptyBalances(id)]));
  if (leaderIds.length === 0) return out;
  const rows = await db.execute<{ leader_id: string; kind: string; balance_fen: number }>(sql`
    SELECT a.leader_id, a.kind, b.balance_fen
    FROM ${ledgerAccounts} a JOIN ${ledgerBalances} b ON b.account_id = a.id
    WHERE a.owner = 'leader' AND a.leader_id = ANY(${sql.param([...leaderIds])}::text[])`);
  for (const r of rows.rows) {
    const b = out.get(r.leader_id);
    if (b && isLeaderKind(r.kind)) b[FIELD[r.kind]] = displayFen(r.kind, Number(r.balance_fen));
  }
  for (const b of out.values()) withTotal(b);
  return out;
}

/** One leader's balances (pending 待结算, available 可提现, withdrawing 提现中, paid out 已提现, owed 欠款). */
export async function balancesOf(db: Executor, leaderId: string): Promise<LeaderBalances> {
  return (await balancesOfMany(db, [leaderId])).get(leaderId) ?? emptyBalances(leaderId);
}

export interface CompanyBalance {
  kind: CompanyAccountKind;
  /** As the company reads it: positive on the account's natural side. */
  balanceFen: number;
  /** Debits − credits, the ledger's one stored sign. */
  storedFen: number;
}

/** The company's accounts, and the leaders' accounts summed per kind, for the accounts page. */
export async function ledgerOverview(db: Executor) {
  const rows = await db.execute<{ owner: string; kind: string; stored: number; n: number }>(sql`
    SELECT b.owner, b.kind, coalesce(sum(b.balance_fen), 0)::bigint AS stored, count(*)::int AS n
    FROM ${ledgerBalances} b GROUP BY b.owner, b.kind`);
  const company: CompanyBalance[] = COMPANY_ACCOUNT_KINDS.map((kind) => ({
    kind,
    balanceFen: 0,
    storedFen: 0,
  }));
  const leaderTotals = LEADER_ACCOUNT_KINDS.map((kind) => ({
    kind,
    balanceFen: 0,
    storedFen: 0,
    accounts: 0,
  }));
  let sumStored = 0;
  for (const r of rows.rows) {
    const stored = Number(r.stored);
    sumStored += stored;
    if (r.owner === 'company') {
      const c = company.find((x) => x.kind === r.kind);
      if (c) Object.assign(c, { storedFen: stored, balanceFen: displayFen(c.kind, stored) });
    } else {
      const l = leaderTotals.find((x) => x.kind === r.kind);
      if (l) Object.assign(l, { storedFen: stored, balanceFen: displayFen(l.kind, stored), accounts: r.n });
    }
  }
  return { company, leaders: leaderTotals, sumStoredFen: sumStored };
}

export interface LeaderAccountsQuery {
  q?: string | undefined;
  /** Only leaders with a non-zero balance of some kind. */
  nonZero?: boolean | undefined;
  page: number;
  pageSize: number;
}

/** Leaders with their balances, searched by name or code (账户余额). */
export async function listLeaderBalances(db: Executor, query: LeaderAccountsQuery) {
  const where = [sql`true`];
  if (query.q?.trim()) {
    const like = `%${escapeLike(query.q.trim())}%`;
    where.push(sql`(l.name ILIKE ${like} OR l.code ILIKE ${like} OR l.id = ${query.q.trim()})`);
  }
  if (query.nonZero) {
    where.push(sql`EXISTS (SELECT 1 FROM ${ledgerAccounts} a JOIN ${ledgerBalances} b ON b.account_id = a.id
                           WHERE a.leader_id = l.id AND b.balance_fen <> 0)`);
  }
  const cond = sql.join(where, sql` AND `);
  const [page, total] = await Promise.all([
    db.execute<{ id: string; name: string; code: string; status: string }>(sql`
      SELECT l.id, l.name, l.code, l.status FROM ${leaders} l WHERE ${cond}
      ORDER BY l.name, l.id LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${leaders} l WHERE ${cond}`),
  ]);
  const balances = await balancesOfMany(
    db,
    page.rows.map((r) => r.id),
  );
  return {
    items: page.rows.map((r) => ({
      leaderName: r.name,
      leaderCode: r.code,
      leaderStatus: r.status,
      ...(balances.get(r.id) ?? emptyBalances(r.id)),
    })),
    total: Number(total.rows[0]?.n ?? 0),
  };
}

/** The leader's id, name and code, or a 404 naming `field`. */
export async function assertLeader(db: Executor, leaderId: string, field: string) {
  const [row] = await db
    .select({ id: leaders.id, name: leaders.name, code: leaders.code })
    .from(leaders)
    .where(eq(leaders.id, leaderId));
  if (!row) throw ledgerError('ledger.leader_not_found', { field });
  return row;
}
