import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { auditExport } from '../../platform/http/export-audit.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import { attachment, XLSX_MIME, XlsxFile } from '../../platform/http/xlsx-response.js';
import { assertLeader, balancesOf, ledgerOverview, listLeaderBalances } from './balances.queries.js';
import { type CauseTypes, checkInvariants } from './invariants.js';
import {
  BalancesSchema,
  InvariantReportSchema,
  LeaderBalancesItemSchema,
  Month,
  OverviewSchema,
  PayoutAccountBody,
  PayoutAccountSchema,
  StatementSchema,
  TransferSchema,
  TransfersQuerySchema,
  WithdrawalSettingsBody,
  WithdrawalSettingsSchema,
} from './ledger.schema.js';
import { ledgerPortalRoutes } from './ledger-portal.routes.js';
import { getPayoutAccount, setPayoutAccount } from './payout-accounts.service.js';
import { payoutsRoutes } from './payouts.routes.js';
import { buildStatementFile } from './statement-export.js';
import { leaderStatement } from './statements.service.js';
import { listTransfers } from './transfers.queries.js';
import { getWithdrawalSettings, saveWithdrawalSettings } from './withdrawal-settings.service.js';

const P = PERMISSIONS;
const tags = ['ledger'];

/**
 * The ledger's HTTP API for finance (财务): accounts, transfers, statements, settings, the invariant
 * check. `causeTypes` are every module's declared cause types (CAUSE_TYPES in src/modules.ts).
 */
export const ledgerRoutes: FastifyPluginAsyncTypebox<{ deps: Deps; causeTypes: CauseTypes }> = async (
  app,
  { deps, causeTypes },
) => {
  await app.register(payoutsRoutes, { deps });
  await app.register(ledgerPortalRoutes, { deps });

  app.get(
    '/api/ledger/overview',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'Company account balances and leader balances summed per kind (账户总览)',
        response: { 200: OverviewSchema, ...standardErrors },
      },
    },
    () => ledgerOverview(deps.db),
  );

  app.get(
    '/api/ledger/leader-balances',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'Leaders with their balances, searched by name or code (团长账户余额)',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 64 })),
          nonZero: Type.Optional(Type.Boolean()),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(LeaderBalancesItemSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listLeaderBalances(deps.db, req.query),
  );

  app.get(
    '/api/ledger/leaders/:id',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'One leader’s balances and payout account (masked)',
        params: IdParams,
        response: {
          200: Type.Object({
            leader: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() }),
            balances: BalancesSchema,
            payoutAccount: Type.Union([PayoutAccountSchema, Type.Null()]),
          }),
          404: ErrorBodySchema,
          ...standardErrors,
        },
      },
    },
    async (req) => ({
      leader: await assertLeader(deps.db, req.params.id, 'params.id'),
      balances: await balancesOf(deps.db, req.params.id),
      payoutAccount: await getPayoutAccount(deps.db, req.params.id),
    }),
  );

  app.put(
    '/api/ledger/leaders/:id/payout-account',
    {
      config: { access: { permission: P.payoutsWrite } },
      schema: {
        tags,
        summary: 'Set where a leader’s withdrawals are paid: bank card or WeChat openid (收款账户)',
        params: IdParams,
        body: PayoutAccountBody,
        response: { 200: PayoutAccountSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => setPayoutAccount(deps, actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/ledger/transfers',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'Transfers, newest first, by leader, account kind, cause or time (转账流水)',
        querystring: Type.Object({ ...TransfersQuerySchema.properties, ...PageQuery }),
        response: {
          200: Type.Object({ items: Type.Array(TransferSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => {
      const { from, to, ...rest } = req.query;
      return listTransfers(deps.db, {
        ...rest,
        from: from ? new Date(from) : undefined,
        to: to ? new Date(to) : undefined,
      });
    },
  );

  app.get(
    '/api/ledger/invariants',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'Run the ledger invariant check now and list every problem found (不变量校验)',
        response: { 200: InvariantReportSchema, ...standardErrors },
      },
    },
    () => checkInvariants(deps.db, causeTypes, deps.clock.now()),
  );

  app.get(
    '/api/ledger/statements',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'A leader’s monthly statement (对账单)',
        querystring: Type.Object({ leaderId: Type.String({ minLength: 1, maxLength: 64 }), month: Month }),
        response: { 200: StatementSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => leaderStatement(deps.db, req.query.leaderId, req.query.month),
  );

  app.get(
    '/api/ledger/statements/export',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'A leader’s monthly statement as xlsx (导出对账单)',
        querystring: Type.Object({ leaderId: Type.String({ minLength: 1, maxLength: 64 }), month: Month }),
        response: { 200: XlsxFile, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => {
      const s = await leaderStatement(deps.db, req.query.leaderId, req.query.month);
      const file = await buildStatementFile(s, deps.config.businessTimeZone);
      // A leader's earnings leave the system: on record before the file is sent.
      await auditExport(deps, actorOf(req), {
        action: 'ledger.statement.exported',
        entityType: 'leader',
        entityId: req.query.leaderId,
        filter: req.query,
        rows: s.lines.length,
      });
      return reply
        .type(XLSX_MIME)
        .header(
          'content-disposition',
          attachment(`statement-${s.leader.code}-${s.month}.xlsx`, `对账单-${s.leader.name}-${s.month}.xlsx`),
        )
        .send(file);
    },
  );

  app.get(
    '/api/ledger/withdrawal-settings',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'Withdrawal rules: minimum, fee, daily count, tax withholding (提现设置)',
        response: { 200: WithdrawalSettingsSchema, ...standardErrors },
      },
    },
    () => getWithdrawalSettings(deps.db),
  );

  app.put(
    '/api/ledger/withdrawal-settings',
    {
      config: { access: { permission: P.payoutsWrite } },
      schema: {
        tags,
        summary: 'Change the withdrawal rules (audited)',
        body: WithdrawalSettingsBody,
        response: { 200: WithdrawalSettingsSchema, ...standardErrors },
      },
    },
    (req) => saveWithdrawalSettings(deps, actorOf(req), req.body),
  );
};
