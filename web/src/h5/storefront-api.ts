import { apiRequest } from '../api';

/** What the share-link page shows (GET /api/storefront/campaigns/:id?leader=CODE). */
export interface StorefrontView {
  campaign: {
    id: string;
    name: string;
    coverUrl: string;
    description: string;
    startsAt: string;
    cutoffAt: string;
    deliveryDate: string;
    state: string;
    openForOrders: boolean;
    serverNow: string;
  };
  leader: { name: string; code: string };
  pickupPoints: Array<{ id: string; name: string; address: string; openingHours: string }>;
  items: StorefrontItem[];
}

export interface StorefrontItem {
  itemId: string;
  productName: string;
  spec: string;
  unit: string;
  image: string | null;
  priceFen: number;
  listPriceFen: number;
  perCustomerLimit: number;
  remaining: number;
}

export interface PlacedOrder {
  id: string;
  status: string;
  campaignId: string;
  pickupPointId: string;
  totalFen: number;
  itemCount: number;
  pickupCode: string;
  placedAt: string;
  paymentDueAt: string;
}

export interface MyOrder {
  id: string;
  campaignId: string;
  campaignName: string;
  status: string;
  totalFen: number;
  itemCount: number;
  pickupCode: string;
  pickupPointName: string;
  pickupPointAddress: string;
  placedAt: string;
  paymentDueAt: string;
  lines: Array<{
    productName: string;
    spec: string;
    quantity: number;
    unitPriceFen: number;
    amountFen: number;
  }>;
}

export interface PlaceOrderInput {
  campaignId: string;
  leaderCode: string;
  pickupPointId: string;
  customer: { phone: string; name?: string };
  items: Array<{ itemId: string; quantity: number }>;
}

/**
 * A public JSON call through the console's client: no session is needed, and a 401 must not send a
 * customer to the console's login page.
 */
function call<T>(
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  return apiRequest<T>(method, path, { body, headers, allowUnauthenticated: true });
}

export const storefrontApi = {
  campaign: (campaignId: string, leader: string) =>
    call<StorefrontView>(
      'GET',
      `/api/storefront/campaigns/${encodeURIComponent(campaignId)}?leader=${encodeURIComponent(leader)}`,
    ),
  placeOrder: (input: PlaceOrderInput, idempotencyKey: string) =>
    call<{ order: PlacedOrder }>('POST', '/api/orders', input, { 'idempotency-key': idempotencyKey }),
  myOrders: (phone: string, pickupCode: string) =>
    call<{ items: MyOrder[] }>('POST', '/api/storefront/my-orders', { phone, pickupCode }),
  /** Whether the sandbox payment is on (PAYMENT_SANDBOX); when off its route does not exist. */
  paymentOptions: () => call<{ sandbox: boolean }>('GET', '/api/storefront/payment-options'),
  sandboxPay: (orderId: string, phone: string) =>
    call<void>('POST', `/api/orders/${encodeURIComponent(orderId)}/sandbox-pay`, { phone }),
  cancel: (orderId: string, phone: string) =>
    call<void>('POST', `/api/orders/${encodeURIComponent(orderId)}/customer-cancel`, { phone }),
};
