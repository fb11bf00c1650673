import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../../platform/deps.js';
import { platformError } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import { sandboxPay } from '../order-lifecycle.service.js';

/**
 * How often the sandbox payment may be tried. Paying an order takes one call (two with a retry), so
 * five per order in ten minutes never stops a customer, while it stops anyone guessing the phone
 * number that proves an order is theirs. Per address it bounds one client walking many orders.
 */
export const SANDBOX_PAY_LIMITS = {
  perOrder: { max: 5, timeWindow: 10 * 60_000 },
  perAddress: { max: 30, timeWindow: 60_000 },
} as const;

/** What the storefront may offer for paying (the H5 order page asks before it shows a button). */
const PaymentOptions = Type.Object({
  sandbox: Type.Boolean({ description: 'the sandbox payment (沙箱支付, no money moves) is turned on' }),
});

/**
 * The customer's payment routes. The sandbox payment exists only when `PAYMENT_SANDBOX` turns it
 * on: when off, its route is not registered at all (404), so no request can reach it whatever the
 * access rules say. Both of its limits are counted before the order is read, in this process's
 * memory (@fastify/rate-limit's local store, as the login route does): with several processes the
 * limits are per process, which still bounds a guesser to a few tries a minute per process.
 */
export const paymentsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const sandboxOn = deps.config.paymentSandbox;

  app.get(
    '/api/storefront/payment-options',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['orders'],
        summary: 'How a customer can pay on the storefront (支付方式)',
        response: { 200: PaymentOptions },
      },
    },
    async () => ({ sandbox: sandboxOn }),
  );

  if (!sandboxOn) return;

  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => platformError('auth.rate_limited'),
  });
  // Two counters per request (the order and the address), so the limiter's own once-per-request
  // hook (which runs one limit only) is not used: createRateLimit only counts and answers.
  const perOrder = app.createRateLimit({
    ...SANDBOX_PAY_LIMITS.perOrder,
    keyGenerator: (req: FastifyRequest) => `order:${(req.params as { id?: string }).id ?? ''}`,
  });
  const perAddress = app.createRateLimit({
    ...SANDBOX_PAY_LIMITS.perAddress,
    keyGenerator: (req: FastifyRequest) => `address:${req.ip}`,
  });

  app.post(
    '/api/orders/:id/sandbox-pay',
    {
      config: { access: { public: true } },
      onRequest: async (req, reply) => {
        for (const limit of [perAddress, perOrder]) {
          const r = await limit(req);
          if (!r.isAllowed && r.isExceeded) {
            void reply.header('retry-after', String(r.ttlInSeconds));
            throw platformError('auth.rate_limited');
          }
        }
      },
      schema: {
        tags: ['orders'],
        summary:
          'Pay with the SANDBOX provider (only when PAYMENT_SANDBOX=true; no money moves; 5 tries per order per 10 minutes) (沙箱支付)',
        params: IdParams,
        body: Type.Object(
          { phone: Type.String({ minLength: 1, maxLength: 32 }) },
          { additionalProperties: false },
        ),
        response: {
          204: Type.Null(),
          404: ErrorBodySchema,
          409: ErrorBodySchema,
          429: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req, reply) => {
      await sandboxPay(deps, { ...actorOf(req), actorName: 'customer' }, req.params.id, req.body.phone);
      return reply.status(204).send(null);
    },
  );
};
