import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import type { Deps } from '../../../platform/deps.js';
import { platformError } from '../../../platform/errors.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import { PRINT_CSP } from './agreement-print.js';
import {
  listAgreementTemplates,
  myAgreement,
  publishAgreement,
  signAgreement,
} from './agreements.service.js';
import { listSignatureStatus, signedAgreementHtml } from './agreements-console.queries.js';
import {
  MyAgreementView,
  SignatureStatusQuery,
  SignatureStatusView,
  SignatureView,
  SignBody,
  TemplateBody,
  TemplateView,
} from './onboarding.schema.js';

const tags = ['leader-onboarding'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, 413: ErrorBodySchema, ...standardErrors };

function userIdOf(req: { auth: { user: { id: string } } | null }): string {
  if (!req.auth) throw platformError('auth.unauthenticated');
  return req.auth.user.id;
}

/** 电子签约: agreement versions in the console, and the leader's signing page. */
export const agreementsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/leader-agreements/templates',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'Agreement versions, newest (current) first, with how many leaders signed each (协议版本)',
        response: { 200: Type.Object({ items: Type.Array(TemplateView) }), ...standardErrors },
      },
    },
    () => listAgreementTemplates(deps.db),
  );

  app.post(
    '/api/leader-agreements/templates',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary:
          'Publish a new agreement version (发布新版本): leaders are asked to sign it at once, and it binds from its effective date plus its grace days; until then the previous signature still lets a leader sell',
        body: TemplateBody,
        response: { 201: TemplateView, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await publishAgreement(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/leader-agreements/signatures',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'Who signed a version and when, or who has not (签署情况); the current version by default',
        querystring: SignatureStatusQuery,
        response: { 200: SignatureStatusView, 409: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => listSignatureStatus(deps.db, req.query),
  );

  app.get(
    '/api/leader-agreements/signatures/:id/print',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'A signed agreement as a printable HTML page: text, signature, hash, time, IP (签署凭证)',
        params: IdParams,
        produces: ['text/html'],
        response: { 200: Type.String({ description: 'text/html' }), 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => {
      const html = await signedAgreementHtml(deps.db, req.params.id);
      return reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('content-security-policy', PRINT_CSP)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(html);
    },
  );

  app.get(
    '/api/leader-agreements/mine',
    {
      config: { access: { permission: PERMISSIONS.leaderPortal } },
      schema: {
        tags,
        summary: 'The current agreement for the logged-in leader, and whether they signed it (我的协议)',
        response: { 200: MyAgreementView, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => myAgreement(deps, userIdOf(req)),
  );

  app.post(
    '/api/leader-agreements/mine/sign',
    {
      config: { access: { permission: PERMISSIONS.leaderPortal } },
      bodyLimit: 512 * 1024,
      schema: {
        tags,
        summary: 'Sign the current agreement: typed name, consent and a drawn signature (签署协议)',
        body: SignBody,
        response: { 201: SignatureView, ...writeErrors },
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await signAgreement(deps, actorOf(req), userIdOf(req), req.body, {
          userAgent: req.headers['user-agent'] ?? null,
        }),
      ),
  );
};
