import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../auth/rbac.js';
import type { Deps } from '../deps.js';
import { PageQuery, standardErrors } from '../http/schemas.js';
import { listAudit, verifyAuditChain } from './audit.service.js';

const AuditRecord = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  at: Type.String(),
  actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
  requestId: Type.Union([Type.String(), Type.Null()]),
  ip: Type.Union([Type.String(), Type.Null()]),
  prevHash: Type.String(),
  hash: Type.String(),
});

export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/audit',
    {
      config: { access: { permission: PERMISSIONS.auditRead } },
      schema: {
        tags: ['audit'],
        summary: 'Audit records, newest first (审计日志)',
        querystring: Type.Object({
          actor: Type.Optional(Type.String({ maxLength: 64 })),
          action: Type.Optional(Type.String({ maxLength: 64 })),
          entityType: Type.Optional(Type.String({ maxLength: 64 })),
          entityId: Type.Optional(Type.String({ maxLength: 64 })),
          from: Type.Optional(Type.String({ format: 'date-time' })),
          to: Type.Optional(Type.String({ format: 'date-time' })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(AuditRecord), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => {
      const { from, to, ...rest } = req.query;
      return listAudit(deps.db, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    },
  );

  app.get(
    '/api/audit/verify',
    {
      config: { access: { permission: PERMISSIONS.auditRead } },
      schema: {
        tags: ['audit'],
        summary: 'Recompute the hash chain and report the first broken record (校验哈希链)',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            brokenAtSeq: Type.Union([Type.Integer(), Type.Null()]),
          }),
          ...standardErrors,
        },
      },
    },
    () => verifyAuditChain(deps.db),
  );
};
