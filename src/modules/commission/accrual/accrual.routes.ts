import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import type { Deps } from '../../../platform/deps.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../../platform/http/schemas.js';
import {
  AccrualResultSchema,
  AccrualSettingsBody,
  AccrualSettingsSchema,
  EntriesQuerySchema,
  EntryDetailSchema,
  EntryListSchema,
  RunSettlementBody,
  RunSettlementResultSchema,
  SettlementDetailSchema,
  SettlementSchema,
} from './accrual.schema.js';
import { recomputeOrder } from './accrual.service.js';
import { getEntry, listEntries } from './entries.queries.js';
import { getAccrualSettings, saveAccrualSettings } from './settings.js';
import { freezeAndSettle } from './settle.js';
import { getSettlement, listSettlements } from './settlements.queries.js';

const P = PERMISSIONS;
const tags = ['commission'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema, ...standardErrors };

/**
 * The money path's API (佣金明细, 结算批次): entries with their explanations, recomputing an order,
 * the settlement batches, and running the freeze and settlement of a day by hand.
 */
export const commissionAccrualRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/commission/entries',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'Commission entries, filtered, newest first, with totals (佣金明细)',
        querystring: EntriesQuerySchema,
        response: { 200: EntryListSchema, ...standardErrors },
      },
    },
    (req) => listEntries(deps.db, req.query),
  );

  app.get(
    '/api/commission/entries/:id',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'One entry with its explanation (zh / en), refunds and transfers (佣金说明)',
        params: IdParams,
        response: { 200: EntryDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getEntry(deps.db, req.params.id),
  );

  app.post(
    '/api/commission/orders/:id/recompute',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary: 'Recompute an order’s commission as of its payment; writes only what is missing (重新计算)',
        params: IdParams,
        response: { 200: AccrualResultSchema, ...writeErrors },
      },
    },
    (req) => recomputeOrder(deps, actorOf(req), req.params.id),
  );

  app.get(
    '/api/commission/settlements',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'T+1 settlement batches, newest day first (结算批次)',
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: {
          200: Type.Object({ items: Type.Array(SettlementSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listSettlements(deps.db, req.query),
  );

  app.get(
    '/api/commission/settlements/:id',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'One settlement with each leader’s part (结算明细)',
        params: IdParams,
        querystring: Type.Object(PageQuery, { additionalProperties: false }),
        response: { 200: SettlementDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getSettlement(deps.db, req.params.id, req.query),
  );

  app.post(
    '/api/commission/settlements/run',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary:
          'Freeze what is due and settle an ended business day now; a settled day is not settled again',
        body: RunSettlementBody,
        response: { 200: RunSettlementResultSchema, ...writeErrors },
      },
    },
    (req) => freezeAndSettle(deps, actorOf(req), req.body.day, 'manual'),
  );

  app.get(
    '/api/commission/accrual-settings',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'The after-sales window in days (售后期)',
        response: { 200: AccrualSettingsSchema, ...standardErrors },
      },
    },
    () => getAccrualSettings(deps.db),
  );

  app.put(
    '/api/commission/accrual-settings',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary: 'Change the after-sales window (0-90 days)',
        body: AccrualSettingsBody,
        response: { 200: AccrualSettingsSchema, ...standardErrors },
      },
    },
    (req) => saveAccrualSettings(deps, actorOf(req), req.body),
  );
};
