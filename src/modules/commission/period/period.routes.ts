import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import type { Deps } from '../../../platform/deps.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import { simulate } from '../simulation/simulation.service.js';
import { runHotProducts } from './hot-products.service.js';
import { closeMonth } from './month-close.service.js';
import { entryWhy, getRun, leaderWhy, listRuns, runDetail } from './period.queries.js';
import {
  EmptyBody,
  EntryWhySchema,
  HotProductsBody,
  LeaderWhySchema,
  MonthCloseBody,
  MonthString,
  RunDetailSchema,
  RunSchema,
  RunsQuery,
  SimulationBody,
  SimulationSchema,
} from './period.schema.js';
import { runRecruitCheck } from './recruit-bonus.service.js';

const P = PERMISSIONS;
const tags = ['commission'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema, ...standardErrors };

/**
 * The period computations (月结, 爆品阶梯, 推荐奖检查), the "why" views of entries and leaders, and the
 * simulation (试算). Running a computation needs commission.write; reading, commission.read.
 */
export const commissionPeriodRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const readRun = (id: string) => getRun(deps.db, id);

  app.get(
    '/api/commission/period-runs',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'Period computations run so far, newest first (期间计算记录)',
        querystring: RunsQuery,
        response: {
          200: Type.Object({ items: Type.Array(RunSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listRuns(deps.db, req.query),
  );

  app.get(
    '/api/commission/period-runs/:id',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'One run with the entries of its period, per rule (月结明细)',
        params: IdParams,
        response: { 200: RunDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => runDetail(deps.db, req.params.id),
  );

  app.post(
    '/api/commission/period-runs/month-close',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary: 'Close a month: tiered commission and regional dividend; a re-run posts nothing new (月结)',
        body: MonthCloseBody,
        response: { 201: RunSchema, ...writeErrors },
      },
    },
    async (req, reply) => {
      const result = await closeMonth(deps, actorOf(req), req.body.month, 'manual');
      return reply.status(201).send(await readRun(result.id));
    },
  );

  app.post(
    '/api/commission/period-runs/hot-products',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary: 'Compute a finished campaign’s hot-product ladder (爆品阶梯奖励)',
        body: HotProductsBody,
        response: { 201: RunSchema, ...writeErrors },
      },
    },
    async (req, reply) => {
      const result = await runHotProducts(
        deps,
        actorOf(req),
        req.body.campaignId,
        'manual',
        'body.campaignId',
      );
      return reply.status(201).send(await readRun(result.id));
    },
  );

  app.post(
    '/api/commission/period-runs/recruit-check',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary: 'Check recruits against the recruit bonus now (推荐奖检查); the job runs daily',
        body: EmptyBody,
        response: { 201: RunSchema, ...writeErrors },
      },
    },
    async (req, reply) => {
      const result = await runRecruitCheck(deps, actorOf(req), 'manual');
      return reply.status(201).send(await readRun(result.id));
    },
  );

  app.get(
    '/api/commission/entries/:id/why',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary:
          'Why an entry exists: its explanation, the chain of its order line, its transfers (佣金说明)',
        params: IdParams,
        response: { 200: EntryWhySchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => entryWhy(deps.db, req.params.id),
  );

  app.get(
    '/api/commission/leaders/:id/why',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'A leader’s entries of a month with their explanations, totals per rule (团长佣金明细)',
        params: IdParams,
        querystring: Type.Object({ month: MonthString }),
        response: { 200: LeaderWhySchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => leaderWhy(deps.db, req.params.id, req.query.month),
  );

  app.post(
    '/api/commission/simulations',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary:
          'Recompute the orders paid in a date range under a draft plan, against the active plan; writes nothing (佣金试算)',
        body: SimulationBody,
        response: { 200: SimulationSchema, ...writeErrors },
      },
    },
    (req) => simulate(deps, req.body),
  );
};
