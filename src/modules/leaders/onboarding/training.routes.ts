import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import type { Deps } from '../../../platform/deps.js';
import { platformError } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import {
  CompleteBody,
  CompleteResult,
  MaterialBody,
  MaterialListView,
  MaterialPatchBody,
  MaterialStatusSchema,
  MaterialView,
  MyTrainingView,
  ProgressQuery,
  ProgressView,
} from './onboarding.schema.js';
import { getMaterial, listMaterials, myTraining, trainingProgress } from './training.queries.js';
import { completeMaterial, createMaterial, setMaterialStatus, updateMaterial } from './training.service.js';

const tags = ['leader-onboarding'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors };

function userIdOf(req: { auth: { user: { id: string } } | null }): string {
  if (!req.auth) throw platformError('auth.unauthenticated');
  return req.auth.user.id;
}

/** 培训: materials and completion rates in the console, and the leader's training page. */
export const trainingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/leader-training/materials',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'Training materials with their completion rate among active leaders (培训资料)',
        querystring: Type.Object({ status: Type.Optional(MaterialStatusSchema) }),
        response: { 200: MaterialListView, ...standardErrors },
      },
    },
    (req) => listMaterials(deps.db, req.query),
  );

  app.get(
    '/api/leader-training/materials/:id',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'One training material (培训资料详情)',
        params: IdParams,
        response: { 200: MaterialView, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getMaterial(deps.db, req.params.id),
  );

  app.post(
    '/api/leader-training/materials',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary:
          'Add a material: an article (rich text, sanitized) or a video / document link (新增培训资料)',
        body: MaterialBody,
        response: { 201: MaterialView, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createMaterial(deps, actorOf(req), req.body)),
  );

  app.patch(
    '/api/leader-training/materials/:id',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'Edit a training material (编辑培训资料)',
        params: IdParams,
        body: MaterialPatchBody,
        response: { 200: MaterialView, ...writeErrors },
      },
    },
    (req) => updateMaterial(deps, actorOf(req), req.params.id, req.body),
  );

  for (const [path, status, summary] of [
    ['archive', 'archived', 'Archive a material: leaders no longer see it (下架)'],
    ['restore', 'active', 'Show an archived material to leaders again (重新上架)'],
  ] as const) {
    app.post(
      `/api/leader-training/materials/:id/${path}`,
      {
        config: { access: { permission: PERMISSIONS.leadersManage } },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: Type.Object({}, { additionalProperties: false }),
          response: { 200: MaterialView, ...writeErrors },
        },
      },
      (req) => setMaterialStatus(deps, actorOf(req), req.params.id, status),
    );
  }

  app.get(
    '/api/leader-training/progress',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'Training progress per leader: required and all materials completed (学习进度)',
        querystring: ProgressQuery,
        response: { 200: ProgressView, ...standardErrors },
      },
    },
    (req) => trainingProgress(deps.db, req.query),
  );

  app.get(
    '/api/leader-training/mine',
    {
      config: { access: { permission: PERMISSIONS.leaderPortal } },
      schema: {
        tags,
        summary: 'The logged-in leader’s training materials and what they completed (我的培训)',
        response: { 200: MyTrainingView, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => myTraining(deps, userIdOf(req)),
  );

  app.post(
    '/api/leader-training/mine/:id/complete',
    {
      config: { access: { permission: PERMISSIONS.leaderPortal } },
      schema: {
        tags,
        summary: 'Mark a material completed (学习完成); marking again keeps the first time',
        params: IdParams,
        body: CompleteBody,
        response: { 200: CompleteResult, ...writeErrors },
      },
    },
    (req) => completeMaterial(deps, actorOf(req), userIdOf(req), req.params.id),
  );
};
