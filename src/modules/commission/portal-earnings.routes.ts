import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { platformError } from '../../platform/errors.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../platform/http/schemas.js';
import { activeLeaderOfUser } from '../portal/index.js';
import {
  EarningsEntriesQuery,
  EarningsSummarySchema,
  EntrySchema,
  WithdrawalPreviewQuery,
  WithdrawalPreviewSchema,
} from './period/period.schema.js';
import {
  earningsEntries,
  earningsEntry,
  earningsSummary,
  withdrawalPreview,
} from './portal-earnings.queries.js';

const access = { permission: PERMISSIONS.leaderPortal };
const tags = ['portal', 'commission'];
const errors = { ...standardErrors, 404: ErrorBodySchema };

/**
 * The leader's earnings in the portal (收益, /api/portal/earnings...). No route takes a leader id:
 * each resolves the leader from the session's user and reads only that leader's entries. Withdrawals
 * and statements are the ledger's own portal routes (/api/ledger/me/...).
 */
export const portalEarningsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const leaderOf = (req: FastifyRequest) => {
    if (!req.auth) throw platformError('auth.unauthenticated');
    return activeLeaderOfUser(deps.db, req.auth.user.id);
  };

  app.get(
    '/api/portal/earnings',
    {
      config: { access },
      schema: {
        tags,
        summary: 'My earnings: estimated, pending, available, paid out; this month by rule (我的收益)',
        response: { 200: EarningsSummarySchema, ...errors },
      },
    },
    async (req) => earningsSummary(deps.db, deps.clock, await leaderOf(req)),
  );

  app.get(
    '/api/portal/earnings/entries',
    {
      config: { access },
      schema: {
        tags,
        summary: 'My commission entries, newest first, each with its explanation (收益明细)',
        querystring: EarningsEntriesQuery,
        response: {
          200: Type.Object({ items: Type.Array(EntrySchema), total: Type.Integer() }),
          ...errors,
        },
      },
    },
    async (req) => earningsEntries(deps.db, await leaderOf(req), req.query),
  );

  app.get(
    '/api/portal/earnings/entries/:id',
    {
      config: { access },
      schema: {
        tags,
        summary: 'One of my entries with its explanation (佣金说明)',
        params: IdParams,
        response: { 200: EntrySchema, ...errors },
      },
    },
    async (req) => earningsEntry(deps.db, await leaderOf(req), req.params.id),
  );

  app.get(
    '/api/portal/earnings/withdrawal-preview',
    {
      config: { access },
      schema: {
        tags,
        summary: 'What a withdrawal of this amount would cost and pay, before confirming (提现试算)',
        querystring: WithdrawalPreviewQuery,
        response: { 200: WithdrawalPreviewSchema, ...errors },
      },
    },
    async (req) => withdrawalPreview(deps.db, deps.clock, await leaderOf(req), req.query.amountFen),
  );
};
