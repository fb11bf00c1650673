import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { platformError } from '../../platform/errors.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import {
  PickupCode,
  PortalCampaignsSchema,
  PortalCustomersSchema,
  PortalDaySchema,
  PortalLevelSchema,
  PortalMeSchema,
  PortalPickupLookupSchema,
  PortalTeamSchema,
  PortalVerifyBody,
  PortalVerifySchema,
} from './portal.schema.js';
import { portalCampaigns } from './portal-campaigns.queries.js';
import { activeLeaderOfUser, leaderOfUser, portalMe } from './portal-leader.js';
import { portalCustomers, portalDayOrders, portalPickupLookup } from './portal-orders.queries.js';
import { portalVerifyPickup } from './portal-pickup.service.js';
import { portalLevel, portalTeam } from './portal-team.queries.js';

const access = { permission: PERMISSIONS.leaderPortal };
const tags = ['portal'];
const errors = { ...standardErrors, 404: ErrorBodySchema };

/**
 * The leader's own portal API (团长端, /api/portal/...). No route takes a leader id: each resolves
 * the leader from the session's user (`leaders.user_id`) and reads only that leader's rows.
 */
export const portalRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const userIdOf = (req: FastifyRequest): string => {
    if (!req.auth) throw platformError('auth.unauthenticated');
    return req.auth.user.id;
  };
  const leaderOf = (req: FastifyRequest) => activeLeaderOfUser(deps.db, userIdOf(req));

  app.get(
    '/api/portal/me',
    {
      config: { access },
      schema: {
        tags,
        summary: 'My leader profile, pickup points, share code and invite link (我的)',
        response: { 200: PortalMeSchema, ...errors },
      },
    },
    // "me" answers before the initial password is changed: it tells the page to ask for a new one.
    async (req) =>
      portalMe(deps.db, deps.crypto, await leaderOfUser(deps.db, userIdOf(req)), deps.clock.now()),
  );

  app.get(
    '/api/portal/campaigns',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Live and upcoming campaigns I may sell, each with my share link (开团)',
        response: { 200: PortalCampaignsSchema, ...errors },
      },
    },
    async (req) => portalCampaigns(deps.db, deps.clock, await leaderOf(req)),
  );

  app.get(
    '/api/portal/orders',
    {
      config: { access },
      schema: {
        tags,
        summary: 'My orders of a day (today by default) by campaign and by customer (今日订单)',
        querystring: Type.Object(
          {
            date: Type.Optional(
              Type.String({
                pattern: '^\\d{4}-\\d{2}-\\d{2}$',
                description: 'YYYY-MM-DD, business time zone',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: PortalDaySchema, ...errors },
      },
    },
    async (req) => portalDayOrders(deps.db, deps.crypto, deps.clock, await leaderOf(req), req.query.date),
  );

  app.get(
    '/api/portal/customers',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Customers who ordered through me, phones masked (我的客户)',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 64, description: 'name contains, or a full phone' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PortalCustomersSchema, ...errors },
      },
    },
    async (req) => portalCustomers(deps.db, deps.crypto, await leaderOf(req), req.query),
  );

  app.get(
    '/api/portal/pickups',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The orders with this pickup code at my pickup points, before verifying (核销预览)',
        querystring: Type.Object({ code: PickupCode }, { additionalProperties: false }),
        response: { 200: PortalPickupLookupSchema, ...errors },
      },
    },
    async (req) => portalPickupLookup(deps.db, deps.crypto, await leaderOf(req), req.query.code),
  );

  app.post(
    '/api/portal/verify-pickup',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Verify a pickup code at one of my pickup points (核销提货码)',
        body: PortalVerifyBody,
        response: { 200: PortalVerifySchema, ...errors },
      },
    },
    async (req) => portalVerifyPickup(deps, actorOf(req), await leaderOf(req), userIdOf(req), req.body),
  );

  app.get(
    '/api/portal/team',
    {
      config: { access },
      schema: {
        tags,
        summary: 'My team: size, sales, and my direct recruits with theirs (我的团队)',
        response: { 200: PortalTeamSchema, ...errors },
      },
    },
    async (req) => portalTeam(deps.db, deps.clock, await leaderOf(req)),
  );

  app.get(
    '/api/portal/level',
    {
      config: { access },
      schema: {
        tags,
        summary: 'My level, the next level’s requirements and my progress this period (我的等级)',
        response: { 200: PortalLevelSchema, ...errors },
      },
    },
    async (req) => portalLevel(deps.db, deps.clock, await leaderOf(req)),
  );
};
