import { eq } from 'drizzle-orm';
import { type Actor, recordAudit } from '../../platform/audit/index.js';
import type { FieldCrypto } from '../../platform/crypto.js';
import type { Executor, Tx } from '../../platform/db/database.js';
import type { Deps } from '../../platform/deps.js';
import { leaders } from '../leaders/index.js';
import { ledgerError } from './ledger.errors.js';
import { type PayoutMethod, payoutAccounts } from './ledger.tables.js';

export interface PayoutAccountInput {
  method: PayoutMethod;
  payeeName: string;
  /** A bank card number, or the leader's WeChat openid for a merchant transfer. */
  account: string;
  bankName?: string | null | undefined;
}

export interface PayoutAccountView {
  leaderId: string;
  method: PayoutMethod;
  payeeName: string;
  accountMasked: string;
  bankName: string | null;
  updatedAt: string;
}

/** `**** 1234`: enough for a person to recognise their card, useless to anyone else. */
export function maskAccount(last4: string): string {
  return `**** ${last4}`;
}

/** The account number as stored (spaces removed from a card number), or a refusal naming the field. */
export function normalizeAccount(method: PayoutMethod, account: string): string {
  const value = method === 'bank' ? account.replace(/[\s-]/g, '') : account.trim();
  const ok = method === 'bank' ? /^\d{12,30}$/.test(value) : /^[A-Za-z0-9_-]{6,64}$/.test(value);
  if (!ok) throw ledgerError('ledger.account_invalid', { field: 'body.account' });
  return value;
}

export async function getPayoutAccount(db: Executor, leaderId: string): Promise<PayoutAccountView | null> {
  const [row] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.leaderId, leaderId));
  if (!row) return null;
  return {
    leaderId: row.leaderId,
    method: row.method,
    payeeName: row.payeeName,
    accountMasked: maskAccount(row.accountLast4),
    bankName: row.bankName,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The stored row, for a withdrawal to copy at request time. */
export async function payoutAccountRow(db: Executor, leaderId: string) {
  const [row] = await db.select().from(payoutAccounts).where(eq(payoutAccounts.leaderId, leaderId));
  return row ?? null;
}

/**
 * Sets (or replaces) where a leader's withdrawals are paid. The number is encrypted before it reaches
 * the database; the audit record keeps only the masked form. Requests already made keep the account
 * they were made with.
 */
export async function setPayoutAccountTx(
  deps: Pick<Deps, 'clock' | 'crypto'>,
  tx: Tx,
  actor: Actor,
  leaderId: string,
  input: PayoutAccountInput,
): Promise<PayoutAccountView> {
  const [leader] = await tx.select({ id: leaders.id }).from(leaders).where(eq(leaders.id, leaderId));
  if (!leader) throw ledgerError('ledger.leader_not_found', { field: 'params.leaderId' });
  const account = normalizeAccount(input.method, input.account);
  const bankName = input.bankName?.trim() || null;
  if (input.method === 'bank' && !bankName)
    throw ledgerError('ledger.bank_name_required', { field: 'body.bankName' });
  const before = await getPayoutAccount(tx, leaderId);
  const now = deps.clock.now();
  const values = {
    method: input.method,
    payeeName: input.payeeName.trim(),
    accountEnc: deps.crypto.encrypt(account),
    accountLast4: account.slice(-4),
    bankName: input.method === 'bank' ? bankName : null,
    updatedAt: now,
    updatedBy: actor.actorName,
  };
  await tx
    .insert(payoutAccounts)
    .values({ leaderId, ...values })
    .onConflictDoUpdate({ target: payoutAccounts.leaderId, set: values });
  const after: PayoutAccountView = {
    leaderId,
    method: values.method,
    payeeName: values.payeeName,
    accountMasked: maskAccount(values.accountLast4),
    bankName: values.bankName,
    updatedAt: now.toISOString(),
  };
  await recordAudit(tx, deps.clock, actor, {
    action: 'ledger.payout_account.set',
    entityType: 'leader',
    entityId: leaderId,
    before,
    after,
  });
  return after;
}

export function setPayoutAccount(deps: Deps, actor: Actor, leaderId: string, input: PayoutAccountInput) {
  return deps.db.transaction((tx) => setPayoutAccountTx(deps, tx, actor, leaderId, input));
}

/** The full account number, for the bank / WeChat batch file only. */
export function revealAccount(crypto: FieldCrypto, accountEnc: string): string {
  return crypto.decrypt(accountEnc);
}
