import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import { formatLocalDay, isCalendarDate } from '../../../platform/business-time.js';
import type { Deps } from '../../../platform/deps.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { streamedExportAudit } from '../../../platform/http/export-audit.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import { xlsxExport } from '../../../platform/http/xlsx-export.js';
import { attachment, XLSX_MIME, XlsxFile } from '../../../platform/http/xlsx-response.js';
import { leaderImportRoutes } from '../import/leader-import.routes.js';
import { leaderPages } from '../leaders-console.queries.js';
import { regionScopeOf } from '../regions/region-scope.js';
import { LEADER_EXPORT_PAGE, leaderExportColumns } from './leader-export.js';
import { LeaderListFilter } from './leader-list.schema.js';
import { networkError } from './network.errors.js';
import { moveReferrer } from './network.service.js';
import { recruitsView, referrerHistoryView, teamView, uplineView } from './network-console.queries.js';

const P = PERMISSIONS;
const tags = ['leaders'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Card = {
  leaderId: Type.String(),
  code: Nullable(Type.String()),
  name: Nullable(Type.String()),
  status: Nullable(Type.String()),
  regionId: Nullable(Type.String()),
  regionName: Nullable(Type.String()),
  visible: Type.Boolean(),
};
const CardSchema = Type.Object(Card);

const Day = Type.String({ format: 'date', description: 'YYYY-MM-DD, Asia/Shanghai' });
const RangeQuery = { from: Type.Optional(Day), to: Type.Optional(Day) };
const At = Type.Optional(Type.String({ format: 'date-time', description: 'as of this moment (history)' }));

/** Checks a day range's days exist (2026-02-30 passes the format) and are in order. */
function checkRange(q: { from?: string | undefined; to?: string | undefined }) {
  for (const key of ['from', 'to'] as const) {
    const v = q[key];
    if (v !== undefined && !isCalendarDate(v))
      throw networkError('leaders.date_range_invalid', { field: `query.${key}`, detail: v });
  }
  if (q.from && q.to && q.from > q.to)
    throw networkError('leaders.date_range_invalid', { field: 'query.from', detail: `${q.from} > ${q.to}` });
}

/** The referral network's HTTP API (推荐关系) and the leaders list export. */
export const leaderNetworkRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(leaderImportRoutes, { deps });
  app.get(
    '/api/leaders/export',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'The filtered leaders list as xlsx, every matching leader, streamed (导出团长)',
        querystring: LeaderListFilter,
        response: { 200: XlsxFile, 429: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => {
      const pages = leaderPages(
        deps.crypto,
        { ...req.query, regionScope: await regionScopeOf(deps.db, req.auth?.user) },
        LEADER_EXPORT_PAGE,
      );
      const tz = deps.config.businessTimeZone;
      const day = formatLocalDay(deps.clock.now(), tz);
      // Leaders' names and numbers leave the system: on record before the first byte is sent.
      const audit = streamedExportAudit(deps, actorOf(req), {
        action: 'leader.exported',
        entityType: 'leader',
        filter: req.query,
      });
      const body = xlsxExport(deps.db, '团长 Leaders', leaderExportColumns(tz), pages, req.log, {
        onFinished: audit.onFinished,
      });
      // The filter has met the database before the 200 goes out: a refusal is an error answer.
      await body.started;
      await audit.start().catch((err: unknown) => {
        body.destroy();
        throw err;
      });
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`leaders-${day}.xlsx`, `团长-${day}.xlsx`))
        .send(body);
    },
  );

  app.get(
    '/api/leaders/:id/upline',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'The upline chain (上级链), direct referrer first; `at` gives the chain as it was then',
        params: IdParams,
        querystring: Type.Object({
          at: At,
          maxDepth: Type.Optional(Type.Integer({ minimum: 1, maximum: 64 })),
        }),
        response: {
          200: Type.Object({
            at: Nullable(Type.String()),
            items: Type.Array(Type.Object({ depth: Type.Integer(), ...Card })),
          }),
          404: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req) =>
      uplineView(
        deps.db,
        req.params.id,
        { at: req.query.at ? new Date(req.query.at) : undefined, maxDepth: req.query.maxDepth },
        await regionScopeOf(deps.db, req.auth?.user),
      ),
  );

  app.get(
    '/api/leaders/:id/recruits',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'Direct recruits (直推) with their own team size and team GMV: one level of the team tree',
        params: IdParams,
        querystring: Type.Object({ at: At, ...RangeQuery }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...Card,
                since: Type.String(),
                directRecruits: Type.Integer(),
                teamSize: Type.Integer(),
                teamGmvFen: Type.Integer(),
                ownGmvFen: Type.Integer(),
              }),
            ),
          }),
          404: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req) => {
      checkRange(req.query);
      return recruitsView(
        deps.db,
        req.params.id,
        { at: req.query.at ? new Date(req.query.at) : undefined, from: req.query.from, to: req.query.to },
        await regionScopeOf(deps.db, req.auth?.user),
      );
    },
  );

  app.get(
    '/api/leaders/:id/team',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'Team size and team GMV (团队规模 / 团队业绩): all descendants or N generations, over days',
        params: IdParams,
        querystring: Type.Object({
          generations: Type.Optional(Type.Integer({ minimum: 1, maximum: 64 })),
          ...RangeQuery,
        }),
        response: {
          200: Type.Object({
            leaderId: Type.String(),
            referrer: Nullable(CardSchema),
            size: Type.Integer(),
            gmvFen: Type.Integer(),
            orders: Type.Integer(),
            ownGmvFen: Type.Integer(),
            directRecruits: Type.Integer(),
            depth: Type.Integer(),
          }),
          404: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req) => {
      checkRange(req.query);
      return teamView(deps.db, req.params.id, req.query, await regionScopeOf(deps.db, req.auth?.user));
    },
  );

  app.get(
    '/api/leaders/:id/referrer-history',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'Who the referrer was, period by period (推荐关系历史), newest first',
        params: IdParams,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                referrer: Nullable(CardSchema),
                validFrom: Type.String(),
                validTo: Nullable(Type.String()),
                cause: Type.String(),
                reason: Nullable(Type.String()),
                actorName: Nullable(Type.String()),
              }),
            ),
          }),
          404: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req) => referrerHistoryView(deps.db, req.params.id, await regionScopeOf(deps.db, req.auth?.user)),
  );

  app.post(
    '/api/leaders/:id/move-referrer',
    {
      config: { access: { permission: P.leadersAdmin } },
      schema: {
        tags,
        summary: 'Move a leader with their whole team to another referrer, with a reason (调整推荐人)',
        params: IdParams,
        body: Type.Object(
          {
            referrerId: Nullable(
              Type.String({ minLength: 1, maxLength: 64, description: 'null: no referrer' }),
            ),
            reason: Type.String({ maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            leaderId: Type.String(),
            fromReferrerId: Nullable(Type.String()),
            toReferrerId: Nullable(Type.String()),
            movedLeaders: Type.Integer(),
            at: Type.String(),
          }),
          404: ErrorBodySchema,
          409: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    (req) => moveReferrer(deps, actorOf(req), req.params.id, req.body.referrerId, req.body.reason),
  );
};
