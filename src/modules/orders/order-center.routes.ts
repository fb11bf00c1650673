import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import { formatLocalDay } from '../../platform/business-time.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { streamedExportAudit } from '../../platform/http/export-audit.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import { type ExportSheet, xlsxWorkbookExport } from '../../platform/http/xlsx-export.js';
import { attachment, XLSX_MIME, XlsxFile } from '../../platform/http/xlsx-response.js';
import { regionScopeOf } from '../leaders/index.js';
import { listBags } from './order-bags.service.js';
import {
  countsInTotal,
  lineTotalLabel,
  ORDER_EXPORT_PAGE,
  orderExportColumns,
  orderLineExportColumns,
  orderTotalLabel,
} from './order-export.js';
import {
  completeOrder,
  deliverToPickupPoint,
  shipCampaign,
  verifyPickup,
} from './order-fulfilment.service.js';
import { cancelOrder, markPaid } from './order-lifecycle.service.js';
import {
  getOrderDetail,
  listOrders,
  type OrderExportRow,
  type OrderLineExportRow,
  orderExportPages,
  orderLineExportPages,
} from './orders.queries.js';
import { RefundSchema, refundsRoutes } from './refunds.routes.js';

// Spelled out so the type provider keeps the literal union (a mapped array widens to never).
const Status = Type.Union([
  Type.Literal('on_hold'),
  Type.Literal('pending_payment'),
  Type.Literal('paid'),
  Type.Literal('confirmed'),
  Type.Literal('shipped'),
  Type.Literal('delivered'),
  Type.Literal('picked_up'),
  Type.Literal('completed'),
  Type.Literal('cancelled'),
  Type.Literal('refunded'),
]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const OrderListItem = Type.Object({
  id: Type.String(),
  status: Status,
  campaignId: Type.String(),
  campaignName: Type.String(),
  leaderId: Type.String(),
  leaderName: Type.String(),
  leaderCode: Type.String(),
  pickupPointId: Type.String(),
  pickupPointName: Type.String(),
  customerName: Nullable(Type.String()),
  phoneMasked: Type.String(),
  totalFen: Type.Integer(),
  itemCount: Type.Integer(),
  placedAt: Type.String(),
  paymentDueAt: Type.String(),
});

const OrderDetail = Type.Intersect([
  OrderListItem,
  Type.Object({
    pickupCode: Type.String(),
    lines: Type.Array(
      Type.Object({
        id: Type.String(),
        productName: Type.String(),
        spec: Type.String(),
        skuCode: Type.String(),
        campaignItemId: Type.String(),
        skuId: Type.String(),
        warehouseId: Type.String(),
        quantity: Type.Integer(),
        unitPriceFen: Type.Integer(),
        amountFen: Type.Integer(),
        refundedQuantity: Type.Integer(),
      }),
    ),
    refunds: Type.Array(RefundSchema),
    payments: Type.Array(
      Type.Object({
        id: Type.String(),
        provider: Type.String(),
        amountFen: Type.Integer(),
        reference: Type.String(),
        paidAt: Type.String(),
      }),
    ),
    timeline: Type.Array(
      Type.Object({
        fromStatus: Nullable(Type.String()),
        toStatus: Type.String(),
        at: Type.String(),
        actorName: Nullable(Type.String()),
        note: Nullable(Type.String()),
      }),
    ),
  }),
]);

const OrderFilter = Type.Object({
  campaignId: Type.Optional(Type.String({ maxLength: 64 })),
  leaderId: Type.Optional(Type.String({ maxLength: 64 })),
  status: Type.Optional(Status),
  phone: Type.Optional(Type.String({ maxLength: 32 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
});

const P = PERMISSIONS;
const Changed = { 204: Type.Null(), 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors };

/** The console's order center (订单中心) and the customer's own actions on an order. */
export const orderCenterRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(refundsRoutes, { deps });
  app.get(
    '/api/orders',
    {
      config: { access: { permission: P.ordersRead } },
      schema: {
        tags: ['orders'],
        summary: 'Orders, newest first, by campaign, leader, status, date or phone (订单列表)',
        querystring: Type.Object({ ...OrderFilter.properties, ...PageQuery }),
        response: {
          200: Type.Object({ items: Type.Array(OrderListItem), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    async (req) => {
      const { from, to, ...rest } = req.query;
      return listOrders(deps.db, deps.crypto, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        regionScope: await regionScopeOf(deps.db, req.auth?.user),
      });
    },
  );

  app.get(
    '/api/orders/export',
    {
      config: { access: { permission: P.ordersRead } },
      schema: {
        tags: ['orders'],
        summary: 'The filtered order list as xlsx, every matching order, streamed (导出订单)',
        querystring: OrderFilter,
        response: { 200: XlsxFile, 429: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => {
      const { from, to, ...rest } = req.query;
      const filter = {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
        regionScope: await regionScopeOf(deps.db, req.auth?.user),
      };
      const tz = deps.config.businessTimeZone;
      const ordersSheet: ExportSheet<OrderExportRow> = {
        name: '订单 Orders',
        columns: orderExportColumns(tz),
        pages: orderExportPages(deps.crypto, filter, ORDER_EXPORT_PAGE),
        counts: countsInTotal,
        totalLabel: orderTotalLabel,
      };
      const linesSheet: ExportSheet<OrderLineExportRow> = {
        name: '商品明细 Lines',
        columns: orderLineExportColumns(tz),
        pages: orderLineExportPages(deps.crypto, filter, ORDER_EXPORT_PAGE),
        counts: countsInTotal,
        totalLabel: lineTotalLabel,
      };
      // The business day, as the console shows it: an export at 07:00 in Shanghai is named today.
      const day = formatLocalDay(deps.clock.now(), tz);
      // Customers' names and numbers leave the system: on record before the first byte is sent.
      const audit = streamedExportAudit(deps, actorOf(req), {
        action: 'order.exported',
        entityType: 'order',
        filter: req.query,
      });
      const body = xlsxWorkbookExport(deps.db, [ordersSheet, linesSheet], req.log, {
        onFinished: audit.onFinished,
      });
      // The filter has met the database before the 200 goes out: a refusal is an error answer.
      await body.started;
      await audit.start().catch((err: unknown) => {
        body.destroy();
        throw err;
      });
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`orders-${day}.xlsx`, `订单-${day}.xlsx`))
        .send(body);
    },
  );

  app.get(
    '/api/orders/bags',
    {
      config: { access: { permission: P.ordersRead } },
      schema: {
        tags: ['orders'],
        summary:
          'A pickup point’s paid orders not yet handed over for a delivery day, merged per customer into bags (合单)',
        querystring: Type.Object({
          pickupPointId: Type.String({ minLength: 1, maxLength: 64 }),
          deliveryDate: Type.String({ format: 'date' }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                customerId: Type.String(),
                customerName: Nullable(Type.String()),
                phoneMasked: Type.String(),
                pickupPointId: Type.String(),
                deliveryDate: Type.String(),
                orderIds: Type.Array(Type.String()),
                pickupCodes: Type.Array(Type.String()),
                items: Type.Array(
                  Type.Object({ skuId: Type.String(), label: Type.String(), quantity: Type.Integer() }),
                ),
                units: Type.Integer(),
              }),
            ),
          }),
          ...standardErrors,
        },
      },
    },
    async (req) => listBags(deps.db, deps.crypto, req.query, await regionScopeOf(deps.db, req.auth?.user)),
  );

  app.get(
    '/api/orders/:id',
    {
      config: { access: { permission: P.ordersRead } },
      schema: {
        tags: ['orders'],
        summary: 'One order with lines, payments and timeline (订单详情)',
        params: IdParams,
        response: { 200: OrderDetail, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) =>
      getOrderDetail(deps.db, deps.crypto, req.params.id, await regionScopeOf(deps.db, req.auth?.user)),
  );

  app.post(
    '/api/orders/:id/mark-paid',
    {
      config: { access: { permission: P.ordersWrite } },
      schema: {
        tags: ['orders'],
        summary: 'Record an offline payment (cash at pickup, transfer) with its reference (线下收款)',
        params: IdParams,
        body: Type.Object(
          { reference: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: Changed,
      },
    },
    async (req, reply) => {
      await markPaid(deps, actorOf(req), req.params.id, {
        provider: 'offline',
        reference: req.body.reference,
      });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/orders/:id/cancel',
    {
      config: { access: { permission: P.ordersWrite } },
      schema: {
        tags: ['orders'],
        summary: 'Cancel an order as an operator, with a reason; unshipped goods return to stock (取消订单)',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 200 }) },
          { additionalProperties: false },
        ),
        response: Changed,
      },
    },
    async (req, reply) => {
      await cancelOrder(deps, actorOf(req), req.params.id, { by: 'operator', reason: req.body.reason });
      return reply.status(204).send(null);
    },
  );

  // Fulfilment: a campaign leaves the warehouse, arrives at each pickup point, is picked up.
  const countOf = (name: string) => Type.Object({ [name]: Type.Integer() });
  app.post(
    '/api/orders/ship',
    {
      config: { access: { permission: P.ordersWrite } },
      schema: {
        tags: ['orders'],
        summary: 'Ship every confirmed order of a campaign; stock leaves the warehouse (发货)',
        body: Type.Object(
          { campaignId: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: { 200: countOf('shipped'), 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => shipCampaign(deps, actorOf(req), req.body.campaignId),
  );

  app.post(
    '/api/orders/deliver',
    {
      config: { access: { permission: P.ordersWrite } },
      schema: {
        tags: ['orders'],
        summary: 'The shipped orders of a campaign arrived at a pickup point (到货签收)',
        body: Type.Object(
          {
            campaignId: Type.String({ minLength: 1, maxLength: 64 }),
            pickupPointId: Type.String({ minLength: 1, maxLength: 64 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: countOf('delivered'), 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => deliverToPickupPoint(deps, actorOf(req), req.body),
  );

  app.post(
    '/api/orders/verify-pickup',
    {
      config: { access: { permission: P.ordersPickup } },
      schema: {
        tags: ['orders'],
        summary: 'Verify a pickup code at a pickup point; a leader only at their own (核销提货码)',
        body: Type.Object(
          {
            pickupPointId: Type.String({ minLength: 1, maxLength: 64 }),
            pickupCode: Type.String({ pattern: '^\\d{6}$' }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ orderIds: Type.Array(Type.String()) }), ...standardErrors },
      },
    },
    (req) => {
      const user = req.auth?.user;
      // Staff who may change orders verify anywhere; a leader only at a pickup point they host.
      const leaderUserId = user && !user.permissions.includes(P.ordersWrite) ? user.id : null;
      return verifyPickup(deps, actorOf(req), { ...req.body, leaderUserId });
    },
  );

  app.post(
    '/api/orders/:id/complete',
    {
      config: { access: { permission: P.ordersWrite } },
      schema: {
        tags: ['orders'],
        summary: 'Close a picked-up order (完成)',
        params: IdParams,
        response: Changed,
      },
    },
    async (req, reply) => {
      await completeOrder(deps, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  // The customer's own actions: public routes, the phone number proves the order is theirs. The
  // sandbox payment is in payments/payments.routes.ts: it exists only when turned on.
  const CustomerBody = Type.Object(
    { phone: Type.String({ minLength: 1, maxLength: 32 }) },
    { additionalProperties: false },
  );
  app.post(
    '/api/orders/:id/customer-cancel',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['orders'],
        summary: 'The customer cancels before paying (用户取消)',
        params: IdParams,
        body: CustomerBody,
        response: Changed,
      },
    },
    async (req, reply) => {
      await cancelOrder(deps, { ...actorOf(req), actorName: 'customer' }, req.params.id, {
        by: 'customer',
        reason: 'cancelled by the customer',
        phone: req.body.phone,
      });
      return reply.status(204).send(null);
    },
  );
};
