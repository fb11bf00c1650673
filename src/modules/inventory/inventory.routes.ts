import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../platform/deps.js';

/** The inventory HTTP API; every route declares its permission in config.access. */
export const inventoryRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (_app, _opts) => {};
