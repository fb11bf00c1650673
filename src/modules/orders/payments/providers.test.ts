import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../platform/errors.js';
import { PAYMENT_PROVIDERS } from '../orders.tables.js';
import { paymentProvider, paymentProviders } from './providers.js';

const refund = { orderId: 'ord_1', refundId: 'rfd_1', amountFen: 990, paymentReference: 'x', reason: 'r' };

describe('the payment providers', () => {
  it('has one provider per name the tables allow, each under its own name', () => {
    expect(paymentProviders().map((p) => p.name)).toEqual([...PAYMENT_PROVIDERS]);
    for (const name of PAYMENT_PROVIDERS) expect(paymentProvider(name).name).toBe(name);
  });

  it('offline: records the operator’s reference, and needs one to record a payment', async () => {
    const offline = paymentProvider('offline');
    expect(await offline.pay({ orderId: 'ord_1', amountFen: 990, reference: ' 转账 0042 ' })).toEqual({
      reference: '转账 0042',
    });
    await expect(offline.pay({ orderId: 'ord_1', amountFen: 990, reference: '  ' })).rejects.toMatchObject({
      code: 'orders.payment_reference_required',
      field: 'body.reference',
    });
    expect(await offline.refund({ ...refund, reference: 'BANK-7' })).toEqual({ reference: 'BANK-7' });
    // Cash handed back has no serial number: the provider numbers the refund.
    expect((await offline.refund({ ...refund, reference: null })).reference).toMatch(
      /^OFFLINE-R-[0-9A-F]{10}$/,
    );
    expect(offline.testOnly).toBe(false);
  });

  it('sandbox: is labelled as a test, succeeds at once with its own reference and refuses a typed one', async () => {
    const sandbox = paymentProvider('sandbox');
    expect(sandbox.testOnly).toBe(true);
    expect(sandbox.label.zh).toContain('测试');
    expect((await sandbox.pay({ orderId: 'ord_1', amountFen: 1, reference: null })).reference).toMatch(
      /^SANDBOX-[0-9A-F]{12}$/,
    );
    const a = await sandbox.refund({ ...refund, reference: null });
    const b = await sandbox.refund({ ...refund, reference: null });
    expect(a.reference).toMatch(/^SANDBOX-R-/);
    expect(a.reference).not.toBe(b.reference);
    const err = await sandbox.refund({ ...refund, reference: 'typed' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'orders.reference_not_accepted', field: 'body.reference' });
  });
});
