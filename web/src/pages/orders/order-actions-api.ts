import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiRequest } from '../../api';
import type { OrderDetail } from '../../orders-api';

/** A refund as the server shows it (退款记录), mirrored by hand. */
export interface OrderRefund {
  id: string;
  orderId: string;
  kind: 'refund' | 'cancel';
  provider: string;
  reference: string;
  amountFen: number;
  reason: string;
  fullyRefunded: boolean;
  actorName: string | null;
  createdAt: string;
  lines: { orderLineId: string; skuId: string; quantity: number; amountFen: number }[];
}

/** The order detail with what the refunds capability adds: each line's refunded units and the refunds. */
export interface OrderDetailWithRefunds extends Omit<OrderDetail, 'lines'> {
  lines: (OrderDetail['lines'][number] & { refundedQuantity: number })[];
  refunds: OrderRefund[];
}

const key = ['orders'] as const;

/** `GET /api/orders/:id`, under the same cache key as the order center's own detail query. */
export function useOrderDetail(id: string) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => api.get<OrderDetailWithRefunds>(`/api/orders/${encodeURIComponent(id)}`),
  });
}

export interface RefundBody {
  reason: string;
  whole?: boolean;
  lines?: { orderLineId: string; quantity: number }[];
  reference?: string;
}

/** An Idempotency-Key; `crypto.randomUUID` exists only on https and localhost, `getRandomValues` everywhere. */
export function newIdempotencyKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `console-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * `POST /api/orders/:id/refunds` under an Idempotency-Key the modal makes once when it opens: a
 * second click or a retry after a lost answer returns the same refund instead of refunding twice.
 */
export function useRefundOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body, idempotencyKey }: { id: string; body: RefundBody; idempotencyKey: string }) =>
      apiRequest<{ refund: OrderRefund }>('POST', `/api/orders/${encodeURIComponent(id)}/refunds`, {
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

function usePost<B, R>(path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: B) => api.post<R>(path, body),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

/** 发货: every confirmed order of a campaign leaves the warehouse. */
export const useShipCampaign = () => usePost<{ campaignId: string }, { shipped: number }>('/api/orders/ship');
/** 到货签收: a campaign's shipped orders arrived at one pickup point. */
export const useDeliver = () =>
  usePost<{ campaignId: string; pickupPointId: string }, { delivered: number }>('/api/orders/deliver');
/** 核销: the customer's pickup code at the pickup point. */
export const useVerifyPickup = () =>
  usePost<{ pickupPointId: string; pickupCode: string }, { orderIds: string[] }>('/api/orders/verify-pickup');

/** 完成: a picked-up order is closed. */
export function useCompleteOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/api/orders/${encodeURIComponent(id)}/complete`),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
