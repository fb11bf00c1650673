import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, type ApiResponse, call } from '../../api';
import type { Page } from '../../api-types';
import type { OrderStatus } from '../../orders-api';

/** The risk API's shapes (风控), taken from the generated schema. */
export type RiskPolicy = ApiResponse<'/api/risk/policy'>;

export type PolicyInput = ApiRequestBody<'/api/risk/policy', 'put'>;

export type BlockEntry = ApiResponse<'/api/risk/blocklist'>['items'][number];
export type BlockKind = BlockEntry['kind'];
export const BLOCK_KINDS: readonly BlockKind[] = ['phone', 'address'];

type HoldAsDeclared = ApiResponse<'/api/risk/holds'>['items'][number];

/**
 * An order on hold. The server's schema declares the order's status as a plain string; it is always
 * one of the order statuses (the orders table allows no other), which the status tag needs to know.
 */
export type Hold = Omit<HoldAsDeclared, 'order'> & {
  order: Omit<HoldAsDeclared['order'], 'status'> & { status: OrderStatus };
};
export type RiskReasonCode = Hold['reasons'][number]['code'];
export type HoldStatus = Hold['status'];
export const HOLD_STATUSES: readonly HoldStatus[] = ['open', 'approved', 'rejected'];

export interface HoldListParams {
  status?: HoldStatus | undefined;
  campaignId?: string | undefined;
  page: number;
  pageSize: number;
}

const key = ['risk'] as const;

export function useRiskPolicy() {
  return useQuery({ queryKey: [...key, 'policy'], queryFn: () => call.get('/api/risk/policy') });
}

export function useSaveRiskPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyInput) => call.put('/api/risk/policy', { body }),
    onSuccess: (policy) => client.setQueryData([...key, 'policy'], policy),
  });
}

export function useBlocklist(params: { kind?: BlockKind | undefined; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'blocklist', params],
    queryFn: () => call.get('/api/risk/blocklist', { query: { ...params } }),
    placeholderData: keepPreviousData,
  });
}

export function useAddBlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ApiRequestBody<'/api/risk/blocklist', 'post'>) =>
      call.post('/api/risk/blocklist', { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...key, 'blocklist'] }),
  });
}

export function useRemoveBlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      call.post('/api/risk/blocklist/{id}/remove', { params: { id }, body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...key, 'blocklist'] }),
  });
}

/** The queue fills during a sale, so it refreshes itself every few seconds. */
export function useHolds(params: HoldListParams) {
  return useQuery({
    queryKey: [...key, 'holds', params],
    queryFn: () => call.get('/api/risk/holds', { query: { ...params } }) as Promise<Page<Hold>>,
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

export type Verdict = 'approve' | 'reject';

export function useDecideHold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, verdict, reason }: { orderId: string; verdict: Verdict; reason: string }) =>
      verdict === 'approve'
        ? call.post('/api/risk/holds/{id}/approve', {
            params: { id: orderId },
            body: reason ? { reason } : {},
          })
        : // The decision modal requires a reason to reject, so it is never empty here.
          call.post('/api/risk/holds/{id}/reject', { params: { id: orderId }, body: { reason } }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...key, 'holds'] });
      void client.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}
