import type { PaymentProviderName } from '../orders.tables.js';
import { offlineProvider } from './offline.provider.js';
import type { PaymentProvider } from './payment-provider.js';
import { sandboxProvider } from './sandbox.provider.js';

/**
 * The built-in providers by name. A new provider (WeChat Pay) is one file implementing
 * `PaymentProvider`, its name added to `PAYMENT_PROVIDERS` in orders.tables.ts, and one line here;
 * the Record type makes the compiler ask for that line.
 */
const PROVIDERS: Record<PaymentProviderName, PaymentProvider> = {
  offline: offlineProvider,
  sandbox: sandboxProvider,
};

export function paymentProvider(name: PaymentProviderName): PaymentProvider {
  return PROVIDERS[name];
}

export function paymentProviders(): readonly PaymentProvider[] {
  return Object.values(PROVIDERS);
}
