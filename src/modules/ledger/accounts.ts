/**
 * The ledger's chart of accounts and its one sign convention.
 *
 * Sign convention (one rule for every account): an account's stored balance is
 * `sum(debits) − sum(credits)`, in fen. So the balances of all accounts always sum to zero, which is
 * the ledger's first invariant, and no account needs its own arithmetic.
 *
 * Accounts that are naturally credit balances (the company's liabilities: what it owes a leader,
 * fees it earned, tax it withheld) therefore have a stored balance ≤ 0; debit-normal accounts (the
 * commission expense, cash at the bank, what a leader owes the company) have a stored balance ≥ 0.
 * People never see the stored sign: `displayFen` turns a stored balance into the amount as its owner
 * reads it (a leader with ¥12.30 available sees 1230, not −1230).
 */

export const LEADER_ACCOUNT_KINDS = ['pending', 'available', 'withdrawing', 'paid_out', 'owed'] as const;
export type LeaderAccountKind = (typeof LEADER_ACCOUNT_KINDS)[number];

export const COMPANY_ACCOUNT_KINDS = [
  'commission_expense',
  'payouts_payable',
  'tax_withheld',
  'fees',
  'bank',
] as const;
export type CompanyAccountKind = (typeof COMPANY_ACCOUNT_KINDS)[number];

export type AccountKind = LeaderAccountKind | CompanyAccountKind;

/** Which account a transfer debits or credits; the ledger creates an account the first time it is named. */
export type AccountRef =
  | { owner: 'leader'; leaderId: string; kind: LeaderAccountKind }
  | { owner: 'company'; kind: CompanyAccountKind };

export type NormalSide = 'debit' | 'credit';

/**
 * The side on which each kind normally carries its balance.
 * - leader pending (预估/待结算): earned, not yet final; available (可提现): settled, withdrawable;
 *   withdrawing (提现中): requested, not yet paid; paid_out (已提现): paid to the leader so far. All
 *   are what the company owes (or paid) the leader: credit-normal.
 * - leader owed (欠款): a clawback beyond the available balance, what the leader owes: debit-normal.
 * - company commission_expense (佣金费用) and bank (银行存款) are debit-normal; payouts_payable
 *   (应付提现), tax_withheld (代扣个税) and fees (提现手续费收入) are credit-normal.
 */
export const NORMAL_SIDE: Record<AccountKind, NormalSide> = {
  pending: 'credit',
  available: 'credit',
  withdrawing: 'credit',
  paid_out: 'credit',
  owed: 'debit',
  commission_expense: 'debit',
  payouts_payable: 'credit',
  tax_withheld: 'credit',
  fees: 'credit',
  bank: 'debit',
};

export const ACCOUNT_KIND_LABELS: Record<AccountKind, { zh: string; en: string }> = {
  pending: { zh: '待结算', en: 'Pending' },
  available: { zh: '可提现', en: 'Available' },
  withdrawing: { zh: '提现中', en: 'Withdrawing' },
  paid_out: { zh: '已提现', en: 'Paid out' },
  owed: { zh: '欠款', en: 'Owed' },
  commission_expense: { zh: '佣金费用', en: 'Commission expense' },
  payouts_payable: { zh: '应付提现', en: 'Payouts payable' },
  tax_withheld: { zh: '代扣个税', en: 'Tax withheld' },
  fees: { zh: '提现手续费', en: 'Withdrawal fees' },
  bank: { zh: '银行存款', en: 'Bank' },
};

export function isLeaderKind(kind: string): kind is LeaderAccountKind {
  return (LEADER_ACCOUNT_KINDS as readonly string[]).includes(kind);
}

export function isCompanyKind(kind: string): kind is CompanyAccountKind {
  return (COMPANY_ACCOUNT_KINDS as readonly string[]).includes(kind);
}

/**
 * The account's natural key, unique in `ledger_accounts.code`: `leader:<leaderId>:<kind>` or
 * `company:<kind>`. Sorting accounts by code gives every posting the same lock order.
 */
export function accountCode(ref: AccountRef): string {
  return ref.owner === 'leader' ? `leader:${ref.leaderId}:${ref.kind}` : `company:${ref.kind}`;
}

/** The reference an account code names, or null when the code is not one `accountCode` writes. */
export function parseAccountCode(code: string): AccountRef | null {
  const parts = code.split(':');
  if (parts[0] === 'company' && parts.length === 2 && isCompanyKind(parts[1] ?? '')) {
    return { owner: 'company', kind: parts[1] as CompanyAccountKind };
  }
  if (parts[0] === 'leader' && parts.length === 3 && parts[1] && isLeaderKind(parts[2] ?? '')) {
    return { owner: 'leader', leaderId: parts[1], kind: parts[2] as LeaderAccountKind };
  }
  return null;
}

/** A stored balance (debits − credits) as the account's owner reads it: positive on its normal side. */
export function displayFen(kind: AccountKind, storedFen: number): number {
  const shown = NORMAL_SIDE[kind] === 'debit' ? storedFen : -storedFen;
  // Avoid handing out -0 for an empty credit-normal account.
  return shown === 0 ? 0 : shown;
}

/** The stored-balance change a transfer of `amountFen` makes to its debit and its credit account. */
export function storedDelta(side: 'debit' | 'credit', amountFen: number): number {
  return side === 'debit' ? amountFen : -amountFen;
}

/**
 * The leader's balance in one number, as a statement shows it: what the company owes the leader and
 * has not paid or put aside for a payout yet, `pending + available − owed`.
 */
export const STATEMENT_KINDS: readonly LeaderAccountKind[] = ['pending', 'available', 'owed'];

export function statementTotal(b: Pick<Record<LeaderAccountKind, number>, 'pending' | 'available' | 'owed'>) {
  return b.pending + b.available - b.owed;
}
