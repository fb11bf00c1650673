import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.js';

/** The customer's H5 storefront API (public: a share link needs no login). */
export const storefrontRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (_app, _opts) => {};
