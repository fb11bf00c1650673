import { randomBytes } from 'node:crypto';
import { ordersError } from '../orders.errors.js';
import type { PaymentProvider } from './payment-provider.js';

/**
 * 线下收款: cash at pickup or a bank / WeChat transfer outside the system. Nothing is called; the
 * operator records what happened. A payment needs the operator's reference (the transfer's serial
 * number, or "cash" and a receipt number). A refund takes one when there is one; cash handed back
 * has none, so the provider numbers it (OFFLINE-R-…) and the record still names who gave it and why.
 */
export const offlineProvider: PaymentProvider = {
  name: 'offline',
  label: { zh: '线下收款', en: 'Offline' },
  testOnly: false,
  operatorReference: true,
  async pay(request) {
    const reference = request.reference?.trim();
    if (!reference) throw ordersError('orders.payment_reference_required', { field: 'body.reference' });
    return { reference };
  },
  async refund(request) {
    const reference = request.reference?.trim();
    return { reference: reference || `OFFLINE-R-${randomBytes(5).toString('hex').toUpperCase()}` };
  },
};
