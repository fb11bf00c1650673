import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api';
import type { Page } from '../../api-types';

/** The ledger API's shapes (财务), mirrored by hand: the console does not import server code. */
export type LeaderKind = 'pending' | 'available' | 'withdrawing' | 'paid_out' | 'owed';
export type CompanyKind = 'commission_expense' | 'payouts_payable' | 'tax_withheld' | 'fees' | 'bank';
export type AccountKind = LeaderKind | CompanyKind;
export const LEADER_KINDS: readonly LeaderKind[] = [
  'pending',
  'available',
  'withdrawing',
  'paid_out',
  'owed',
];
export const ACCOUNT_KINDS: readonly AccountKind[] = [
  ...LEADER_KINDS,
  'commission_expense',
  'payouts_payable',
  'tax_withheld',
  'fees',
  'bank',
];

export type WithdrawalStatus = 'requested' | 'approved' | 'batched' | 'paid' | 'failed' | 'rejected';
export const WITHDRAWAL_STATUSES: readonly WithdrawalStatus[] = [
  'requested',
  'approved',
  'batched',
  'paid',
  'failed',
  'rejected',
];
export type PayoutMethod = 'bank' | 'wechat';

export interface LeaderBalances {
  leaderId: string;
  pendingFen: number;
  availableFen: number;
  withdrawingFen: number;
  paidOutFen: number;
  owedFen: number;
  totalFen: number;
}

export interface LeaderBalancesItem extends LeaderBalances {
  leaderName: string;
  leaderCode: string;
  leaderStatus: string;
}

export interface Overview {
  company: { kind: CompanyKind; balanceFen: number; storedFen: number }[];
  leaders: { kind: LeaderKind; balanceFen: number; storedFen: number; accounts: number }[];
  sumStoredFen: number;
}

export interface TransferSide {
  owner: 'leader' | 'company';
  leaderId: string | null;
  leaderName: string | null;
  kind: AccountKind;
}

export interface Transfer {
  id: number;
  key: string;
  postingId: number;
  amountFen: number;
  causeType: string;
  causeId: string;
  memo: string | null;
  at: string;
  debit: TransferSide;
  credit: TransferSide;
}

export interface TransferParams {
  leaderId?: string | undefined;
  kind?: AccountKind | undefined;
  causeType?: string | undefined;
  causeId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

export interface Withdrawal {
  id: string;
  leaderId: string;
  amountFen: number;
  feeFen: number;
  taxFen: number;
  netFen: number;
  status: WithdrawalStatus;
  method: PayoutMethod;
  payeeName: string;
  accountMasked: string;
  bankName: string | null;
  requestedAt: string;
  decidedAt: string | null;
  decidedBy: string | null;
  rejectReason: string | null;
  batchId: string | null;
  completedAt: string | null;
  failReason: string | null;
}

export interface WithdrawalItem extends Withdrawal {
  leaderName: string;
  leaderCode: string;
  leaderAvailableFen: number;
  leaderOwedFen: number;
  /** Available − owed: negative while the leader owes more than is available. */
  leaderNetFen: number;
}

export interface PayoutBatch {
  id: string;
  method: PayoutMethod;
  status: 'open' | 'closed';
  lineCount: number;
  totalFen: number;
  paidCount: number;
  failedCount: number;
  note: string | null;
  createdAt: string;
  createdBy: string | null;
  closedAt: string | null;
}

export interface PayoutLine {
  id: string;
  seq: number;
  withdrawalId: string;
  leaderId: string;
  leaderName: string;
  leaderCode: string;
  payeeName: string;
  accountMasked: string;
  bankName: string | null;
  amountFen: number;
  status: 'pending' | 'paid' | 'failed';
  reference: string | null;
  failReason: string | null;
  markedAt: string | null;
  markedBy: string | null;
}

export interface PayoutBatchDetail extends PayoutBatch {
  lines: PayoutLine[];
}

export interface Buckets {
  pending: number;
  available: number;
  withdrawing: number;
  paid_out: number;
  owed: number;
}

export interface Statement {
  leader: { id: string; name: string; code: string };
  month: string;
  from: string;
  to: string;
  opening: Buckets & { balanceFen: number };
  closing: Buckets & { balanceFen: number };
  rows: {
    category: string;
    label: { zh: string; en: string };
    count: number;
    amountFen: number;
    effectFen: number;
    deltas: Buckets;
  }[];
  lines: {
    transferId: number;
    at: string;
    category: string;
    causeType: string;
    causeId: string;
    memo: string | null;
    amountFen: number;
    effectFen: number;
    balanceAfterFen: number;
  }[];
  summary: Record<string, number>;
}

export interface InvariantReport {
  ok: boolean;
  checkedAt: string;
  accounts: number;
  transfers: number;
  sumFen: number;
  checks: { name: string; problems: number }[];
  problems: {
    check: string;
    message: string;
    messageZh: string;
    accountCode?: string;
    causeType?: string;
    causeIds?: string[];
    expectedFen?: number;
    actualFen?: number;
  }[];
}

export interface WithdrawalSettings {
  minAmountFen: number;
  feeFixedFen: number;
  feeBps: number;
  dailyCountLimit: number;
  taxBps: number;
  /** Whether a leader who owes (欠款 > 0) may withdraw and be approved. */
  withdrawWhileOwed: boolean;
  updatedAt: string | null;
  updatedBy: string | null;
}

const key = ['ledger'] as const;
const enc = encodeURIComponent;

export function useOverview() {
  return useQuery({
    queryKey: [...key, 'overview'],
    queryFn: () => api.get<Overview>('/api/ledger/overview'),
  });
}

export function useLeaderBalances(params: { q: string; nonZero: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'leader-balances', params],
    queryFn: () =>
      api.get<Page<LeaderBalancesItem>>('/api/ledger/leader-balances', {
        ...params,
        nonZero: params.nonZero ? 'true' : undefined,
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTransfers(params: TransferParams) {
  return useQuery({
    queryKey: [...key, 'transfers', params],
    queryFn: () => api.get<Page<Transfer>>('/api/ledger/transfers', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useWithdrawals(params: {
  status?: WithdrawalStatus | undefined;
  page: number;
  pageSize: number;
}) {
  return useQuery({
    queryKey: [...key, 'withdrawals', params],
    queryFn: () => api.get<Page<WithdrawalItem>>('/api/ledger/withdrawals', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function usePayoutBatches(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'payout-batches', params],
    queryFn: () => api.get<Page<PayoutBatch>>('/api/ledger/payout-batches', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function usePayoutBatch(id: string | null) {
  return useQuery({
    queryKey: [...key, 'payout-batch', id],
    queryFn: () => api.get<PayoutBatchDetail>(`/api/ledger/payout-batches/${enc(id ?? '')}`),
    enabled: id !== null,
  });
}

export function useStatement(leaderId: string | null, month: string) {
  return useQuery({
    queryKey: [...key, 'statement', leaderId, month],
    queryFn: () => api.get<Statement>('/api/ledger/statements', { leaderId, month }),
    enabled: leaderId !== null,
  });
}

export function statementExportUrl(leaderId: string, month: string): string {
  return `/api/ledger/statements/export?leaderId=${enc(leaderId)}&month=${enc(month)}`;
}

export function payoutExportUrl(batchId: string): string {
  return `/api/ledger/payout-batches/${enc(batchId)}/export`;
}

export function useWithdrawalSettings() {
  return useQuery({
    queryKey: [...key, 'settings'],
    queryFn: () => api.get<WithdrawalSettings>('/api/ledger/withdrawal-settings'),
  });
}

/** Runs only when asked (the "run check" button): a check reads every transfer. */
export function useInvariantCheck() {
  return useMutation({ mutationFn: () => api.get<InvariantReport>('/api/ledger/invariants') });
}

/** Every money action changes balances, queues and statements: refresh all ledger queries after one. */
function useLedgerMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useApproveWithdrawal = () =>
  useLedgerMutation((id: string) => api.post<Withdrawal>(`/api/ledger/withdrawals/${enc(id)}/approve`, {}));
export const useRejectWithdrawal = () =>
  useLedgerMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<Withdrawal>(`/api/ledger/withdrawals/${enc(id)}/reject`, { reason }),
  );
export const useCreateBatch = () =>
  useLedgerMutation((body: { method: PayoutMethod; note?: string | undefined }) =>
    api.post<PayoutBatchDetail>('/api/ledger/payout-batches', body),
  );
export const useMarkPaid = () =>
  useLedgerMutation(({ id, reference }: { id: string; reference?: string | undefined }) =>
    api.post<unknown>(`/api/ledger/payout-lines/${enc(id)}/paid`, reference ? { reference } : {}),
  );
export const useMarkFailed = () =>
  useLedgerMutation(({ id, reason }: { id: string; reason: string }) =>
    api.post<unknown>(`/api/ledger/payout-lines/${enc(id)}/failed`, { reason }),
  );
export const useSaveSettings = () =>
  useLedgerMutation((body: Omit<WithdrawalSettings, 'updatedAt' | 'updatedBy'>) =>
    apiRequest<WithdrawalSettings>('PUT', '/api/ledger/withdrawal-settings', { body }),
  );
