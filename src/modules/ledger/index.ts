/**
 * Ledger module (总账, 提现, 打款, 对账单): the double-entry, append-only ledger every fen of
 * commission moves on, the leader's withdrawals and their payout batches, monthly statements and the
 * invariant check. Other modules use only what is exported here; the commission module posts its
 * accruals, voids, settlements and clawbacks with `postTransfersTx` and declares its cause types
 * in its manifest (`causeTypes`).
 */
export {
  ACCOUNT_KIND_LABELS,
  type AccountKind,
  type AccountRef,
  accountCode,
  COMPANY_ACCOUNT_KINDS,
  type CompanyAccountKind,
  displayFen,
  LEADER_ACCOUNT_KINDS,
  type LeaderAccountKind,
  NORMAL_SIDE,
  parseAccountCode,
} from './accounts.js';
export {
  balancesOf,
  balancesOfMany,
  type LeaderBalances,
  ledgerOverview,
} from './balances.queries.js';
export {
  CAUSE_DEMO_OPENING,
  CAUSE_PAYOUT_LINE,
  CAUSE_WITHDRAWAL,
  type CauseCheck,
  type CauseTypes,
  checkInvariants,
  type InvariantProblem,
  type InvariantReport,
  LEDGER_CAUSE_TYPES,
} from './invariants.js';
export { ledgerError, ledgerErrors } from './ledger.errors.js';
export { ledgerModule } from './ledger.module.js';
export { ledgerRoutes } from './ledger.routes.js';
export {
  ledgerAccounts,
  ledgerBalances,
  ledgerPostings,
  ledgerTransfers,
  PAYOUT_METHODS,
  type PayoutMethod,
  payoutBatches,
  payoutLines,
  WITHDRAWAL_STATUSES,
  type WithdrawalStatus,
  withdrawals,
} from './ledger.tables.js';
export { clawbackTransfersTx, type MovementItem, settlementTransfersTx } from './money-movements.js';
export { type PayoutAccountInput, setPayoutAccountTx } from './payout-accounts.service.js';
export { createPayoutBatchTx, markPayoutLineFailedTx, markPayoutLinePaidTx } from './payouts.service.js';
export {
  type PostResult,
  postTransfersTx,
  storedBalances,
  type TransferInput,
} from './post-transfers.js';
export { leaderStatement } from './statements.service.js';
export { DEFAULT_WITHDRAWAL_RULES, splitWithdrawal, type WithdrawalRules } from './withdrawal-math.js';
export { getWithdrawalSettings, saveWithdrawalSettingsTx } from './withdrawal-settings.service.js';
export {
  approveWithdrawalTx,
  lockLeaderMoney,
  rejectWithdrawalTx,
  requestWithdrawalTx,
} from './withdrawals.service.js';
