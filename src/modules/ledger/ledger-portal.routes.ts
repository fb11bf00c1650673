import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { and, count, eq, ne } from 'drizzle-orm';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import { localDate } from '../../platform/business-time.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { auditExport } from '../../platform/http/export-audit.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import { attachment, XLSX_MIME, XlsxFile } from '../../platform/http/xlsx-response.js';
import { balancesOf } from './balances.queries.js';
import { ledgerError } from './ledger.errors.js';
import {
  Month,
  MySummarySchema,
  PayoutAccountBody,
  PayoutAccountSchema,
  StatementSchema,
  WithdrawalDetailSchema,
  WithdrawalRequestBody,
  WithdrawalSchema,
} from './ledger.schema.js';
import { withdrawals } from './ledger.tables.js';
import { getPayoutAccount, setPayoutAccount } from './payout-accounts.service.js';
import { buildStatementFile } from './statement-export.js';
import { leaderStatement } from './statements.service.js';
import { getWithdrawalSettings } from './withdrawal-settings.service.js';
import { leaderOfUser, requestWithdrawal } from './withdrawals.service.js';
import { getWithdrawalDetail, listWithdrawals, withdrawalView } from './withdrawals.view.js';

const P = PERMISSIONS;
const tags = ['ledger', 'portal'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema, ...standardErrors };

/**
 * The leader's own money (我的收益 / 提现 / 对账单), for the leader portal. Every route starts from the
 * leader the logged-in user is (`leaders.user_id`) and has no leader id in its URL, so a leader can
 * only ever read or move their own money.
 */
export const ledgerPortalRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const me = (userId: string | undefined) => leaderOfUser(deps.db, userId);

  app.get(
    '/api/ledger/me',
    {
      config: { access: { permission: P.leaderPortal } },
      schema: {
        tags,
        summary: 'My balances, payout account and the withdrawal rules (我的收益)',
        response: { 200: MySummarySchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) => {
      const leader = await me(req.auth?.user.id);
      const [balances, payoutAccount, rules, [today]] = await Promise.all([
        balancesOf(deps.db, leader.id),
        getPayoutAccount(deps.db, leader.id),
        getWithdrawalSettings(deps.db),
        deps.db
          .select({ n: count() })
          .from(withdrawals)
          .where(
            and(
              eq(withdrawals.leaderId, leader.id),
              eq(withdrawals.localDay, localDate(deps.clock.now())),
              ne(withdrawals.status, 'rejected'),
            ),
          ),
      ]);
      const { updatedAt: _u, updatedBy: _b, ...ruleValues } = rules;
      return {
        leader,
        balances,
        withdrawableFen: Math.max(0, balances.availableFen - balances.owedFen),
        payoutAccount,
        rules: ruleValues,
        requestsToday: today?.n ?? 0,
      };
    },
  );

  app.put(
    '/api/ledger/me/payout-account',
    {
      config: { access: { permission: P.leaderPortal } },
      schema: {
        tags,
        summary: 'Set my payout account: bank card or WeChat openid (收款账户)',
        body: PayoutAccountBody,
        response: { 200: PayoutAccountSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) => {
      const leader = await me(req.auth?.user.id);
      return setPayoutAccount(deps, actorOf(req), leader.id, req.body);
    },
  );

  app.get(
    '/api/ledger/me/withdrawals',
    {
      config: { access: { permission: P.leaderPortal } },
      schema: {
        tags,
        summary: 'My withdrawal requests and their status, newest first (提现记录)',
        querystring: Type.Object({ ...PageQuery }),
        response: {
          200: Type.Object({ items: Type.Array(WithdrawalSchema), total: Type.Integer() }),
          404: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req) => {
      const leader = await me(req.auth?.user.id);
      return listWithdrawals(deps.db, { leaderId: leader.id, ...req.query });
    },
  );

  app.get(
    '/api/ledger/me/withdrawals/:id',
    {
      config: { access: { permission: P.leaderPortal } },
      schema: {
        tags,
        summary: 'One of my withdrawals with its transfers',
        params: IdParams,
        response: { 200: WithdrawalDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) => {
      const leader = await me(req.auth?.user.id);
      return getWithdrawalDetail(deps.db, req.params.id, leader.id);
    },
  );

  app.post(
    '/api/ledger/me/withdrawals',
    {
      config: { access: { permission: P.leaderPortal } },
      schema: {
        tags,
        summary:
          'Request a withdrawal (申请提现); needs an Idempotency-Key header, a replay answers the first request',
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        body: WithdrawalRequestBody,
        response: { 201: WithdrawalSchema, ...writeErrors },
      },
    },
    async (req, reply) => {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || key.length < 8 || key.length > 128) {
        throw ledgerError('ledger.idempotency_key_required', { field: 'headers.idempotency-key' });
      }
      const leader = await me(req.auth?.user.id);
      const { withdrawal, replayed } = await requestWithdrawal(deps, actorOf(req), leader.id, {
        amountFen: req.body.amountFen,
        idempotencyKey: key,
      });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(withdrawalView(withdrawal));
    },
  );

  app.get(
    '/api/ledger/me/statements',
    {
      config: { access: { permission: P.leaderPortal } },
      schema: {
        tags,
        summary: 'My monthly statement (我的对账单)',
        querystring: Type.Object({ month: Month }),
        response: { 200: StatementSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) => {
      const leader = await me(req.auth?.user.id);
      return leaderStatement(deps.db, leader.id, req.query.month);
    },
  );

  app.get(
    '/api/ledger/me/statements/export',
    {
      config: { access: { permission: P.leaderPortal } },
      schema: {
        tags,
        summary: 'My monthly statement as xlsx',
        querystring: Type.Object({ month: Month }),
        response: { 200: XlsxFile, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => {
      const leader = await me(req.auth?.user.id);
      const s = await leaderStatement(deps.db, leader.id, req.query.month);
      const file = await buildStatementFile(s, deps.config.businessTimeZone);
      // The leader's own statement, but personal data leaving the system all the same.
      await auditExport(deps, actorOf(req), {
        action: 'ledger.statement.exported',
        entityType: 'leader',
        entityId: leader.id,
        filter: req.query,
        rows: s.lines.length,
      });
      return reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachment(`statement-${s.leader.code}-${s.month}.xlsx`, `对账单-${s.month}.xlsx`),
        )
        .send(file);
    },
  );
};
