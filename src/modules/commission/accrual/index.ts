/**
 * The money path from orders to the ledger (ACCRUAL): entries and their accrual transfers, accrual at
 * payment, voids and clawbacks on refunds, the freeze after the after-sales window, the T+1
 * settlement, and their routes. Re-exported by the commission module's index.
 */
export {
  ADJUSTMENT_KINDS,
  type AdjustmentKind,
  commissionAccrualSettings,
  commissionAccruals,
  commissionEntries,
  commissionEntryAdjustments,
  commissionOrders,
  commissionSettlementLeaders,
  commissionSettlements,
  ENTRY_CAUSE_TYPES,
  ENTRY_STATUSES,
  type EntryCauseType,
  type EntryStatus,
} from '../entries.tables.js';
export { accrualError, commissionAccrualErrors } from './accrual.errors.js';
export { commissionAccrualRoutes } from './accrual.routes.js';
export { type RecomputeResult, recomputeOrder } from './accrual.service.js';
export { type AccrualResult, type AccrueOptions, accrueOrdersTx } from './accrue.js';
export { type AdjustResult, applyRefundsTx } from './adjust.js';
export { previousBusinessDay } from './business-day.js';
export { getEntry, listEntries } from './entries.queries.js';
export { type FreezeResult, freezeDue, freezeDueTx } from './freeze.js';
export { type OrderProgress, recordOrderProgressTx } from './progress.js';
export {
  accrualTransfer,
  accrualTransferKey,
  CAUSE_COMMISSION_ACCRUAL,
  CAUSE_COMMISSION_ENTRY,
  CAUSE_COMMISSION_SETTLEMENT,
  type NewEntry,
  type RecordedEntry,
  type RecordResult,
  recordEntriesTx,
} from './record-entries.js';
export { getAccrualSettings, saveAccrualSettings } from './settings.js';
export {
  freezeAndSettle,
  type RunResult,
  runDueSettlement,
  type SettlementSummary,
  type SettleResult,
  settleDayTx,
} from './settle.js';
export { getSettlement, listSettlements } from './settlements.queries.js';
export { registerCommissionAccrualSubscribers } from './subscribers.js';
