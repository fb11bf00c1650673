import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../../platform/deps.js';
import { platformError } from '../../../platform/errors.js';
import { agreementsRoutes } from './agreements.routes.js';
import { applicationsRoutes } from './applications.routes.js';
import { firstReviewRoutes } from './first-review.routes.js';
import { trainingRoutes } from './training.routes.js';

/**
 * Leader onboarding's HTTP API (团长招募): applications and review, agreements and signing,
 * training. The public routes carry per-address limits from @fastify/rate-limit, registered here
 * (not globally) the way the login route does it.
 */
export const onboardingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => platformError('auth.rate_limited'),
  });
  await app.register(applicationsRoutes, { deps });
  await app.register(firstReviewRoutes, { deps });
  await app.register(agreementsRoutes, { deps });
  await app.register(trainingRoutes, { deps });
};
