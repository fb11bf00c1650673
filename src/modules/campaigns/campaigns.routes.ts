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
  CampaignItemBody,
  CampaignStateSchema,
  CampaignSummarySchema,
} from './campaigns.schema.js';
import { createCampaign, updateDraftCampaign } from './campaigns.service.js';
import { campaignLiveRoutes } from './live.routes.js';
import {
  addCampaignItems,
  changeItemCap,
  changeItemPrice,
  extendCampaignCutoff,
} from './live-edits.service.js';

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

  // The changes a published campaign takes while it sells (see live-edits.service.ts).
  const ItemParams = Type.Object({
    id: IdParams.properties.id,
    itemId: Type.String({ minLength: 1, maxLength: 64 }),
  });
  app.post(
    '/api/campaigns/:id/items/:itemId/cap',
    {
      config: { access: { permission: P.campaignsWrite } },
      schema: {
        tags,
        summary: 'Raise or lower a published campaign item’s cap, not below sold (修改限量)',
        params: ItemParams,
        body: Type.Object(
          { stockCap: CampaignItemBody.properties.stockCap },
          { additionalProperties: false },
        ),
        response: { 200: CampaignDetailSchema, ...writeErrors },
      },
    },
    (req) => changeItemCap(deps, actorOf(req), req.params.id, req.params.itemId, req.body.stockCap),
  );

  app.post(
    '/api/campaigns/:id/items/:itemId/price',
    {
      config: { access: { permission: P.campaignsWrite } },
      schema: {
        tags,
        summary: 'Correct a published campaign item’s price for orders placed from now on (改价)',
        params: ItemParams,
        body: Type.Object(
          { priceFen: CampaignItemBody.properties.priceFen },
          { additionalProperties: false },
        ),
        response: { 200: CampaignDetailSchema, ...writeErrors },
      },
    },
    (req) => changeItemPrice(deps, actorOf(req), req.params.id, req.params.itemId, req.body.priceFen),
  );

  app.post(
    '/api/campaigns/:id/items',
    {
      config: { access: { permission: P.campaignsWrite } },
      schema: {
        tags,
        summary: 'Add items to a published campaign (添加商品)',
        params: IdParams,
        body: Type.Object(
          { items: Type.Array(CampaignItemBody, { minItems: 1, maxItems: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: CampaignDetailSchema, ...writeErrors },
      },
    },
    (req) => addCampaignItems(deps, actorOf(req), req.params.id, req.body.items),
  );

  app.post(
    '/api/campaigns/:id/cutoff',
    {
      config: { access: { permission: P.campaignsWrite } },
      schema: {
        tags,
        summary: 'Move a published campaign’s cutoff later (延长截单)',
        params: IdParams,
        body: Type.Object(
          {
            cutoffAt: Type.String({ format: 'date-time' }),
            endsAt: Type.Optional(Type.String({ format: 'date-time' })),
            deliveryDate: Type.Optional(Type.String({ format: 'date' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: CampaignDetailSchema, ...writeErrors },
      },
    },
    (req) =>
      extendCampaignCutoff(deps, actorOf(req), req.params.id, {
        cutoffAt: new Date(req.body.cutoffAt),
        endsAt: req.body.endsAt ? new Date(req.body.endsAt) : undefined,
        deliveryDate: req.body.deliveryDate,
      }),
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
