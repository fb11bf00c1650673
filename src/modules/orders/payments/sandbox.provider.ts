import { randomBytes } from 'node:crypto';
import { ordersError } from '../orders.errors.js';
import type { PaymentProvider } from './payment-provider.js';

const reference = (prefix: string) => `${prefix}-${randomBytes(6).toString('hex').toUpperCase()}`;

/**
 * 沙箱支付 (测试): for demos and tests only. No money moves: a payment or a refund succeeds at once
 * under a generated reference that says SANDBOX. A reference typed by a person is refused, so nobody
 * mistakes a sandbox record for a real transfer.
 */
export const sandboxProvider: PaymentProvider = {
  name: 'sandbox',
  label: { zh: '沙箱支付（测试，不产生真实资金）', en: 'Sandbox (test only, no real money)' },
  testOnly: true,
  operatorReference: false,
  async pay(request) {
    if (request.reference !== null)
      throw ordersError('orders.reference_not_accepted', { field: 'body.reference' });
    return { reference: reference('SANDBOX') };
  },
  async refund(request) {
    if (request.reference !== null)
      throw ordersError('orders.reference_not_accepted', { field: 'body.reference' });
    return { reference: reference('SANDBOX-R') };
  },
};
