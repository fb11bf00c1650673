import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import {
  type CustomerScopeOf,
  getCustomerDetail,
  listCustomers,
  revealCustomerPhone,
} from './customers-console.service.js';

const tags = ['customers'];

const CustomerSchema = Type.Object({
  id: Type.String(),
  /** Always masked (138****1234); the full number needs `customers.phone` and the reveal route. */
  phoneMasked: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  defaultPickupPointId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/**
 * The customers HTTP API (用户 / 团员). Phones are masked everywhere except the audited reveal route.
 * `scopeOf` limits what a user sees (a region manager: the customers of their regions' leaders).
 */
export const customersRoutes: FastifyPluginAsyncTypebox<{ deps: Deps; scopeOf: CustomerScopeOf }> = async (
  app,
  { deps, scopeOf },
) => {
  app.get(
    '/api/customers',
    {
      config: { access: { permission: PERMISSIONS.customersRead } },
      schema: {
        tags,
        summary: 'List customers (用户列表); search by full phone or name; phones masked',
        querystring: Type.Object({
          q: Type.Optional(
            Type.String({ maxLength: 64, description: 'a full phone number, or part of a name' }),
          ),
          pickupPointId: Type.Optional(Type.String({ maxLength: 64 })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(CustomerSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    async (req) => listCustomers(deps.db, deps.crypto, req.query, await scopeOf(req.auth?.user)),
  );

  app.get(
    '/api/customers/:id',
    {
      config: { access: { permission: PERMISSIONS.customersRead } },
      schema: {
        tags,
        summary: 'One customer (用户详情); phone masked',
        params: IdParams,
        response: { 200: CustomerSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) => getCustomerDetail(deps.db, deps.crypto, req.params.id, await scopeOf(req.auth?.user)),
  );

  // A POST, not a GET: reading the number writes an audit record, and a GET could be prefetched or
  // cached; the CSRF check that guards writes guards this too.
  app.post(
    '/api/customers/:id/reveal-phone',
    {
      config: { access: { permission: PERMISSIONS.customersPhone } },
      schema: {
        tags,
        summary: 'The full phone number (显示号码); audited as customer.phone_viewed',
        params: IdParams,
        response: {
          200: Type.Object({ id: Type.String(), phone: Type.String() }),
          404: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return revealCustomerPhone(deps, actorOf(req), req.params.id);
    },
  );
};
