import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import type { Deps } from '../../../platform/deps.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import {
  assignRegionManager,
  listRegionManagerCandidates,
  listRegionManagers,
  removeRegionManager,
  updateRegionManager,
} from './region-managers.service.js';
import { regionScopeOf } from './region-scope.js';
import { createRegion, regionOverview, updateRegion } from './region-tree.service.js';

const P = PERMISSIONS;
const tags = ['leaders'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors };

const Level = Type.Union([
  Type.Literal('province'),
  Type.Literal('city'),
  Type.Literal('district'),
  Type.Literal('area'),
]);
const Code = Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' });
const Name = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Weight = Type.Integer({ minimum: 1, maximum: 1_000_000 });

const RegionSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  parentId: Nullable(Type.String()),
  level: Level,
  sortOrder: Type.Integer(),
  createdAt: Type.String(),
});

const ManagerList = Type.Object({
  items: Type.Array(
    Type.Object({
      regionId: Type.String(),
      userId: Type.String(),
      username: Type.String(),
      displayName: Type.String(),
      leaderId: Nullable(Type.String()),
      leaderName: Nullable(Type.String()),
      leaderCode: Nullable(Type.String()),
      weight: Type.Integer(),
      shareBps: Type.Integer(),
      createdAt: Type.String(),
    }),
  ),
});

const ManagerParams = Type.Object({ id: Id, userId: Id });

/** Region hierarchy editing (区域管理) and region managers (区域经理). */
export const regionsAdminRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/regions/overview',
    {
      config: { access: { permission: P.regionsRead } },
      schema: {
        tags,
        summary: 'Regions with leader and pickup point counts and managers, for the region tree (区域树)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...RegionSchema.properties,
                leaderCount: Type.Integer(),
                pickupPointCount: Type.Integer(),
                managers: Type.Array(
                  Type.Object({
                    userId: Type.String(),
                    username: Type.String(),
                    displayName: Type.String(),
                    weight: Type.Integer(),
                  }),
                ),
              }),
            ),
          }),
          ...standardErrors,
        },
      },
    },
    async (req) => regionOverview(deps.db, await regionScopeOf(deps.db, req.auth?.user)),
  );

  app.post(
    '/api/regions',
    {
      config: { access: { permission: P.leadersManage } },
      schema: {
        tags,
        summary: 'Create a region (新建区域)',
        body: Type.Object(
          {
            code: Code,
            name: Name,
            parentId: Type.Optional(Nullable(Id)),
            level: Level,
            sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: RegionSchema, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createRegion(deps, actorOf(req), req.body)),
  );

  app.patch(
    '/api/regions/:id',
    {
      config: { access: { permission: P.leadersManage } },
      schema: {
        tags,
        summary: 'Edit a region; a new parentId moves it with everything below it (编辑 / 移动区域)',
        params: IdParams,
        body: Type.Object(
          {
            code: Type.Optional(Code),
            name: Type.Optional(Name),
            parentId: Type.Optional(Nullable(Id)),
            level: Type.Optional(Level),
            sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: RegionSchema, ...writeErrors },
      },
    },
    (req) => updateRegion(deps, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/regions/:id/managers',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'The managers of a region with their weights and dividend shares (区域经理)',
        params: IdParams,
        response: { 200: ManagerList, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => listRegionManagers(deps.db, req.params.id),
  );

  app.get(
    '/api/region-manager-candidates',
    {
      config: { access: { permission: P.leadersAdmin } },
      schema: {
        tags,
        summary: 'Active logins with the region_manager role, for assigning (可选区域经理账号)',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String() }),
            ),
          }),
          ...standardErrors,
        },
      },
    },
    () => listRegionManagerCandidates(deps.db),
  );

  app.post(
    '/api/regions/:id/managers',
    {
      config: { access: { permission: P.leadersAdmin } },
      schema: {
        tags,
        summary: 'Make a region_manager login a manager of this region, with a weight (指派区域经理)',
        params: IdParams,
        body: Type.Object(
          { userId: Id, weight: Type.Optional(Weight), leaderId: Type.Optional(Nullable(Id)) },
          { additionalProperties: false },
        ),
        response: { 201: ManagerList, ...writeErrors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await assignRegionManager(deps, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/regions/:id/managers/:userId',
    {
      config: { access: { permission: P.leadersAdmin } },
      schema: {
        tags,
        summary: 'Change a region manager’s weight or linked leader (调整区域经理)',
        params: ManagerParams,
        body: Type.Object(
          { weight: Type.Optional(Weight), leaderId: Type.Optional(Nullable(Id)) },
          { additionalProperties: false },
        ),
        response: { 200: ManagerList, ...writeErrors },
      },
    },
    (req) => updateRegionManager(deps, actorOf(req), req.params.id, req.params.userId, req.body),
  );

  app.post(
    '/api/regions/:id/managers/:userId/remove',
    {
      config: { access: { permission: P.leadersAdmin } },
      schema: {
        tags,
        summary: 'Remove a manager from a region (移除区域经理)',
        params: ManagerParams,
        body: Type.Object(
          { reason: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: ManagerList, ...writeErrors },
      },
    },
    (req) =>
      removeRegionManager(
        deps,
        actorOf(req),
        req.params.id,
        req.params.userId,
        req.body.reason?.trim() || undefined,
      ),
  );
};
