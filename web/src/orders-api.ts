import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, type ApiResponse, call } from './api';

/** The order center API's shapes, taken from the generated schema. */
export type OrderSummary = ApiResponse<'/api/orders'>['items'][number];
export type OrderStatus = OrderSummary['status'];
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

/** One order with its lines, payments, timeline and refunds: `GET /api/orders/{id}`. */
export type OrderDetail = ApiResponse<'/api/orders/{id}'>;

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
    queryFn: () => call.get('/api/orders', { query: { ...params } }),
    placeholderData: keepPreviousData,
    refetchInterval: 5_000,
  });
}

/** Today's counters (Asia/Shanghai day) for one campaign or all: `GET /api/orders/stats`. */
export type OrderStats = ApiResponse<'/api/orders/stats'>;

export function useOrderStats(campaignId: string | undefined) {
  return useQuery({
    queryKey: [...key, 'stats', campaignId ?? null],
    queryFn: () => call.get('/api/orders/stats', { query: { campaignId } }),
    refetchInterval: 3_000,
  });
}

export function useOrder(id: string | null) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => call.get('/api/orders/{id}', { params: { id: id ?? '' } }),
    enabled: id !== null,
  });
}

export function useMarkPaid() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApiRequestBody<'/api/orders/{id}/mark-paid', 'post'> }) =>
      call.post('/api/orders/{id}/mark-paid', { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useCancelOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ApiRequestBody<'/api/orders/{id}/cancel', 'post'> }) =>
      call.post('/api/orders/{id}/cancel', { params: { id }, body }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** One customer's bag (合单) at a pickup point on a delivery day: `GET /api/orders/bags`. */
export type OrderBag = ApiResponse<'/api/orders/bags'>['items'][number];

/** The paid orders of one pickup point and delivery day, merged per customer (empty until both are chosen). */
export function useOrderBags(pickupPointId: string | undefined, deliveryDate: string | undefined) {
  return useQuery({
    queryKey: [...key, 'bags', pickupPointId ?? null, deliveryDate ?? null],
    queryFn: () => call.get('/api/orders/bags', { query: { pickupPointId, deliveryDate } }),
    enabled: Boolean(pickupPointId && deliveryDate),
  });
}
