import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, type ApiResponse, call } from '../../api';

/** The ledger API's shapes (财务), taken from the generated schema. */
export type Overview = ApiResponse<'/api/ledger/overview'>;
export type LeaderKind = Overview['leaders'][number]['kind'];
export type CompanyKind = Overview['company'][number]['kind'];
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

export type WithdrawalItem = ApiResponse<'/api/ledger/withdrawals'>['items'][number];
export type Withdrawal = ApiResponse<'/api/ledger/withdrawals/{id}/approve', 'post'>;
export type WithdrawalStatus = WithdrawalItem['status'];
export const WITHDRAWAL_STATUSES: readonly WithdrawalStatus[] = [
  'requested',
  'approved',
  'batched',
  'paid',
  'failed',
  'rejected',
];
export type PayoutMethod = WithdrawalItem['method'];

export type LeaderBalancesItem = ApiResponse<'/api/ledger/leader-balances'>['items'][number];

export type Transfer = ApiResponse<'/api/ledger/transfers'>['items'][number];
export type TransferSide = Transfer['debit'];

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

export type PayoutBatch = ApiResponse<'/api/ledger/payout-batches'>['items'][number];

export type PayoutBatchDetail = ApiResponse<'/api/ledger/payout-batches/{id}'>;

export type PayoutLine = PayoutBatchDetail['lines'][number];

export type Statement = ApiResponse<'/api/ledger/statements'>;

export type Buckets = Statement['rows'][number]['deltas'];

export type InvariantReport = ApiResponse<'/api/ledger/invariants'>;

export type WithdrawalSettings = ApiResponse<'/api/ledger/withdrawal-settings'>;

const key = ['ledger'] as const;
const enc = encodeURIComponent;

export function useOverview() {
  return useQuery({
    queryKey: [...key, 'overview'],
    queryFn: () => call.get('/api/ledger/overview'),
  });
}

export function useLeaderBalances(params: { q: string; nonZero: boolean; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'leader-balances', params],
    queryFn: () =>
      call.get('/api/ledger/leader-balances', {
        query: { ...params, nonZero: params.nonZero ? 'true' : undefined },
      }),
    placeholderData: keepPreviousData,
  });
}

export function useTransfers(params: TransferParams) {
  return useQuery({
    queryKey: [...key, 'transfers', params],
    queryFn: () => call.get('/api/ledger/transfers', { query: { ...params } }),
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
    queryFn: () => call.get('/api/ledger/withdrawals', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function usePayoutBatches(params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'payout-batches', params],
    queryFn: () => call.get('/api/ledger/payout-batches', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function usePayoutBatch(id: string | null) {
  return useQuery({
    queryKey: [...key, 'payout-batch', id],
    queryFn: () => call.get('/api/ledger/payout-batches/{id}', { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

export function useStatement(leaderId: string | null, month: string) {
  return useQuery({
    queryKey: [...key, 'statement', leaderId, month],
    queryFn: () => call.get('/api/ledger/statements', { query: { leaderId, month } }),
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
    queryFn: () => call.get('/api/ledger/withdrawal-settings'),
  });
}

/** Runs only when asked (the "run check" button): a check reads every transfer. */
export function useInvariantCheck() {
  return useMutation({ mutationFn: () => call.get('/api/ledger/invariants') });
}

/** Every money action changes balances, queues and statements: refresh all ledger queries after one. */
function useLedgerMutation<V, R>(fn: (v: V) => Promise<R>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useApproveWithdrawal = () =>
  useLedgerMutation((id: string) =>
    call.post('/api/ledger/withdrawals/{id}/approve', { params: { id }, body: {} }),
  );
export const useRejectWithdrawal = () =>
  useLedgerMutation(({ id, reason }: { id: string; reason: string }) =>
    call.post('/api/ledger/withdrawals/{id}/reject', { params: { id }, body: { reason } }),
  );
export const useCreateBatch = () =>
  useLedgerMutation((body: ApiRequestBody<'/api/ledger/payout-batches', 'post'>) =>
    call.post('/api/ledger/payout-batches', { body }),
  );
export const useMarkPaid = () =>
  useLedgerMutation(({ id, reference }: { id: string; reference?: string | undefined }) =>
    call.post('/api/ledger/payout-lines/{id}/paid', { params: { id }, body: reference ? { reference } : {} }),
  );
export const useMarkFailed = () =>
  useLedgerMutation(({ id, reason }: { id: string; reason: string }) =>
    call.post('/api/ledger/payout-lines/{id}/failed', { params: { id }, body: { reason } }),
  );
export const useSaveSettings = () =>
  useLedgerMutation((body: ApiRequestBody<'/api/ledger/withdrawal-settings', 'put'>) =>
    call.put('/api/ledger/withdrawal-settings', { body }),
  );
