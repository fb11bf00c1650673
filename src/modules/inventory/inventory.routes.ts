import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import { listMovements, listStockLevels } from './stock.queries.js';
import { adjustStock, receiveStock, setThreshold } from './stock.service.js';

const P = PERMISSIONS;
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Id = Type.String({ minLength: 1, maxLength: 64 });
/** Quantities stay far inside PostgreSQL's bigint and JavaScript's safe integers. */
const MAX_QTY = 1_000_000_000;

const SkuFields = {
  skuId: Type.String(),
  skuCode: Nullable(Type.String()),
  spec: Nullable(Type.String()),
  productName: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  warehouseId: Type.String(),
  warehouseCode: Type.String(),
  warehouseName: Type.String(),
};

const StockLevelSchema = Type.Object({
  ...SkuFields,
  onHand: Type.Integer(),
  allocated: Type.Integer(),
  available: Type.Integer(),
  lowStockThreshold: Type.Integer(),
  lowStock: Type.Boolean(),
  updatedAt: Type.String(),
});

const MovementKind = Type.Union([
  Type.Literal('receipt'),
  Type.Literal('adjustment'),
  Type.Literal('allocation'),
  Type.Literal('release'),
  Type.Literal('shipment'),
]);

const MovementSchema = Type.Object({
  id: Type.String(),
  ...SkuFields,
  kind: MovementKind,
  quantity: Type.Integer(),
  reason: Nullable(Type.String()),
  actorId: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  referenceType: Nullable(Type.String()),
  referenceId: Nullable(Type.String()),
  onHandAfter: Type.Integer(),
  allocatedAfter: Type.Integer(),
  availableAfter: Type.Integer(),
  createdAt: Type.String(),
});

const LevelStateSchema = Type.Object({
  skuId: Type.String(),
  warehouseId: Type.String(),
  onHand: Type.Integer(),
  allocated: Type.Integer(),
  available: Type.Integer(),
  lowStockThreshold: Type.Integer(),
});

const ChangeSchema = Type.Object({ level: LevelStateSchema, movementId: Type.String() });
const Reason = Type.String({ minLength: 1, maxLength: 200 });

/** The inventory HTTP API; every route declares its permission in config.access. */
export const inventoryRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/stock-levels',
    {
      config: { access: { permission: P.inventoryRead } },
      schema: {
        tags: ['inventory'],
        summary: 'Stock levels per SKU and warehouse (库存)',
        querystring: Type.Object({
          warehouseId: Type.Optional(Id),
          skuId: Type.Optional(Type.Array(Id, { maxItems: 200, description: 'repeat for several SKUs' })),
          lowStock: Type.Optional(Type.Boolean({ description: 'only levels below their threshold' })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(StockLevelSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listStockLevels(deps.db, req.query),
  );

  app.get(
    '/api/stock-movements',
    {
      config: { access: { permission: P.inventoryRead } },
      schema: {
        tags: ['inventory'],
        summary: 'Stock movements, newest first (库存流水)',
        querystring: Type.Object({
          skuId: Type.Optional(Id),
          warehouseId: Type.Optional(Id),
          kind: Type.Optional(MovementKind),
          referenceId: Type.Optional(Id),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(MovementSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listMovements(deps.db, req.query),
  );

  app.post(
    '/api/stock/receive',
    {
      config: { access: { permission: P.inventoryWrite } },
      schema: {
        tags: ['inventory'],
        summary: 'Receive stock into a warehouse (到货入库)',
        body: Type.Object(
          {
            skuId: Id,
            warehouseId: Id,
            quantity: Type.Integer({ minimum: 1, maximum: MAX_QTY }),
            reason: Type.Optional(Type.String({ maxLength: 200 })),
            referenceType: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
            referenceId: Type.Optional(Id),
          },
          { additionalProperties: false },
        ),
        response: { 201: ChangeSchema, 422: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await receiveStock(deps, actorOf(req), req.body)),
  );

  app.post(
    '/api/stock/adjust',
    {
      config: { access: { permission: P.inventoryWrite } },
      schema: {
        tags: ['inventory'],
        summary: 'Adjust on hand after a stock count, with a reason (盘点调整)',
        body: Type.Object(
          {
            skuId: Id,
            warehouseId: Id,
            quantity: Type.Integer({
              minimum: -MAX_QTY,
              maximum: MAX_QTY,
              description: 'signed change of on hand, not 0',
            }),
            reason: Reason,
          },
          { additionalProperties: false },
        ),
        response: { 201: ChangeSchema, 422: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await adjustStock(deps, actorOf(req), req.body)),
  );

  app.patch(
    '/api/stock-levels/:skuId/:warehouseId',
    {
      config: { access: { permission: P.inventoryWrite } },
      schema: {
        tags: ['inventory'],
        summary: 'Set the low-stock threshold of a SKU in a warehouse (库存预警阈值)',
        params: Type.Object({ skuId: Id, warehouseId: Id }),
        body: Type.Object(
          { lowStockThreshold: Type.Integer({ minimum: 0, maximum: MAX_QTY }) },
          { additionalProperties: false },
        ),
        response: { 200: LevelStateSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => setThreshold(deps, actorOf(req), { ...req.params, ...req.body }),
  );
};
