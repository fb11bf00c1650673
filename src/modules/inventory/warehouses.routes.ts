import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { asc } from 'drizzle-orm';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { standardErrors } from '../../platform/http/schemas.js';
import { warehouses } from './inventory.tables.js';

export const warehousesRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/warehouses',
    {
      config: { access: { permission: PERMISSIONS.warehousesRead } },
      schema: {
        tags: ['inventory'],
        summary: 'Warehouses (仓库)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                code: Type.String(),
                name: Type.String(),
                address: Type.String(),
                regionId: Type.Union([Type.String(), Type.Null()]),
                status: Type.String(),
              }),
            ),
          }),
          ...standardErrors,
        },
      },
    },
    async () => ({ items: await deps.db.select().from(warehouses).orderBy(asc(warehouses.code)) }),
  );
};
