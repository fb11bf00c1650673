import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../platform/http/schemas.js';
import { createWarehouse, listWarehouses, updateWarehouse } from './warehouses.service.js';

const WarehouseSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  address: Type.String(),
  regionId: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('inactive')]),
  createdAt: Type.String(),
});

const Name = Type.String({ minLength: 1, maxLength: 64, pattern: '\\S' });
const Address = Type.String({ minLength: 1, maxLength: 256, pattern: '\\S' });
const RegionId = Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]);

export const warehousesRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/warehouses',
    {
      config: { access: { permission: PERMISSIONS.warehousesRead } },
      schema: {
        tags: ['inventory'],
        summary: 'Warehouses (仓库)',
        response: { 200: Type.Object({ items: Type.Array(WarehouseSchema) }), ...standardErrors },
      },
    },
    () => listWarehouses(deps.db),
  );

  app.post(
    '/api/warehouses',
    {
      config: { access: { permission: PERMISSIONS.inventoryWrite } },
      schema: {
        tags: ['inventory'],
        summary: 'Create a warehouse (新建仓库)',
        body: Type.Object(
          {
            code: Type.String({ pattern: '^[A-Za-z0-9_-]{2,32}$', description: '2-32 letters, digits, _ -' }),
            name: Name,
            address: Address,
            regionId: Type.Optional(RegionId),
          },
          { additionalProperties: false },
        ),
        response: { 201: WarehouseSchema, 409: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createWarehouse(deps, actorOf(req), req.body)),
  );

  app.patch(
    '/api/warehouses/:id',
    {
      config: { access: { permission: PERMISSIONS.inventoryWrite } },
      schema: {
        tags: ['inventory'],
        summary: 'Change a warehouse’s name, address, region or status (修改仓库 / 停用)',
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Name),
            address: Type.Optional(Address),
            regionId: Type.Optional(RegionId),
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('inactive')])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: WarehouseSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => updateWarehouse(deps, actorOf(req), req.params.id, req.body),
  );
};
