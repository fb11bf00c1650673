import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiRequestBody, call } from '../../api';
import type { OrderDetail } from '../../orders-api';

/** The order detail with what the refunds capability adds: each line's refunded units and the refunds. */
export type OrderDetailWithRefunds = OrderDetail;

/** A refund as the server shows it (退款记录). */
export type OrderRefund = OrderDetail['refunds'][number];

const key = ['orders'] as const;

/** `GET /api/orders/:id`, under the same cache key as the order center's own detail query. */
export function useOrderDetail(id: string) {
  return useQuery({
    queryKey: [...key, 'detail', id],
    queryFn: () => call.get('/api/orders/{id}', { params: { id } }),
  });
}

export type RefundBody = ApiRequestBody<'/api/orders/{id}/refunds', 'post'>;

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
      call.post('/api/orders/{id}/refunds', {
        params: { id },
        body,
        headers: { 'idempotency-key': idempotencyKey },
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

function useInvalidateOrders() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: key });
}

/** 发货: every confirmed order of a campaign leaves the warehouse. */
export function useShipCampaign() {
  const onSuccess = useInvalidateOrders();
  return useMutation({
    mutationFn: (body: ApiRequestBody<'/api/orders/ship', 'post'>) => call.post('/api/orders/ship', { body }),
    onSuccess,
  });
}

/** 到货签收: a campaign's shipped orders arrived at one pickup point. */
export function useDeliver() {
  const onSuccess = useInvalidateOrders();
  return useMutation({
    mutationFn: (body: ApiRequestBody<'/api/orders/deliver', 'post'>) =>
      call.post('/api/orders/deliver', { body }),
    onSuccess,
  });
}

/** 核销: the customer's pickup code at the pickup point. */
export function useVerifyPickup() {
  const onSuccess = useInvalidateOrders();
  return useMutation({
    mutationFn: (body: ApiRequestBody<'/api/orders/verify-pickup', 'post'>) =>
      call.post('/api/orders/verify-pickup', { body }),
    onSuccess,
  });
}

/** 完成: a picked-up order is closed. */
export function useCompleteOrder() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => call.post('/api/orders/{id}/complete', { params: { id } }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
