import { createHash } from 'node:crypto';
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import { localDate } from '../../platform/business-time.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { newId } from '../../platform/ids.js';
import { leaders } from '../leaders/index.js';
import { type AccountRef, accountCode, displayFen } from './accounts.js';
import { CAUSE_WITHDRAWAL } from './invariants.js';
import { ledgerError } from './ledger.errors.js';
import { type WithdrawalStatus, withdrawals } from './ledger.tables.js';
import { payoutAccountRow } from './payout-accounts.service.js';
import {
  ensureAccounts,
  lockBalances,
  postTransfersTx,
  storedBalances,
  type TransferInput,
} from './post-transfers.js';
import { approvalRefusal, decideWithdrawal, type WithdrawalSplit } from './withdrawal-math.js';
import { getWithdrawalSettings } from './withdrawal-settings.service.js';
import { type WithdrawalRow, withdrawalView } from './withdrawals.view.js';

type TxDeps = Pick<Deps, 'clock' | 'bus'>;

const leaderAccount = (leaderId: string, kind: 'available' | 'withdrawing' | 'owed'): AccountRef => ({
  owner: 'leader',
  leaderId,
  kind,
});

/**
 * Takes the leader's money lock: the row lock on their available balance, created if need be. Every
 * withdrawal and payout action takes it before it posts, so a request, a rejection and a failed
 * payout of one leader queue up behind each other, and a commission posting that touches the
 * available balance (a clawback) waits too: the balance a request was checked against cannot change
 * before the request is posted.
 */
export async function lockLeaderMoney(tx: Tx, now: Date, leaderId: string): Promise<void> {
  const ref = leaderAccount(leaderId, 'available');
  const ids = await ensureAccounts(tx, now, new Map([[accountCode(ref), ref]]));
  await lockBalances(tx, [ids.get(accountCode(ref)) as number]);
}

/** The three legs of a request: the net to the hold, the fee and the tax each on its own. */
export function requestTransfers(id: string, leaderId: string, split: WithdrawalSplit): TransferInput[] {
  const available = leaderAccount(leaderId, 'available');
  const legs: TransferInput[] = [
    {
      key: `wdr:${id}:hold`,
      debit: available,
      credit: leaderAccount(leaderId, 'withdrawing'),
      amountFen: split.netFen,
      causeType: CAUSE_WITHDRAWAL,
      causeId: id,
      memo: '提现申请 withdrawal requested',
    },
  ];
  if (split.feeFen > 0) {
    legs.push({
      key: `wdr:${id}:fee`,
      debit: available,
      credit: { owner: 'company', kind: 'fees' },
      amountFen: split.feeFen,
      causeType: CAUSE_WITHDRAWAL,
      causeId: id,
      memo: '提现手续费 withdrawal fee',
    });
  }
  if (split.taxFen > 0) {
    legs.push({
      key: `wdr:${id}:tax`,
      debit: available,
      credit: { owner: 'company', kind: 'tax_withheld' },
      amountFen: split.taxFen,
      causeType: CAUSE_WITHDRAWAL,
      causeId: id,
      memo: '代扣个税 tax withheld',
    });
  }
  return legs;
}

/**
 * Everything a request took, given back to available: the hold, the fee and the tax. Used when
 * finance rejects a request and when its payout fails; `keyPrefix` tells the two apart.
 */
export function returnTransfers(
  keyPrefix: string,
  causeType: string,
  causeId: string,
  w: Pick<WithdrawalRow, 'leaderId' | 'netFen' | 'feeFen' | 'taxFen'>,
  memo: string,
): TransferInput[] {
  const available = leaderAccount(w.leaderId, 'available');
  const legs: TransferInput[] = [
    {
      key: `${keyPrefix}:hold`,
      debit: leaderAccount(w.leaderId, 'withdrawing'),
      credit: available,
      amountFen: w.netFen,
      causeType,
      causeId,
      memo,
    },
  ];
  if (w.feeFen > 0) {
    legs.push({
      key: `${keyPrefix}:fee`,
      debit: { owner: 'company', kind: 'fees' },
      credit: available,
      amountFen: w.feeFen,
      causeType,
      causeId,
      memo,
    });
  }
  if (w.taxFen > 0) {
    legs.push({
      key: `${keyPrefix}:tax`,
      debit: { owner: 'company', kind: 'tax_withheld' },
      credit: available,
      amountFen: w.taxFen,
      causeType,
      causeId,
      memo,
    });
  }
  return legs;
}

export interface WithdrawalRequest {
  amountFen: number;
  idempotencyKey: string;
}

export function requestHashOf(leaderId: string, amountFen: number): string {
  return createHash('sha256').update(JSON.stringify({ leaderId, amountFen })).digest('hex');
}

/**
 * A leader asks to withdraw `amountFen` (提现申请). In one transaction, under the leader's money lock:
 * a replay of the same Idempotency-Key answers the first request; otherwise the amount is checked
 * against the rules, the withdrawable balance (available − owed) and today's count, then the
 * request is written and its legs posted (available → withdrawing, fee, tax). A refusal writes nothing.
 */
export async function requestWithdrawalTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  leaderId: string,
  input: WithdrawalRequest,
): Promise<{ withdrawal: WithdrawalRow; replayed: boolean }> {
  const now = deps.clock.now();
  await lockLeaderMoney(tx, now, leaderId);
  const requestHash = requestHashOf(leaderId, input.amountFen);
  const [prior] = await tx
    .select()
    .from(withdrawals)
    .where(and(eq(withdrawals.leaderId, leaderId), eq(withdrawals.idempotencyKey, input.idempotencyKey)));
  if (prior) {
    if (prior.requestHash !== requestHash)
      throw ledgerError('ledger.idempotency_key_reused', { field: 'headers.idempotency-key' });
    return { withdrawal: prior, replayed: true };
  }
  const payout = await payoutAccountRow(tx, leaderId);
  if (!payout) throw ledgerError('ledger.payout_account_missing', { field: 'payoutAccount' });
  const rules = await getWithdrawalSettings(tx);
  const day = localDate(now);
  const [today] = await tx
    .select({ n: count() })
    .from(withdrawals)
    .where(
      and(
        eq(withdrawals.leaderId, leaderId),
        eq(withdrawals.localDay, day),
        ne(withdrawals.status, 'rejected'),
      ),
    );
  const available = leaderAccount(leaderId, 'available');
  const owed = leaderAccount(leaderId, 'owed');
  const stored = await storedBalances(tx, [available, owed]);
  const owedFen = displayFen('owed', stored.get(accountCode(owed)) ?? 0);
  const withdrawable = displayFen('available', stored.get(accountCode(available)) ?? 0) - owedFen;
  const decision = decideWithdrawal({
    amountFen: input.amountFen,
    rules,
    withdrawableFen: withdrawable,
    owedFen,
    requestsToday: today?.n ?? 0,
  });
  if (!decision.ok) {
    const field = decision.refusal.code === 'ledger.daily_limit_reached' ? 'body' : 'body.amountFen';
    throw ledgerError(decision.refusal.code, { field, detail: decision.refusal.detail });
  }
  const { split } = decision;
  const id = newId('withdrawal', now.getTime());
  const [row] = await tx
    .insert(withdrawals)
    .values({
      id,
      leaderId,
      ...split,
      status: 'requested',
      idempotencyKey: input.idempotencyKey,
      requestHash,
      method: payout.method,
      payeeName: payout.payeeName,
      accountEnc: payout.accountEnc,
      accountLast4: payout.accountLast4,
      bankName: payout.bankName,
      localDay: day,
      requestedAt: now,
      requestedBy: actor.actorId,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('withdrawal insert returned nothing');
  await postTransfersTx(tx, deps.clock, requestTransfers(id, leaderId, split));
  await recordAudit(tx, deps.clock, actor, {
    action: 'ledger.withdrawal.request',
    entityType: 'withdrawal',
    entityId: id,
    after: { leaderId, ...split, method: payout.method },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'withdrawal.requested',
      aggregateType: 'withdrawal',
      aggregateId: id,
      payload: { leaderId, ...split },
    },
    actor.requestId,
  );
  return { withdrawal: row, replayed: false };
}

export function requestWithdrawal(deps: Deps, actor: Actor, leaderId: string, input: WithdrawalRequest) {
  return deps.db.transaction((tx) => requestWithdrawalTx(deps, tx, actor, leaderId, input));
}

async function refuseTransition(
  tx: Executor,
  id: string,
  allowed: readonly WithdrawalStatus[],
): Promise<never> {
  const [row] = await tx
    .select({ status: withdrawals.status })
    .from(withdrawals)
    .where(eq(withdrawals.id, id));
  if (!row) throw ledgerError('ledger.withdrawal_not_found', { field: 'params.id' });
  throw ledgerError('ledger.withdrawal_not_pending', {
    field: 'params.id',
    detail: `status is ${row.status}; allowed from ${allowed.join(' or ')}`,
  });
}

/**
 * Finance approves a request (审核通过): status only, the money stays on hold until it is paid.
 * Under the leader's money lock, what they owe now is checked against the rules: a clawback after
 * the request can have put them in debt, and by default a leader in debt is not paid.
 */
export async function approveWithdrawalTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  id: string,
): Promise<WithdrawalRow> {
  const now = deps.clock.now();
  const [pending] = await tx
    .select({ leaderId: withdrawals.leaderId })
    .from(withdrawals)
    .where(eq(withdrawals.id, id));
  if (pending) {
    await lockLeaderMoney(tx, now, pending.leaderId);
    const owed = leaderAccount(pending.leaderId, 'owed');
    const stored = await storedBalances(tx, [owed]);
    const refusal = approvalRefusal(
      displayFen('owed', stored.get(accountCode(owed)) ?? 0),
      await getWithdrawalSettings(tx),
    );
    if (refusal) throw ledgerError(refusal.code, { field: 'params.id', detail: refusal.detail });
  }
  const [row] = await tx
    .update(withdrawals)
    .set({ status: 'approved', decidedAt: now, decidedBy: actor.actorName, updatedAt: now })
    .where(and(eq(withdrawals.id, id), eq(withdrawals.status, 'requested')))
    .returning();
  if (!row) return refuseTransition(tx, id, ['requested']);
  await recordAudit(tx, deps.clock, actor, {
    action: 'ledger.withdrawal.approve',
    entityType: 'withdrawal',
    entityId: id,
    before: { status: 'requested' },
    after: { status: 'approved' },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'withdrawal.approved',
      aggregateType: 'withdrawal',
      aggregateId: id,
      payload: { leaderId: row.leaderId, netFen: row.netFen },
    },
    actor.requestId,
  );
  return row;
}

/**
 * Finance rejects a request (驳回) with a reason, before it is in a payout batch: everything it took
 * (the hold, the fee, the tax) goes back to available.
 */
export async function rejectWithdrawalTx(
  deps: TxDeps,
  tx: Tx,
  actor: Actor,
  id: string,
  reason: string,
): Promise<WithdrawalRow> {
  const now = deps.clock.now();
  const allowed: WithdrawalStatus[] = ['requested', 'approved'];
  const [row] = await tx
    .update(withdrawals)
    .set({
      status: 'rejected',
      decidedAt: now,
      decidedBy: actor.actorName,
      rejectReason: reason,
      updatedAt: now,
    })
    .where(and(eq(withdrawals.id, id), inArray(withdrawals.status, allowed)))
    .returning();
  if (!row) return refuseTransition(tx, id, allowed);
  await lockLeaderMoney(tx, now, row.leaderId);
  await postTransfersTx(
    tx,
    deps.clock,
    returnTransfers(`wdr:${id}:reject`, CAUSE_WITHDRAWAL, id, row, `提现驳回 rejected: ${reason}`),
  );
  await recordAudit(tx, deps.clock, actor, {
    action: 'ledger.withdrawal.reject',
    entityType: 'withdrawal',
    entityId: id,
    after: { status: 'rejected', reason, returnedFen: row.amountFen },
  });
  await deps.bus.publish(
    tx,
    {
      type: 'withdrawal.rejected',
      aggregateType: 'withdrawal',
      aggregateId: id,
      payload: { leaderId: row.leaderId, amountFen: row.amountFen, reason },
    },
    actor.requestId,
  );
  return row;
}

export function approveWithdrawal(deps: Deps, actor: Actor, id: string) {
  return deps.db.transaction((tx) => approveWithdrawalTx(deps, tx, actor, id));
}

export function rejectWithdrawal(deps: Deps, actor: Actor, id: string, reason: string) {
  return deps.db.transaction((tx) => rejectWithdrawalTx(deps, tx, actor, id, reason));
}

/** The leader the logged-in user is (`leaders.user_id`); the portal routes act only for this leader. */
export async function leaderOfUser(db: Executor, userId: string | undefined) {
  if (!userId) throw ledgerError('ledger.not_a_leader');
  const [row] = await db
    .select({ id: leaders.id, name: leaders.name, code: leaders.code })
    .from(leaders)
    .where(eq(leaders.userId, userId));
  if (!row) throw ledgerError('ledger.not_a_leader');
  return row;
}

export { withdrawalView };
