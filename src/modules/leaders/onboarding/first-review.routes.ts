import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import type { Deps } from '../../../platform/deps.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import { regionScopeOf } from '../regions/region-scope.js';
import {
  firstReviewApplication,
  firstReviewQueue,
  getOnboardingSettings,
  updateOnboardingSettings,
} from './first-review.service.js';
import {
  ApplicationListItem,
  FirstReviewBody,
  FirstReviewQuery,
  OnboardingSettingsPatch,
  OnboardingSettingsView,
} from './onboarding.schema.js';

const tags = ['leader-onboarding'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors };

/**
 * 招募设置 and 区域经理初审: the company's onboarding settings (the operator's), and the region
 * manager's first-review queue and recommendation, limited to their regions by region-scope.ts.
 */
export const firstReviewRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/leader-onboarding-settings',
    {
      config: { access: { permission: PERMISSIONS.leadersRead } },
      schema: {
        tags,
        summary: 'Onboarding settings (招募设置): whether region managers do a first review',
        response: { 200: OnboardingSettingsView, ...standardErrors },
      },
    },
    () => getOnboardingSettings(deps.db),
  );

  app.patch(
    '/api/leader-onboarding-settings',
    {
      config: { access: { permission: PERMISSIONS.leadersManage } },
      schema: {
        tags,
        summary: 'Turn region managers’ first review of applications on or off (区域经理初审)',
        body: OnboardingSettingsPatch,
        response: { 200: OnboardingSettingsView, ...standardErrors },
      },
    },
    (req) => updateOnboardingSettings(deps, actorOf(req), req.body),
  );

  app.get(
    '/api/leader-applications/first-review',
    {
      config: { access: { permission: PERMISSIONS.leadersFirstReview } },
      schema: {
        tags,
        summary:
          'Applications in the reviewer’s regions for a first review (初审列表); 409 while the company has it off',
        querystring: FirstReviewQuery,
        response: {
          200: Type.Object({ items: Type.Array(ApplicationListItem), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    async (req) => firstReviewQueue(deps, await regionScopeOf(deps.db, req.auth?.user), req.query),
  );

  app.post(
    '/api/leader-applications/:id/first-review',
    {
      config: { access: { permission: PERMISSIONS.leadersFirstReview } },
      schema: {
        tags,
        summary:
          'Record a first review (初审) of a pending application in the reviewer’s regions; the operator still decides',
        params: IdParams,
        body: FirstReviewBody,
        response: { 200: ApplicationListItem, ...writeErrors },
      },
    },
    async (req) =>
      firstReviewApplication(
        deps,
        actorOf(req),
        await regionScopeOf(deps.db, req.auth?.user),
        req.params.id,
        req.body,
      ),
  );
};
