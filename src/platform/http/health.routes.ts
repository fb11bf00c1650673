import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { dbHealthOf, probe } from '../db/db-health.js';
import { expectedMigrationCount } from '../db/migrate.js';
import { pgErrorOf } from '../db/pg-error.js';
import type { Deps } from '../deps.js';
import { platformError } from '../errors.js';
import { ErrorBodySchema } from './schemas.js';

/** How long `/readyz` waits for the database before answering 503. */
const READY_PROBE_MS = 2000;
const APPLIED_MIGRATIONS = 'SELECT count(*)::int AS n FROM public.__drizzle_migrations';

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
        summary:
          'The database answers and every migration is applied (503 db.unavailable while the database is away)',
        response: {
          200: Type.Object({ ok: Type.Boolean(), migrations: Type.Integer() }),
          503: ErrorBodySchema,
        },
      },
    },
    async (req, reply) => {
      // First what the process already knows (a connection that is reconnecting), at no cost; then
      // the database itself, with a deadline, so a load balancer's check never hangs.
      const health = dbHealthOf(deps.pool);
      const down = health.downSources();
      let applied: number | undefined;
      let cause = down.map((d) => `${d.source}: ${d.cause}`).join('; ');
      if (down.length === 0) {
        try {
          const rows = await probe<{ n: number }>(deps.pool, APPLIED_MIGRATIONS, READY_PROBE_MS);
          applied = rows[0]?.n ?? 0;
        } catch (err) {
          // No migrations table yet is an empty database: reachable, but not migrated.
          if (pgErrorOf(err)?.code === '42P01') applied = 0;
          else cause = err instanceof Error ? err.message : String(err);
        }
      }
      if (applied !== undefined && applied >= expected) return { ok: true, migrations: expected };
      const err =
        applied === undefined
          ? platformError('db.unavailable', { detail: cause.slice(0, 300) })
          : platformError('system.not_ready', {
              detail: `${applied} of ${expected} migrations applied`,
            });
      return reply.status(503).send(err.toBody(req.id));
    },
  );
};
