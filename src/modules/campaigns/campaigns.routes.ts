import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.js';

/** The campaigns HTTP API; every route declares its permission in config.access. */
export const campaignsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (_app, _opts) => {};
