import type { Fen } from '../../../platform/money.js';
import type { PaymentProviderName } from '../orders.tables.js';

/** What the order center asks a provider to collect: the whole order's amount, priced by the server. */
export interface PayRequest {
  orderId: string;
  amountFen: Fen;
  /** The reference an operator typed (offline); null when the provider makes its own. */
  reference: string | null;
}

/** Money back for part or all of a paid order. */
export interface RefundRequest {
  orderId: string;
  /** Our refund's id: a provider that talks to a payment network sends it as its refund number. */
  refundId: string;
  amountFen: Fen;
  /** The provider's reference of the payment being refunded. */
  paymentReference: string;
  reason: string;
  /** The reference an operator typed (offline); null when the provider makes its own. */
  reference: string | null;
}

/** A provider's answer: the reference under which it recorded the payment or the refund. */
export interface ProviderReceipt {
  reference: string;
}

/**
 * A way money reaches the company and goes back (支付渠道). The order center calls a provider inside
 * the transaction that records the payment or refund, after the order row is locked, so a provider
 * either answers (and the record is written with its reference) or throws a DomainError (and nothing is
 * written). Offline and sandbox answer at once. A provider that talks to a payment network (WeChat Pay,
 * to come) is a new file implementing this interface, registered in `providers.ts`: it should keep
 * its network call short and idempotent on `refundId` / `orderId`, since a transaction that fails
 * after the call is retried under the same ids.
 */
export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** How the console and the timeline name the provider. */
  readonly label: { zh: string; en: string };
  /** True for a provider that moves no real money (demos and tests); the pages say so. */
  readonly testOnly: boolean;
  /** True when the operator types the reference (a transfer's serial number); false when the provider makes it. */
  readonly operatorReference: boolean;
  pay(request: PayRequest): Promise<ProviderReceipt>;
  refund(request: RefundRequest): Promise<ProviderReceipt>;
}
