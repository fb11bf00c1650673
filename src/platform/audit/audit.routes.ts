import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../auth/rbac.js';
import type { Deps } from '../deps.js';
import { PageQuery, standardErrors } from '../http/schemas.js';
import { listAudit } from './audit.service.js';
import { verifyAndCheckpoint } from './audit-checkpoint-file.js';

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
        summary: 'Recompute the keyed hash chain and compare it with the checkpoints (校验哈希链)',
        description:
          'Reports the first broken record, and a truncation: the chain ends before the last checkpoint ' +
          'written outside the database, or a record at a checkpoint has another hash. When all holds, ' +
          'the verified head is written as a new signed checkpoint.',
        response: {
          200: Type.Object({
            ok: Type.Boolean(),
            checked: Type.Integer(),
            brokenAtSeq: Type.Union([Type.Integer(), Type.Null()]),
            headSeq: Type.Union([Type.Integer(), Type.Null()]),
            keyedFromSeq: Type.Integer(),
            truncation: Type.Union([
              Type.Object({
                reason: Type.Union([Type.Literal('head_behind'), Type.Literal('hash_differs')]),
                checkpointSeq: Type.Integer(),
                checkpointAt: Type.String(),
                headSeq: Type.Union([Type.Integer(), Type.Null()]),
              }),
              Type.Null(),
            ]),
            lastCheckpoint: Type.Union([
              Type.Object({ seq: Type.Integer(), at: Type.String() }),
              Type.Null(),
            ]),
            badCheckpoints: Type.Integer(),
            otherKeyCheckpoints: Type.Integer(),
          }),
          ...standardErrors,
        },
      },
    },
    () => verifyAndCheckpoint(deps),
  );
};
