import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { standardErrors } from '../../platform/http/schemas.js';
import { listRegions } from './regions.service.js';

export const regionsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/regions',
    {
      config: { access: { permission: PERMISSIONS.regionsRead } },
      schema: {
        tags: ['leaders'],
        summary: 'Regions (区域)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                code: Type.String(),
                name: Type.String(),
                parentId: Type.Union([Type.String(), Type.Null()]),
                level: Type.String(),
                sortOrder: Type.Integer(),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...standardErrors,
        },
      },
    },
    () => listRegions(deps.db),
  );
};
