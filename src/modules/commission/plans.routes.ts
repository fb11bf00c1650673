import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../platform/http/schemas.js';
import { previewPlan } from './plan-preview.js';
import { getPlan, listActivations, listPlans } from './plans.queries.js';
import {
  ActivationSchema,
  CreatePlanBody,
  PlanDetailSchema,
  PlanDocumentSchema,
  PlanSummarySchema,
  PreviewBody,
  PreviewResultSchema,
} from './plans.schema.js';
import { activatePlan, archiveDraft, createDraft, updateDraft } from './plans.service.js';

const P = PERMISSIONS;
const tags = ['commission'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema, ...standardErrors };

/** The commission plan API (佣金方案): versions, drafts, activation and the live preview. */
export const commissionPlansRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/commission/plans',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'List plan versions, newest first (佣金方案版本)',
        response: { 200: Type.Object({ items: Type.Array(PlanSummarySchema) }), ...standardErrors },
      },
    },
    () => listPlans(deps.db),
  );

  app.get(
    '/api/commission/plan-activations',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'Which version was active from when (生效记录)',
        response: { 200: Type.Object({ items: Type.Array(ActivationSchema) }), ...standardErrors },
      },
    },
    () => listActivations(deps.db),
  );

  app.get(
    '/api/commission/plans/:id',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'One version with its document and plain-language description',
        params: IdParams,
        response: { 200: PlanDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getPlan(deps.db, req.params.id),
  );

  app.post(
    '/api/commission/plans',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary: 'Create a draft: blank, or a copy of the active plan or of a version (新建草稿)',
        body: CreatePlanBody,
        response: { 201: PlanDetailSchema, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createDraft(deps, actorOf(req), req.body)),
  );

  app.put(
    '/api/commission/plans/:id',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary: 'Replace a draft’s document; validated, 422 names the field (编辑草稿)',
        params: IdParams,
        body: PlanDocumentSchema,
        response: { 200: PlanDetailSchema, ...writeErrors },
      },
    },
    (req) => updateDraft(deps, actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/commission/plans/:id/activate',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary: 'Activate a draft; the active version is archived (启用方案)',
        params: IdParams,
        response: { 200: PlanDetailSchema, ...writeErrors },
      },
    },
    (req) => activatePlan(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/commission/plans/:id/archive',
    {
      config: { access: { permission: P.commissionWrite } },
      schema: {
        tags,
        summary: 'Archive a draft (作废草稿)',
        params: IdParams,
        response: { 200: PlanDetailSchema, ...writeErrors },
      },
    },
    (req) => archiveDraft(deps, actorOf(req), req.params.id),
  );

  app.post(
    '/api/commission/plans/:id/preview',
    {
      config: { access: { permission: P.commissionRead } },
      schema: {
        tags,
        summary: 'Compute an example line under the plan (or an unsaved document); writes nothing (试算)',
        params: IdParams,
        body: PreviewBody,
        response: { 200: PreviewResultSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => previewPlan(deps.db, req.params.id, req.body),
  );
};
