import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { expectedMigrationCount, migrationsApplied } from '../db/migrate.js';
import type { Deps } from '../deps.js';
import { ErrorBodySchema } from './schemas.js';

export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const expected = await expectedMigrationCount();

  app.get(
    '/healthz',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'The process is up',
        response: { 200: Type.Object({ ok: Type.Boolean() }) },
      },
    },
    async () => ({ ok: true }),
  );

  app.get(
    '/readyz',
    {
      config: { access: { public: true } },
      schema: {
        tags: ['system'],
        summary: 'The database answers and every migration is applied',
        response: {
          200: Type.Object({ ok: Type.Boolean(), migrations: Type.Integer() }),
          503: ErrorBodySchema,
        },
      },
    },
    async (req, reply) => {
      if (await migrationsApplied(deps.pool, expected)) return { ok: true, migrations: expected };
      return reply.status(503).send({
        error: {
          code: 'system.not_ready',
          message: 'The database is unreachable or migrations are pending',
          messageZh: '数据库不可用或迁移未完成',
          requestId: req.id,
        },
      });
    },
  );
};
