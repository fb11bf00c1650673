import { type ApiRequestBody, type ApiResponse, apiRequest, call as typedCall } from '../api';

/** What the share-link page shows (GET /api/storefront/campaigns/{id}?leader=CODE). */
export type StorefrontView = ApiResponse<'/api/storefront/campaigns/{id}'>;

export type StorefrontItem = StorefrontView['items'][number];

export type PlacedOrder = ApiResponse<'/api/orders', 'post'>['order'];

export type MyOrder = ApiResponse<'/api/storefront/my-orders', 'post'>['items'][number];

export type PlaceOrderInput = ApiRequestBody<'/api/orders', 'post'>;

/**
 * A public JSON call through the console's client: no session is needed, and a 401 must not send a
 * customer to the console's login page.
 */
const publicCall = { allowUnauthenticated: true } as const;

export const storefrontApi = {
  campaign: (campaignId: string, leader: string) =>
    typedCall.get('/api/storefront/campaigns/{id}', {
      ...publicCall,
      params: { id: campaignId },
      query: { leader },
    }),
  placeOrder: (input: PlaceOrderInput, idempotencyKey: string) =>
    typedCall.post('/api/orders', {
      ...publicCall,
      body: input,
      headers: { 'idempotency-key': idempotencyKey },
    }),
  myOrders: (phone: string, pickupCode: string) =>
    typedCall.post('/api/storefront/my-orders', { ...publicCall, body: { phone, pickupCode } }),
  /** Whether the sandbox payment is on (PAYMENT_SANDBOX); when off its route does not exist. */
  paymentOptions: () => typedCall.get('/api/storefront/payment-options', publicCall),
  /**
   * Not in the generated types: the OpenAPI document is the production server's, where the sandbox
   * payment is off and its route does not exist.
   */
  sandboxPay: (orderId: string, phone: string) =>
    apiRequest<void>('POST', `/api/orders/${encodeURIComponent(orderId)}/sandbox-pay`, {
      ...publicCall,
      body: { phone },
    }),
  cancel: (orderId: string, phone: string) =>
    typedCall.post('/api/orders/{id}/customer-cancel', {
      ...publicCall,
      params: { id: orderId },
      body: { phone },
    }),
};
