import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api';
import type { Page } from '../../api-types';
import type { OrderStatus } from '../../orders-api';

/** The risk API's shapes (风控), mirrored by hand: the console does not import server code. */
export interface RiskPolicy {
  enabled: boolean;
  maxQuantityPerOrder: number | null;
  maxOrdersPerPhonePerCampaign: number | null;
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

export type PolicyInput = Pick<
  RiskPolicy,
  'enabled' | 'maxQuantityPerOrder' | 'maxOrdersPerPhonePerCampaign'
>;

export type BlockKind = 'phone' | 'address';
export const BLOCK_KINDS: readonly BlockKind[] = ['phone', 'address'];

export interface BlockEntry {
  id: string;
  kind: BlockKind;
  display: string;
  reason: string;
  createdBy: string | null;
  createdAt: string;
}

export type RiskReasonCode = 'quantity_over_limit' | 'too_many_orders' | 'blocked_phone' | 'blocked_address';

export type HoldStatus = 'open' | 'approved' | 'rejected';
export const HOLD_STATUSES: readonly HoldStatus[] = ['open', 'approved', 'rejected'];

export interface Hold {
  orderId: string;
  campaignId: string;
  campaignName: string;
  status: HoldStatus;
  reasons: { code: RiskReasonCode; detail: string }[];
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  order: {
    status: OrderStatus;
    leaderName: string;
    leaderCode: string;
    pickupPointName: string;
    pickupAddress: string;
    customerName: string | null;
    phoneMasked: string;
    totalFen: number;
    itemCount: number;
    placedAt: string;
    paymentDueAt: string;
  };
}

export interface HoldListParams {
  status?: HoldStatus | undefined;
  campaignId?: string | undefined;
  page: number;
  pageSize: number;
}

const key = ['risk'] as const;

export function useRiskPolicy() {
  return useQuery({ queryKey: [...key, 'policy'], queryFn: () => api.get<RiskPolicy>('/api/risk/policy') });
}

export function useSaveRiskPolicy() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PolicyInput) => apiRequest<RiskPolicy>('PUT', '/api/risk/policy', { body }),
    onSuccess: (policy) => client.setQueryData([...key, 'policy'], policy),
  });
}

export function useBlocklist(params: { kind?: BlockKind | undefined; page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...key, 'blocklist', params],
    queryFn: () => api.get<Page<BlockEntry>>('/api/risk/blocklist', { ...params }),
    placeholderData: keepPreviousData,
  });
}

export function useAddBlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { kind: BlockKind; value: string; reason: string }) =>
      api.post<BlockEntry>('/api/risk/blocklist', body),
    onSuccess: () => client.invalidateQueries({ queryKey: [...key, 'blocklist'] }),
  });
}

export function useRemoveBlock() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) =>
      api.post<void>(`/api/risk/blocklist/${encodeURIComponent(id)}/remove`, { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...key, 'blocklist'] }),
  });
}

/** The queue fills during a sale, so it refreshes itself every few seconds. */
export function useHolds(params: HoldListParams) {
  return useQuery({
    queryKey: [...key, 'holds', params],
    queryFn: () => api.get<Page<Hold>>('/api/risk/holds', { ...params }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

export type Verdict = 'approve' | 'reject';

export function useDecideHold() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, verdict, reason }: { orderId: string; verdict: Verdict; reason: string }) =>
      api.post<unknown>(
        `/api/risk/holds/${encodeURIComponent(orderId)}/${verdict}`,
        reason ? { reason } : {},
      ),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [...key, 'holds'] });
      void client.invalidateQueries({ queryKey: ['orders'] });
    },
  });
}
