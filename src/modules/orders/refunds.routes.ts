import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../platform/http/schemas.js';
import { ordersError } from './orders.errors.js';
import { refundOrder } from './refunds.service.js';

/** A refund as the API shows it: on its own (the refund route) and in the order detail. */
export const RefundSchema = Type.Object({
  id: Type.String(),
  orderId: Type.String(),
  kind: Type.Union([Type.Literal('refund'), Type.Literal('cancel')]),
  provider: Type.String(),
  reference: Type.String(),
  amountFen: Type.Integer(),
  reason: Type.String(),
  fullyRefunded: Type.Boolean(),
  actorName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  lines: Type.Array(
    Type.Object({
      orderLineId: Type.String(),
      skuId: Type.String(),
      quantity: Type.Integer(),
      amountFen: Type.Integer(),
    }),
  ),
});

const RefundBody = Type.Object(
  {
    reason: Type.String({ maxLength: 200, description: 'Why the money goes back (退款原因); required' }),
    whole: Type.Optional(Type.Boolean({ description: 'true: every unit not yet refunded (整单退款)' })),
    lines: Type.Optional(
      Type.Array(
        Type.Object(
          {
            orderLineId: Type.String({ minLength: 1, maxLength: 64 }),
            // Any whole number passes the schema so that 0 and negatives get the refund's own error.
            quantity: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    reference: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'Offline refunds: the transfer’s serial number; sandbox refunds make their own',
      }),
    ),
  },
  { additionalProperties: false },
);

/** 退款: `POST /api/orders/:id/refunds`, for operators and finance (orders.refund). */
export const refundsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/api/orders/:id/refunds',
    {
      config: { access: { permission: PERMISSIONS.ordersRefund } },
      schema: {
        tags: ['orders'],
        summary:
          'Refund a paid order, whole or per line with quantities; the server prices it; needs an Idempotency-Key header (退款)',
        params: IdParams,
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: RefundBody,
        response: {
          201: Type.Object({ refund: RefundSchema }),
          404: ErrorBodySchema,
          409: ErrorBodySchema,
          422: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || key.length < 8 || key.length > 128) {
        throw ordersError('orders.idempotency_key_required', { field: 'headers.idempotency-key' });
      }
      const refund = await refundOrder(deps, actorOf(req), req.params.id, {
        idempotencyKey: key,
        reason: req.body.reason,
        whole: req.body.whole === true,
        lines: req.body.lines ?? [],
        reference: req.body.reference ?? null,
      });
      return reply.status(201).send({ refund });
    },
  );
};
