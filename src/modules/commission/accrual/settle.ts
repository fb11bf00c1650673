import { eq, max, sql } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../../platform/audit/index.js';
import { dayBounds, isCalendarDate, localDate } from '../../../platform/business-time.js';
import type { Tx } from '../../../platform/db/database.js';
import type { Deps } from '../../../platform/deps.js';
import { newId } from '../../../platform/ids.js';
import { postTransfersTx, storedBalances } from '../../ledger/index.js';
import {
  commissionEntries,
  commissionSettlementLeaders,
  commissionSettlements,
  type SettlementTrigger,
} from '../entries.tables.js';
import { accrualError } from './accrual.errors.js';
import { lockMoneyExclusive } from './accrual.queries.js';
import { daysToSettle, previousBusinessDay } from './business-day.js';
import { type FreezeResult, freezeDueTx } from './freeze.js';
import { type LeaderTotal, settlementTransfers } from './settle-math.js';

/**
 * The T+1 settlement (T+1 结算): once a business day (Asia/Shanghai) has ended, every entry that
 * became final before its end and is not settled yet moves from the leader's pending balance to
 * available, one transfer per leader (`settle:<day>:<leaderId>`), what the leader owes repaid first
 * (`net:<day>:<leaderId>`). The entries are marked settled with the settlement's id, and one
 * `commission_settlements` row (unique per day) records the batch: running a day twice finds it and
 * posts nothing. Entries that became final on an earlier day but missed its settlement (the freeze
 * ran late) are taken by the next one, so nothing final is ever left behind.
 */

type SettlementRow = typeof commissionSettlements.$inferSelect;

export interface SettlementSummary {
  id: string;
  day: string;
  entryCount: number;
  leaderCount: number;
  settledFen: number;
  nettedFen: number;
  transferCount: number;
  trigger: SettlementTrigger;
  actorName: string | null;
  at: string;
  durationMs: number;
}

export function settlementSummary(r: SettlementRow): SettlementSummary {
  return {
    id: r.id,
    day: r.day,
    entryCount: r.entryCount,
    leaderCount: r.leaderCount,
    settledFen: r.settledFen,
    nettedFen: r.nettedFen,
    transferCount: r.transferCount,
    trigger: r.trigger,
    actorName: r.actorName,
    at: r.at.toISOString(),
    durationMs: r.durationMs,
  };
}

export interface SettleResult {
  /** False when the day had been settled already: the existing record, nothing posted. */
  created: boolean;
  settlement: SettlementSummary;
}

type SettleDeps = Pick<Deps, 'clock' | 'bus'>;

const arr = (values: readonly unknown[]) => sql.param(values);

/** Settles `day` in the caller's transaction (see the module comment). */
export async function settleDayTx(
  deps: SettleDeps,
  tx: Tx,
  actor: Actor,
  day: string,
  trigger: SettlementTrigger,
): Promise<SettleResult> {
  if (!isCalendarDate(day)) throw accrualError('commission.invalid_day', { field: 'body.day', detail: day });
  const started = performance.now();
  const now = deps.clock.now();
  if (day >= localDate(now))
    throw accrualError('commission.settlement_day_open', { field: 'body.day', detail: day });
  await lockMoneyExclusive(tx);
  await tx.execute(sql`SET LOCAL statement_timeout = '15min'`);
  const [existing] = await tx.select().from(commissionSettlements).where(eq(commissionSettlements.day, day));
  if (existing) return { created: false, settlement: settlementSummary(existing) };

  const id = newId('commissionSettlement');
  const cutoff = dayBounds(day).to;
  const r = await tx.execute<{ leader_id: string; n: number; fen: number }>(sql`
    WITH settled AS (
      UPDATE ${commissionEntries} SET status = 'settled', settled_at = ${now.toISOString()}::timestamptz, settlement_id = ${id}
      WHERE status = 'final' AND final_at < ${cutoff.toISOString()}::timestamptz
      RETURNING beneficiary_id, amount_fen - voided_fen - clawed_back_fen AS fen
    )
    SELECT beneficiary_id AS leader_id, count(*)::int AS n, sum(fen)::bigint AS fen
    FROM settled GROUP BY beneficiary_id ORDER BY beneficiary_id`);
  const totals: LeaderTotal[] = r.rows.map((x) => ({
    leaderId: x.leader_id,
    entryCount: Number(x.n),
    settledFen: Number(x.fen),
  }));
  const owed = await storedBalances(
    tx,
    totals.map((t) => ({ owner: 'leader', leaderId: t.leaderId, kind: 'owed' })),
  );
  const owedFen = new Map(totals.map((t) => [t.leaderId, owed.get(`leader:${t.leaderId}:owed`) ?? 0]));
  const { leaders, transfers } = settlementTransfers(day, id, totals, owedFen);
  const { posted } = await postTransfersTx(tx, deps.clock, transfers);

  const sum = (f: (x: (typeof leaders)[number]) => number) => leaders.reduce((s, x) => s + f(x), 0);
  const [row] = await tx
    .insert(commissionSettlements)
    .values({
      id,
      day,
      entryCount: sum((x) => x.entryCount),
      leaderCount: leaders.length,
      settledFen: sum((x) => x.settledFen),
      nettedFen: sum((x) => x.nettedFen),
      transferCount: posted,
      trigger,
      actorId: actor.actorId,
      actorName: actor.actorName,
      at: now,
      durationMs: Math.round(performance.now() - started),
    })
    .returning();
  if (!row) throw new Error('settlement insert returned no row');
  for (let from = 0; from < leaders.length; from += 20_000) {
    const chunk = leaders.slice(from, from + 20_000);
    await tx.execute(sql`
      INSERT INTO ${commissionSettlementLeaders} (settlement_id, leader_id, entry_count, settled_fen, netted_fen)
      SELECT ${id}, * FROM unnest(${arr(chunk.map((x) => x.leaderId))}::text[], ${arr(chunk.map((x) => x.entryCount))}::int[],
        ${arr(chunk.map((x) => x.settledFen))}::bigint[], ${arr(chunk.map((x) => x.nettedFen))}::bigint[])`);
  }
  const summary = settlementSummary(row);
  await recordAudit(tx, deps.clock, actor, {
    action: 'commission.settle',
    entityType: 'commission_settlement',
    entityId: id,
    after: summary,
  });
  await deps.bus.publish(
    tx,
    {
      type: 'commission.settled',
      aggregateType: 'commission_settlement',
      aggregateId: id,
      payload: {
        settlementId: id,
        day,
        entryCount: summary.entryCount,
        leaderCount: summary.leaderCount,
        settledFen: summary.settledFen,
        nettedFen: summary.nettedFen,
      },
    },
    actor.requestId,
  );
  return { created: true, settlement: summary };
}

export interface RunResult extends SettleResult {
  freeze: FreezeResult | null;
}

/**
 * Freeze what is due now, then settle `day`, in one transaction: what the 02:00 job does for the
 * previous business day, and what finance runs by hand for a day (audited as theirs).
 */
export async function freezeAndSettle(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'>,
  actor: Actor,
  day: string,
  trigger: SettlementTrigger,
): Promise<RunResult> {
  return deps.db.transaction(async (tx) => {
    if (!isCalendarDate(day))
      throw accrualError('commission.invalid_day', { field: 'body.day', detail: day });
    if (day >= localDate(deps.clock.now()))
      throw accrualError('commission.settlement_day_open', { field: 'body.day', detail: day });
    const [existing] = await tx
      .select()
      .from(commissionSettlements)
      .where(eq(commissionSettlements.day, day));
    if (existing) return { created: false, settlement: settlementSummary(existing), freeze: null };
    const freeze = await freezeDueTx(deps, tx);
    if (freeze.orders > 0) {
      await recordAudit(tx, deps.clock, actor, {
        action: 'commission.freeze',
        entityType: 'commission_entries',
        after: freeze,
      });
    }
    return { ...(await settleDayTx(deps, tx, actor, day, trigger)), freeze };
  });
}

/**
 * The `commission-settle` job: at 02:00 (and each hour after, and once at every start) every business
 * day missed since the last settlement up to the previous one is frozen and settled, oldest first,
 * each in its own transaction; a day already settled is not settled again (`created: false`).
 */
export async function runDueSettlement(
  deps: Pick<Deps, 'db' | 'clock' | 'bus'>,
  actor: Actor,
): Promise<{ days: Array<{ day: string; created: boolean }> }> {
  const [last] = await deps.db.select({ day: max(commissionSettlements.day) }).from(commissionSettlements);
  const days = daysToSettle(last?.day ?? null, previousBusinessDay(deps.clock.now()));
  const out: Array<{ day: string; created: boolean }> = [];
  for (const day of days) {
    const result = await freezeAndSettle(deps, actor, day, 'schedule');
    out.push({ day, created: result.created });
  }
  return { days: out };
}
