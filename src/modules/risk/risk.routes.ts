import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import {
  BlockBody,
  BlockKindSchema,
  BlockSchema,
  DecisionSchema,
  HoldSchema,
  HoldStatusSchema,
  OptionalReasonBody,
  PolicyBody,
  PolicySchema,
  ReasonBody,
} from './risk.schema.js';
import { approveHold, listHolds, rejectHold } from './risk-holds.service.js';
import {
  addBlock,
  getRiskPolicy,
  listBlocklist,
  removeBlock,
  updateRiskPolicy,
} from './risk-policy.service.js';

const P = PERMISSIONS;
const tags = ['risk'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors };

/**
 * Risk review (风控): the policy and blocklist (`risk.configure`) and the review queue with its
 * decisions (`risk.review`).
 */
export const riskRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/risk/policy',
    {
      config: { access: { permission: P.riskConfigure } },
      schema: {
        tags,
        summary: 'The risk policy (风控规则): limits that put an order on hold',
        response: { 200: PolicySchema, ...standardErrors },
      },
    },
    () => getRiskPolicy(deps.db),
  );

  app.put(
    '/api/risk/policy',
    {
      config: { access: { permission: P.riskConfigure } },
      schema: {
        tags,
        summary: 'Set the risk policy; every server process uses it within about a second (修改风控规则)',
        body: PolicyBody,
        response: { 200: PolicySchema, ...standardErrors },
      },
    },
    (req) => updateRiskPolicy(deps, actorOf(req), req.body),
  );

  app.get(
    '/api/risk/blocklist',
    {
      config: { access: { permission: P.riskConfigure } },
      schema: {
        tags,
        summary: 'Blocked phone numbers (masked) and addresses, newest first (黑名单)',
        querystring: Type.Object({ kind: Type.Optional(BlockKindSchema), ...PageQuery }),
        response: {
          200: Type.Object({ items: Type.Array(BlockSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listBlocklist(deps.db, req.query),
  );

  app.post(
    '/api/risk/blocklist',
    {
      config: { access: { permission: P.riskConfigure } },
      schema: {
        tags,
        summary: 'Block a phone number or an address; their orders are held for review (加入黑名单)',
        body: BlockBody,
        response: { 201: BlockSchema, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await addBlock(deps, actorOf(req), req.body)),
  );

  app.post(
    '/api/risk/blocklist/:id/remove',
    {
      config: { access: { permission: P.riskConfigure } },
      schema: {
        tags,
        summary: 'Take an entry off the blocklist, with a reason (移出黑名单)',
        params: IdParams,
        body: ReasonBody,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      await removeBlock(deps, actorOf(req), req.params.id, req.body.reason);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/risk/holds',
    {
      config: { access: { permission: P.riskReview } },
      schema: {
        tags,
        summary: 'Orders on hold and their reasons, newest first (风控审核队列)',
        querystring: Type.Object({
          status: Type.Optional(HoldStatusSchema),
          campaignId: Type.Optional(Type.String({ maxLength: 64 })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(HoldSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listHolds(deps, req.query),
  );

  app.post(
    '/api/risk/holds/:id/approve',
    {
      config: { access: { permission: P.riskReview } },
      schema: {
        tags,
        summary: 'Approve an order on hold: it goes on to payment with a fresh deadline (审核通过)',
        params: IdParams,
        body: OptionalReasonBody,
        response: { 200: DecisionSchema, ...writeErrors },
      },
    },
    (req) => approveHold(deps, actorOf(req), req.params.id, req.body.reason?.trim() ?? ''),
  );

  app.post(
    '/api/risk/holds/:id/reject',
    {
      config: { access: { permission: P.riskReview } },
      schema: {
        tags,
        summary: 'Reject an order on hold, with a reason: it is cancelled and its stock returns (审核拒绝)',
        params: IdParams,
        body: ReasonBody,
        response: { 200: DecisionSchema, ...writeErrors },
      },
    },
    (req) => rejectHold(deps, actorOf(req), req.params.id, req.body.reason.trim()),
  );
};
