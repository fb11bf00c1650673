import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { asc, eq } from 'drizzle-orm';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import type { Deps } from '../../../platform/deps.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import { leadersError } from '../leaders.errors.js';
import { leaders, regions } from '../leaders.tables.js';
import { agreementRecordsOfLeader } from './agreements.service.js';
import { applicationStatusByToken, resolveReferrer, submitApplication } from './applications.service.js';
import {
  applicationCounts,
  approveApplication,
  getApplication,
  listApplications,
  rejectApplication,
  revealApplicationPii,
} from './applications-review.service.js';
import {
  ApplicationDetail,
  ApplicationListItem,
  ApplicationListQuery,
  ApplicationStatusView,
  ApplyBody,
  ApplyFormView,
  ApplyResult,
  ApproveResult,
  EmptyBody,
  LeaderOnboardingView,
  ReferrerView,
  RejectBody,
  RevealResult,
  StatusBody,
} from './onboarding.schema.js';
import { leaderApplications } from './onboarding.tables.js';
import { trainingOfLeader } from './training.queries.js';

const tags = ['leader-onboarding'];
const publicErrors = {
  400: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  429: ErrorBodySchema,
};
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors };

/**
 * Abuse limits of the public routes, per client address (the login route's approach): anyone can
 * reach them without an account, so they are counted in memory before any work is done. For
 * applications this is only a flood guard, high enough that a shared Wi-Fi with refused forms never
 * meets it: what an applicant meets is the allowance of accepted applications per phone and per
 * address, counted in the database (application-quota.ts), and the duplicate checks.
 */
export const PUBLIC_LIMITS = {
  apply: { max: 60, timeWindow: 10 * 60_000 },
  status: { max: 30, timeWindow: 60_000 },
  lookup: { max: 60, timeWindow: 60_000 },
} as const;

/** 团长申请 and 审核: the public application routes and the console's review queue. */
export const applicationsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/leader-applications/form',
    {
      config: { access: { public: true }, rateLimit: PUBLIC_LIMITS.lookup },
      schema: {
        tags,
        summary: 'What the application page needs: the region tree (申请表单)',
        response: { 200: ApplyFormView, 429: ErrorBodySchema },
      },
    },
    async () => {
      const rows = await deps.db
        .select({
          id: regions.id,
          code: regions.code,
          name: regions.name,
          parentId: regions.parentId,
          level: regions.level,
        })
        .from(regions)
        .orderBy(asc(regions.sortOrder), asc(regions.code));
      return { regions: rows };
    },
  );

  app.get(
    '/api/leader-applications/referrer/:code',
    {
      config: { access: { public: true }, rateLimit: PUBLIC_LIMITS.lookup },
      schema: {
        tags,
        summary: 'The referrer an invite link names, to show on the application page (推荐人)',
        params: Type.Object({ code: Type.String({ minLength: 1, maxLength: 32 }) }),
        response: { 200: ReferrerView, ...publicErrors },
      },
    },
    async (req) => {
      const r = await resolveReferrer(deps.db, req.params.code, 'params.code');
      return { code: r.code, name: r.name };
    },
  );

  app.post(
    '/api/leader-applications',
    {
      config: { access: { public: true }, rateLimit: PUBLIC_LIMITS.apply },
      schema: {
        tags,
        summary: 'Apply to become a leader (申请成为团长); answers the status token once',
        body: ApplyBody,
        response: { 201: ApplyResult, ...publicErrors },
      },
    },
    async (req, reply) => {
      const result = await submitApplication(deps, actorOf(req), req.body, {
        userAgent: req.headers['user-agent'] ?? null,
      });
      return reply.status(201).send({
        applicationNo: result.applicationNo,
        status: result.status,
        statusToken: result.statusToken,
        createdAt: result.createdAt,
      });
    },
  );

  app.post(
    '/api/leader-applications/status',
    {
      config: { access: { public: true }, rateLimit: PUBLIC_LIMITS.status },
      schema: {
        tags,
        summary: 'An application’s status by its status-link token (申请进度)',
        body: StatusBody,
        response: { 200: ApplicationStatusView, ...publicErrors },
      },
    },
    (req) => applicationStatusByToken(deps, req.body.token),
  );

  app.get(
    '/api/leader-applications',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'The review queue (团长申请列表); phones and ID numbers masked',
        querystring: ApplicationListQuery,
        response: {
          200: Type.Object({
            items: Type.Array(ApplicationListItem),
            total: Type.Integer(),
            counts: Type.Object({
              pending: Type.Integer(),
              approved: Type.Integer(),
              rejected: Type.Integer(),
            }),
          }),
          ...standardErrors,
        },
      },
    },
    async (req) => ({
      ...(await listApplications(deps, req.query)),
      counts: await applicationCounts(deps.db),
    }),
  );

  app.get(
    '/api/leader-applications/:id',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'One application (申请详情); phone and ID number masked',
        params: IdParams,
        response: { 200: ApplicationDetail, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getApplication(deps, req.params.id),
  );

  app.post(
    '/api/leader-applications/:id/reveal',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'The full phone and ID number of an application; the read is audited (查看完整信息)',
        params: IdParams,
        body: EmptyBody,
        response: { 200: RevealResult, ...writeErrors },
      },
    },
    (req) => revealApplicationPii(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/leader-applications/:id/approve',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary:
          'Approve (审核通过): creates the leader, their pickup point and login in one transaction; the initial password is answered once',
        params: IdParams,
        body: EmptyBody,
        response: { 200: ApproveResult, ...writeErrors },
      },
    },
    (req) => approveApplication(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/leader-applications/:id/reject',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'Reject with a reason the applicant will read (驳回)',
        params: IdParams,
        body: RejectBody,
        response: { 200: ApplicationDetail, ...writeErrors },
      },
    },
    (req) => rejectApplication(deps, actorOf(req), req.params.id, req.body.reason),
  );

  app.get(
    '/api/leaders/:id/onboarding',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary:
          'A leader’s application, agreement records and training (签约与培训), for the leader detail page',
        params: IdParams,
        response: { 200: LeaderOnboardingView, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) => {
      const id = req.params.id;
      const [leader] = await deps.db.select({ id: leaders.id }).from(leaders).where(eq(leaders.id, id));
      if (!leader) throw leadersError('leaders.not_found', { field: 'params.id', detail: id });
      const [application] = await deps.db
        .select({
          id: leaderApplications.id,
          applicationNo: leaderApplications.applicationNo,
          decidedAt: leaderApplications.decidedAt,
        })
        .from(leaderApplications)
        .where(eq(leaderApplications.leaderId, id));
      return {
        application: application
          ? { ...application, decidedAt: application.decidedAt?.toISOString() ?? null }
          : null,
        agreements: await agreementRecordsOfLeader(deps.db, id),
        training: await trainingOfLeader(deps.db, id),
      };
    },
  );
};
