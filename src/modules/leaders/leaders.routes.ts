import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import {
  LeaderCreateBody,
  LeaderDetailSchema,
  LeaderPatchBody,
  LeaderSummarySchema,
  PickupPointBody,
  PickupPointListItemSchema,
  PickupPointPatchBody,
  PickupPointSchema,
  PickupPointStatusSchema,
  ReasonBody,
} from './leaders.schema.js';
import { createLeader, setLeaderStatus, updateLeader } from './leaders.service.js';
import { getLeaderDetail, listLeaders, listPickupPoints } from './leaders-console.queries.js';
import { LeaderListFilter } from './network/leader-list.schema.js';
import { createPickupPoint, setPickupPointStatus, updatePickupPoint } from './pickup-points.service.js';
import { regionScopeOf } from './regions/region-scope.js';

const P = PERMISSIONS;
const tags = ['leaders'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors };

/** The leaders and pickup points HTTP API (团长 / 自提点); every route declares its permission. */
export const leadersRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/leaders',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'List leaders (团长列表); phones masked',
        querystring: Type.Object({ ...LeaderListFilter.properties, ...PageQuery }),
        response: {
          200: Type.Object({ items: Type.Array(LeaderSummarySchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    async (req) =>
      listLeaders(deps.db, deps.crypto, {
        ...req.query,
        regionScope: await regionScopeOf(deps.db, req.auth?.user),
      }),
  );

  app.get(
    '/api/leaders/:id',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'One leader with their pickup points (团长详情)',
        params: IdParams,
        response: { 200: LeaderDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) =>
      getLeaderDetail(deps.db, deps.crypto, req.params.id, await regionScopeOf(deps.db, req.auth?.user)),
  );

  app.post(
    '/api/leaders',
    {
      config: { access: { permission: P.leadersWrite } },
      schema: {
        tags,
        summary: 'Create a leader with their first pickup point (新建团长)',
        body: LeaderCreateBody,
        response: { 201: LeaderDetailSchema, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createLeader(deps, actorOf(req), req.body)),
  );

  app.patch(
    '/api/leaders/:id',
    {
      config: { access: { permission: P.leadersWrite } },
      schema: {
        tags,
        summary: 'Change a leader’s name, phone, region or login (编辑团长)',
        params: IdParams,
        body: LeaderPatchBody,
        response: { 200: LeaderDetailSchema, ...writeErrors },
      },
    },
    (req) => updateLeader(deps, actorOf(req), req.params.id, req.body),
  );

  for (const [path, status, summary] of [
    ['suspend', 'suspended', 'Suspend a leader: their code stops taking orders (停用团长)'],
    ['activate', 'active', 'Activate a suspended leader again (启用团长)'],
  ] as const) {
    app.post(
      `/api/leaders/:id/${path}`,
      {
        config: { access: { permission: P.leadersWrite } },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ReasonBody,
          response: { 200: LeaderDetailSchema, ...writeErrors },
        },
      },
      (req) =>
        setLeaderStatus(deps, actorOf(req), req.params.id, status, req.body.reason?.trim() || undefined),
    );
  }

  app.get(
    '/api/pickup-points',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'List pickup points with their leader (自提点列表)',
        querystring: Type.Object({
          leaderId: Type.Optional(Type.String({ maxLength: 64 })),
          status: Type.Optional(PickupPointStatusSchema),
          q: Type.Optional(Type.String({ maxLength: 64 })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(PickupPointListItemSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    async (req) =>
      listPickupPoints(deps.db, { ...req.query, regionScope: await regionScopeOf(deps.db, req.auth?.user) }),
  );

  app.post(
    '/api/leaders/:id/pickup-points',
    {
      config: { access: { permission: P.leadersWrite } },
      schema: {
        tags,
        summary: 'Add a pickup point to a leader (新增自提点)',
        params: IdParams,
        body: PickupPointBody,
        response: { 201: PickupPointSchema, ...writeErrors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await createPickupPoint(deps, actorOf(req), req.params.id, req.body)),
  );

  app.patch(
    '/api/pickup-points/:id',
    {
      config: { access: { permission: P.leadersWrite } },
      schema: {
        tags,
        summary: 'Edit a pickup point (编辑自提点)',
        params: IdParams,
        body: PickupPointPatchBody,
        response: { 200: PickupPointSchema, ...writeErrors },
      },
    },
    (req) => updatePickupPoint(deps, actorOf(req), req.params.id, req.body),
  );

  for (const [path, status, summary] of [
    ['close', 'closed', 'Close a pickup point: no new orders may choose it (关闭自提点)'],
    ['reopen', 'active', 'Open a closed pickup point again (重新开放自提点)'],
  ] as const) {
    app.post(
      `/api/pickup-points/:id/${path}`,
      {
        config: { access: { permission: P.leadersWrite } },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ReasonBody,
          response: { 200: PickupPointSchema, ...writeErrors },
        },
      },
      (req) =>
        setPickupPointStatus(deps, actorOf(req), req.params.id, status, req.body.reason?.trim() || undefined),
    );
  }
};
