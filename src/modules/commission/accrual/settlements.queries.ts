import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { leaders } from '../../leaders/index.js';
import { commissionSettlementLeaders, commissionSettlements } from '../entries.tables.js';
import { accrualError } from './accrual.errors.js';
import { settlementSummary } from './settle.js';

/** Reads of the settlement batches (结算批次): newest day first, and one batch with its leaders. */
export async function listSettlements(db: Executor, q: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    db
      .select()
      .from(commissionSettlements)
      .orderBy(desc(commissionSettlements.day))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${commissionSettlements}`),
  ]);
  return { items: rows.map(settlementSummary), total: Number(total.rows[0]?.n ?? 0) };
}

/** One settlement with each leader's part (largest first), paged. */
export async function getSettlement(db: Executor, id: string, q: { page: number; pageSize: number }) {
  const [row] = await db.select().from(commissionSettlements).where(eq(commissionSettlements.id, id));
  if (!row) throw accrualError('commission.settlement_not_found', { field: 'params.id', detail: id });
  const parts = await db.execute<{
    leader_id: string;
    name: string | null;
    code: string | null;
    entry_count: number;
    settled_fen: number;
    netted_fen: number;
  }>(sql`
    SELECT s.leader_id, l.name, l.code, s.entry_count, s.settled_fen, s.netted_fen
    FROM ${commissionSettlementLeaders} s LEFT JOIN ${leaders} l ON l.id = s.leader_id
    WHERE s.settlement_id = ${id}
    ORDER BY s.settled_fen DESC, s.leader_id
    LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  return {
    ...settlementSummary(row),
    leaders: {
      items: parts.rows.map((p) => ({
        leaderId: p.leader_id,
        leaderName: p.name,
        leaderCode: p.code,
        entryCount: Number(p.entry_count),
        settledFen: Number(p.settled_fen),
        nettedFen: Number(p.netted_fen),
        availableFen: Number(p.settled_fen) - Number(p.netted_fen),
      })),
      total: row.leaderCount,
    },
  };
}
