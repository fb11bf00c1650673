import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import { cancelCampaign, closeCampaignEarly, scheduleCampaign } from './campaign-transitions.service.js';
import type { CampaignInput } from './campaign-validation.js';
import { getCampaignDetail, listCampaigns } from './campaigns.queries.js';
import {
  CampaignBody,
  CampaignDetailSchema,
  CampaignStateSchema,
  CampaignSummarySchema,
} from './campaigns.schema.js';
import { createCampaign, updateDraftCampaign } from './campaigns.service.js';
import { campaignLiveRoutes } from './live.routes.js';

const P = PERMISSIONS;
const tags = ['campaigns'];

function toInput(body: Static<typeof CampaignBody>): CampaignInput {
  return {
    ...body,
    startsAt: new Date(body.startsAt),
    endsAt: new Date(body.endsAt),
    cutoffAt: new Date(body.cutoffAt),
  };
}

const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema, ...standardErrors };

/** The campaigns HTTP API; every route declares its permission in config.access. */
export const campaignsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(campaignLiveRoutes, { deps });
  app.get(
    '/api/campaigns',
    {
      config: { access: { permission: P.campaignsRead } },
      schema: {
        tags,
        summary: 'List campaigns (团购活动列表)',
        querystring: Type.Object({
          state: Type.Optional(CampaignStateSchema),
          q: Type.Optional(Type.String({ maxLength: 64, description: 'code or name contains' })),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(CampaignSummarySchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) =>
      listCampaigns(deps.db, {
        ...req.query,
        from: req.query.from ? new Date(req.query.from) : undefined,
        to: req.query.to ? new Date(req.query.to) : undefined,
      }),
  );

  app.get(
    '/api/campaigns/:id',
    {
      config: { access: { permission: P.campaignsRead } },
      schema: {
        tags,
        summary: 'One campaign with its items and sold / cap (活动详情)',
        params: IdParams,
        response: { 200: CampaignDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getCampaignDetail(deps.db, deps.clock, req.params.id),
  );

  app.post(
    '/api/campaigns',
    {
      config: { access: { permission: P.campaignsWrite } },
      schema: {
        tags,
        summary: 'Create a draft campaign (新建活动草稿)',
        body: CampaignBody,
        response: { 201: CampaignDetailSchema, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createCampaign(deps, actorOf(req), toInput(req.body))),
  );

  app.put(
    '/api/campaigns/:id',
    {
      config: { access: { permission: P.campaignsWrite } },
      schema: {
        tags,
        summary: 'Replace a draft’s content and items (编辑草稿)',
        params: IdParams,
        body: CampaignBody,
        response: { 200: CampaignDetailSchema, ...writeErrors },
      },
    },
    (req) => updateDraftCampaign(deps, actorOf(req), req.params.id, toInput(req.body)),
  );

  app.post(
    '/api/campaigns/:id/schedule',
    {
      config: { access: { permission: P.campaignsWrite } },
      schema: {
        tags,
        summary: 'Schedule a draft; the clock opens it at its start (发布)',
        params: IdParams,
        response: { 200: CampaignDetailSchema, ...writeErrors },
      },
    },
    (req) => scheduleCampaign(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/campaigns/:id/close',
    {
      config: { access: { permission: P.campaignsWrite } },
      schema: {
        tags,
        summary: 'Close a live campaign before its cutoff (提前截单)',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }) },
          { additionalProperties: false },
        ),
        response: { 200: CampaignDetailSchema, ...writeErrors },
      },
    },
    (req) => closeCampaignEarly(deps, actorOf(req), req.params.id, req.body.reason.trim()),
  );

  app.post(
    '/api/campaigns/:id/cancel',
    {
      config: { access: { permission: P.campaignsWrite } },
      schema: {
        tags,
        summary: 'Cancel a draft or scheduled campaign (取消活动)',
        params: IdParams,
        body: Type.Object(
          { reason: Type.Optional(Type.String({ maxLength: 500 })) },
          { additionalProperties: false },
        ),
        response: { 200: CampaignDetailSchema, ...writeErrors },
      },
    },
    (req) => cancelCampaign(deps, actorOf(req), req.params.id, req.body.reason?.trim() || undefined),
  );
};
