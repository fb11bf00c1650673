import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Actor, recordAudit, recordAuditMany } from '../../platform/audit/index.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { leaders } from '../leaders/index.js';
import { CAUSE_PAYOUT_LINE } from './invariants.js';
import { ledgerError } from './ledger.errors.js';
import { type PayoutMethod, payoutBatches, payoutLines, withdrawals } from './ledger.tables.js';
import { maskAccount } from './payout-accounts.service.js';
import { postTransfersTx } from './post-transfers.js';
import { lockLeaderMoney, returnTransfers } from './withdrawals.service.js';

type TxDeps = Pick<Deps, 'clock' | 'bus'>;

export interface CreateBatchInput {
  method: PayoutMethod;
  /** The approved withdrawals to pay; all approved ones of the method when left out. */
  withdrawalIds?: string[] | undefined;
  note?: string | undefined;
}

/**
 * Gathers approved withdrawals of one payout method into a batch (生成打款批次), in the order they
 * were requested. The withdrawal rows are locked, so two people building batches at once cannot put
 * one withdrawal in both: the second finds it already batched.
 */
export async function createPayoutBatchTx(deps: TxDeps, tx: Tx, actor: Actor, input: CreateBatchInput) {
  const now = deps.clock.now();
  const ids = input.withdrawalIds ? [...new Set(input.withdrawalIds)] : null;
  const rows = await tx
    .select()
    .from(withdrawals)
    .where(
      ids
        ? inArray(withdrawals.id, ids)
        : and(eq(withdrawals.status, 'approved'), eq(withdrawals.method, input.method)),
    )
    .orderBy(asc(withdrawals.requestedAt), asc(withdrawals.id))
    .for('update');
  if (ids) {
    for (const [i, id] of (input.withdrawalIds ?? []).entries()) {
      const w = rows.find((r) => r.id === id);
      if (!w) throw ledgerError('ledger.withdrawal_not_found', { field: `body.withdrawalIds.${i}` });
      if (w.status !== 'approved' || w.method !== input.method) {
        throw ledgerError('ledger.withdrawal_not_approved', {
          field: `body.withdrawalIds.${i}`,
          detail: `${id} is ${w.status}, paid by ${w.method}`,
        });
      }
    }
  }
  if (rows.length === 0) throw ledgerError('ledger.nothing_to_batch', { field: 'body.method' });
  const batchId = newId('payoutBatch', now.getTime());
  const totalFen = rows.reduce((a, w) => a + w.netFen, 0);
  await tx.insert(payoutBatches).values({
    id: batchId,
    method: input.method,
    status: 'open',
    lineCount: rows.length,
    totalFen,
    note: input.note?.trim() || null,
    createdAt: now,
    createdBy: actor.actorName,
  });
  await tx.insert(payoutLines).values(
    rows.map((w, i) => ({
      id: newId('payoutLine', now.getTime()),
      batchId,
      withdrawalId: w.id,
      leaderId: w.leaderId,
      seq: i + 1,
      amountFen: w.netFen,
      status: 'pending' as const,
    })),
  );
  await tx
    .update(withdrawals)
    .set({ status: 'batched', batchId, updatedAt: now })
    .where(
      inArray(
        withdrawals.id,
        rows.map((w) => w.id),
      ),
    );
  await recordAuditMany(tx, deps.clock, [
    {
      actor,
      entry: {
        action: 'ledger.payout_batch.create',
        entityType: 'payout_batch',
        entityId: batchId,
        after: {
          method: input.method,
          lineCount: rows.length,
          totalFen,
          withdrawalIds: rows.map((w) => w.id),
        },
      },
    },
    ...rows.map((w) => ({
      actor,
      entry: {
        action: 'ledger.withdrawal.batch',
        entityType: 'withdrawal',
        entityId: w.id,
        before: { status: 'approved' },
        after: { status: 'batched', batchId },
      },
    })),
  ]);
  return getPayoutBatch(tx, batchId);
}

export function createPayoutBatch(deps: Deps, actor: Actor, input: CreateBatchInput) {
  return deps.db.transaction((tx) => createPayoutBatchTx(deps, tx, actor, input));
}

export async function listPayoutBatches(db: Executor, q: { page: number; pageSize: number }) {
  const [items, [total]] = await Promise.all([
    db
      .select({
        b: payoutBatches,
        paid: sql<number>`(SELECT count(*)::int FROM ${payoutLines} l WHERE l.batch_id = ${payoutBatches.id} AND l.status = 'paid')`,
        failed: sql<number>`(SELECT count(*)::int FROM ${payoutLines} l WHERE l.batch_id = ${payoutBatches.id} AND l.status = 'failed')`,
      })
      .from(payoutBatches)
      .orderBy(desc(payoutBatches.createdAt), desc(payoutBatches.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(payoutBatches),
  ]);
  return { items: items.map((r) => batchView(r.b, Number(r.paid), Number(r.failed))), total: total?.n ?? 0 };
}

function batchView(b: typeof payoutBatches.$inferSelect, paidCount: number, failedCount: number) {
  return {
    id: b.id,
    method: b.method,
    status: b.status,
    lineCount: b.lineCount,
    totalFen: b.totalFen,
    paidCount,
    failedCount,
    note: b.note,
    createdAt: b.createdAt.toISOString(),
    createdBy: b.createdBy,
    closedAt: b.closedAt?.toISOString() ?? null,
  };
}

/** The rows of a batch with what the bank file needs; `accountEnc` stays inside the module. */
export async function batchLineRows(db: Executor, batchId: string) {
  return db
    .select({
      line: payoutLines,
      payeeName: withdrawals.payeeName,
      accountEnc: withdrawals.accountEnc,
      accountLast4: withdrawals.accountLast4,
      bankName: withdrawals.bankName,
      method: withdrawals.method,
      leaderName: leaders.name,
      leaderCode: leaders.code,
    })
    .from(payoutLines)
    .innerJoin(withdrawals, eq(withdrawals.id, payoutLines.withdrawalId))
    .leftJoin(leaders, eq(leaders.id, payoutLines.leaderId))
    .where(eq(payoutLines.batchId, batchId))
    .orderBy(asc(payoutLines.seq));
}

export async function getPayoutBatch(db: Executor, id: string) {
  const [b] = await db.select().from(payoutBatches).where(eq(payoutBatches.id, id));
  if (!b) throw ledgerError('ledger.payout_batch_not_found', { field: 'params.id' });
  const rows = await batchLineRows(db, id);
  const lines = rows.map((r) => ({
    id: r.line.id,
    seq: r.line.seq,
    withdrawalId: r.line.withdrawalId,
    leaderId: r.line.leaderId,
    leaderName: r.leaderName ?? '',
    leaderCode: r.leaderCode ?? '',
    payeeName: r.payeeName,
    accountMasked: maskAccount(r.accountLast4),
    bankName: r.bankName,
    amountFen: r.line.amountFen,
    status: r.line.status,
    reference: r.line.reference,
    failReason: r.line.failReason,
    markedAt: r.line.markedAt?.toISOString() ?? null,
    markedBy: r.line.markedBy,
  }));
  const paid = lines.filter((l) => l.status === 'paid').length;
  const failed = lines.filter((l) => l.status === 'failed').length;
  return { ...batchView(b, paid, failed), lines };
}

async function refuseMark(tx: Executor, lineId: string): Promise<never> {
  const [line] = await tx
    .select({ status: payoutLines.status })
    .from(payoutLines)
    .where(eq(payoutLines.id, lineId));
  if (!line) throw ledgerError('ledger.payout_line_not_found', { field: 'params.id' });
  throw ledgerError('ledger.payout_line_already_marked', {
    field: 'params.id',
    detail: `already ${line.status}`,
  });
}

async function closeBatchIfDone(tx: Tx, batchId: string, now: Date) {
  await tx.execute(sql`
    UPDATE ${payoutBatches} SET status = 'closed', closed_at = ${now.toISOString()}::timestamptz
    WHERE id = ${batchId} AND status = 'open'
      AND NOT EXISTS (SELECT 1 FROM ${payoutLines} WHERE batch_id = ${batchId} AND status = 'pending')`);
}

/**
 * Marks a payout line paid (已打款) once: the held money moves withdrawing → paid out. A second mark
 * of the same line, paid or failed, is refused and writes nothing.
 */
export async function markPayoutLinePaidTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  lineId: string,
  input: { reference?: string | undefined },
) {
  const now = deps.clock.now();
  const [line] = await tx
    .update(payoutLines)
    .set({
      status: 'paid',
      reference: input.reference?.trim() || null,
      markedAt: now,
      markedBy: actor.actorName,
    })
    .where(and(eq(payoutLines.id, lineId), eq(payoutLines.status, 'pending')))
    .returning();
  if (!line) return refuseMark(tx, lineId);
  await tx
    .update(withdrawals)
    .set({ status: 'paid', completedAt: now, updatedAt: now })
    .where(eq(withdrawals.id, line.withdrawalId));
  await lockLeaderMoney(tx, now, line.leaderId);
  await postTransfersTx(tx, deps.clock, [
    {
      key: `pol:${line.id}:paid`,
      debit: { owner: 'leader', leaderId: line.leaderId, kind: 'withdrawing' },
      credit: { owner: 'leader', leaderId: line.leaderId, kind: 'paid_out' },
      amountFen: line.amountFen,
      causeType: CAUSE_PAYOUT_LINE,
      causeId: line.id,
      memo: `已打款 paid${line.reference ? ` ${line.reference}` : ''}`,
    },
  ]);
  await closeBatchIfDone(tx, line.batchId, now);
  await recordAudit(tx, deps.clock, actor, {
    action: 'ledger.payout_line.paid',
    entityType: 'payout_line',
    entityId: line.id,
    before: { status: 'pending' },
    after: {
      status: 'paid',
      reference: line.reference,
      withdrawalId: line.withdrawalId,
      amountFen: line.amountFen,
    },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'withdrawal.paid',
      aggregateType: 'withdrawal',
      aggregateId: line.withdrawalId,
      payload: { leaderId: line.leaderId, netFen: line.amountFen, payoutLineId: line.id },
    },
    actor.requestId,
  );
  return line;
}

/**
 * Marks a payout line failed (打款失败) once, with the bank's reason: the withdrawal fails and all it
 * took, the hold, the fee and the tax, goes back to the leader's available balance.
 */
export async function markPayoutLineFailedTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  lineId: string,
  input: { reason: string },
) {
  const now = deps.clock.now();
  const reason = input.reason.trim();
  const [line] = await tx
    .update(payoutLines)
    .set({ status: 'failed', failReason: reason, markedAt: now, markedBy: actor.actorName })
    .where(and(eq(payoutLines.id, lineId), eq(payoutLines.status, 'pending')))
    .returning();
  if (!line) return refuseMark(tx, lineId);
  const [w] = await tx
    .update(withdrawals)
    .set({ status: 'failed', completedAt: now, failReason: reason, updatedAt: now })
    .where(eq(withdrawals.id, line.withdrawalId))
    .returning();
  if (!w) throw new Error(`payout line ${line.id} has no withdrawal`);
  await lockLeaderMoney(tx, now, line.leaderId);
  await postTransfersTx(
    tx,
    deps.clock,
    returnTransfers(
      `pol:${line.id}:failed`,
      CAUSE_PAYOUT_LINE,
      line.id,
      w,
      `打款失败退回 payout failed: ${reason}`,
    ),
  );
  await closeBatchIfDone(tx, line.batchId, now);
  await recordAudit(tx, deps.clock, actor, {
    action: 'ledger.payout_line.failed',
    entityType: 'payout_line',
    entityId: line.id,
    before: { status: 'pending' },
    after: { status: 'failed', reason, withdrawalId: w.id, returnedFen: w.amountFen },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'withdrawal.failed',
      aggregateType: 'withdrawal',
      aggregateId: w.id,
      payload: { leaderId: w.leaderId, amountFen: w.amountFen, reason, payoutLineId: line.id },
    },
    actor.requestId,
  );
  return line;
}

export function markPayoutLinePaid(
  deps: Deps,
  actor: Actor,
  lineId: string,
  input: { reference?: string | undefined },
) {
  return deps.db.transaction((tx) => markPayoutLinePaidTx(deps, tx, actor, lineId, input));
}

export function markPayoutLineFailed(deps: Deps, actor: Actor, lineId: string, input: { reason: string }) {
  return deps.db.transaction((tx) => markPayoutLineFailedTx(deps, tx, actor, lineId, input));
}
