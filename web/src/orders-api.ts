import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './api';
import type { Page } from './api-types';

/** The order center API's shapes, mirrored by hand (the console does not import server code). */
export type OrderStatus =
  | 'on_hold'
  | 'pending_payment'
  | 'paid'
  | 'confirmed'
  | 'shipped'
  | 'delivered'
  | 'picked_up'
  | 'completed'
  | 'cancelled'
  | 'refunded';
export const ORDER_STATUSES: readonly OrderStatus[] = [
  'on_hold',
  'pending_payment',
  'paid',
  'confirmed',
  'shipped',
  'delivered',
  'picked_up',
  'completed',
  'cancelled',
  'refunded',
];

export interface OrderSummary {
  id: string;
  status: OrderStatus;
  campaignId: string;
  campaignName: string;
  leaderId: string;
  leaderName: string;
  leaderCode: string;
  pickupPointId: string;
  pickupPointName: string;
  customerName: string | null;
  phoneMasked: string;
  totalFen: number;
  itemCount: number;
  placedAt: string;
  paymentDueAt: string;
}

export interface OrderDetail extends OrderSummary {
  pickupCode: string;
  lines: {
    id: string;
    productName: string;
    spec: string;
    skuCode: string;
    campaignItemId: string;
    skuId: string;
    quantity: number;
    unitPriceFen: number;
    amountFen: number;
  }[];
  payments: { id: string; provider: string; amountFen: number; reference: string; paidAt: string }[];
  timeline: {
    fromStatus: string | null;
    toStatus: string;
    at: string;
    actorName: string | null;
    note: string | null;
  }[];
}

export interface OrderListParams {
  campaignId?: string | undefined;
  /** One leader's orders (linked from the leader detail page: /orders?leaderId=). */
  leaderId?: string | undefined;
  status?: OrderStatus | undefined;
  phone?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  page: number;
  pageSize: number;
}

const key = ['orders'] as const;

/** New orders arrive all the time during a sale: the list refreshes itself every few seconds. */
export function useOrderList(params: OrderListParams) {
  return useQuery({
    queryKey: [...key, 'list', params],
    queryFn: () => api.get<Page<OrderSummary>>('/api/orders', { ...params }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

/** Today's counters (Asia/Shanghai day) for one campaign or all: `GET /api/orders/stats`. */
export interface OrderStats {
  day: string;
  orders: number;
  gmvFen: number;
  pendingPayment: number;
  paid: number;
  confirmed: number;
  cancelled: number;
}

export function useOrderStats(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...key, 'stats', campaignId ?? null],
    queryFn: () => api.get<OrderStats>('/api/orders/stats', { campaignId }),
    refetchInterval: 3_000,
  });
}

export function useOrder(id: string | null) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => api.get<OrderDetail>(`/api/orders/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });
}

function useOrderAction<B>(path: (id: string) => string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) => api.post<void>(path(id), body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export const useMarkPaid = () =>
  useOrderAction<{ reference: string }>((id) => `/api/orders/${encodeURIComponent(id)}/mark-paid`);
export const useCancelOrder = () =>
  useOrderAction<{ reason: string }>((id) => `/api/orders/${encodeURIComponent(id)}/cancel`);

/** One customer's bag (合单) at a pickup point on a delivery day: `GET /api/orders/bags`. */
export interface OrderBag {
  customerId: string;
  customerName: string | null;
  phoneMasked: string;
  pickupPointId: string;
  deliveryDate: string;
  orderIds: string[];
  pickupCodes: string[];
  items: { skuId: string; label: string; quantity: number }[];
  units: number;
}

/** The paid orders of one pickup point and delivery day, merged per customer (empty until both are chosen). */
export function useOrderBags(pickupPointId: string | undefined, deliveryDate: string | undefined) {
  return useQuery({
    queryKey: [...key, 'bags', pickupPointId ?? null, deliveryDate ?? null],
    queryFn: () => api.get<{ items: OrderBag[] }>('/api/orders/bags', { pickupPointId, deliveryDate }),
    enabled: Boolean(pickupPointId && deliveryDate),
  });
}
