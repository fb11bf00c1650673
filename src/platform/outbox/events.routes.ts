import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../auth/rbac.js';
import type { Deps } from '../deps.js';
import { PageQuery, standardErrors } from '../http/schemas.js';
import { listEvents } from './outbox.queries.js';

const DeliveryStatus = Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('dead')]);

export const eventsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/events',
    {
      config: { access: { permission: PERMISSIONS.eventsRead } },
      schema: {
        tags: ['events'],
        summary: 'Outbox events and their deliveries (事件发件箱)',
        querystring: Type.Object({
          type: Type.Optional(Type.String({ maxLength: 64 })),
          status: Type.Optional(DeliveryStatus),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                type: Type.String(),
                aggregateType: Type.String(),
                aggregateId: Type.String(),
                payload: Type.Unknown(),
                requestId: Type.Union([Type.String(), Type.Null()]),
                createdAt: Type.String(),
                deliveries: Type.Array(
                  Type.Object({
                    subscriber: Type.String(),
                    status: DeliveryStatus,
                    attempts: Type.Integer(),
                    nextAttemptAt: Type.String(),
                    lastError: Type.Union([Type.String(), Type.Null()]),
                    deliveredAt: Type.Union([Type.String(), Type.Null()]),
                  }),
                ),
              }),
            ),
            total: Type.Integer(),
          }),
          ...standardErrors,
        },
      },
    },
    (req) => listEvents(deps.db, req.query),
  );
};
