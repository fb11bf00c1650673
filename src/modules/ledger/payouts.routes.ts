import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../platform/auth/index.js';
import type { Deps } from '../../platform/deps.js';
import { actorOf } from '../../platform/http/auth-hook.js';
import { auditExport } from '../../platform/http/export-audit.js';
import { ErrorBodySchema, IdParams, PageQuery, standardErrors } from '../../platform/http/schemas.js';
import { attachment, XLSX_MIME, XlsxFile } from '../../platform/http/xlsx-response.js';
import {
  CreateBatchBody,
  PaidBody,
  PayoutBatchDetailSchema,
  PayoutBatchSchema,
  PayoutLineSchema,
  ReasonBody,
  WithdrawalDetailSchema,
  WithdrawalListItemSchema,
  WithdrawalSchema,
  WithdrawalStatusSchema,
} from './ledger.schema.js';
import { revealAccount } from './payout-accounts.service.js';
import { buildPayoutFile } from './payout-export.js';
import {
  batchLineRows,
  createPayoutBatch,
  getPayoutBatch,
  listPayoutBatches,
  markPayoutLineFailed,
  markPayoutLinePaid,
} from './payouts.service.js';
import { approveWithdrawal, rejectWithdrawal } from './withdrawals.service.js';
import { getWithdrawalDetail, listWithdrawals, withdrawalView } from './withdrawals.view.js';

const P = PERMISSIONS;
const tags = ['ledger'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, 422: ErrorBodySchema, ...standardErrors };

const lineView = (l: {
  id: string;
  batchId: string;
  withdrawalId: string;
  status: string;
  amountFen: number;
}) => ({
  id: l.id,
  batchId: l.batchId,
  withdrawalId: l.withdrawalId,
  status: l.status,
  amountFen: l.amountFen,
});

/** Withdrawal review (提现审核), payout batches (打款批次) and marking payout lines paid or failed. */
export const payoutsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/ledger/withdrawals',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'Withdrawal requests by status or leader; the review queue is status=requested (提现申请)',
        querystring: Type.Object({
          status: Type.Optional(WithdrawalStatusSchema),
          leaderId: Type.Optional(Type.String({ maxLength: 64 })),
          ...PageQuery,
        }),
        response: {
          200: Type.Object({ items: Type.Array(WithdrawalListItemSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listWithdrawals(deps.db, req.query),
  );

  app.get(
    '/api/ledger/withdrawals/:id',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'One withdrawal with the transfers it caused',
        params: IdParams,
        response: { 200: WithdrawalDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getWithdrawalDetail(deps.db, req.params.id),
  );

  app.post(
    '/api/ledger/withdrawals/:id/approve',
    {
      config: { access: { permission: P.payoutsWrite } },
      schema: {
        tags,
        summary: 'Approve a requested withdrawal (审核通过); a second approval is refused with 409',
        params: IdParams,
        body: Type.Object({}, { additionalProperties: false }),
        response: { 200: WithdrawalSchema, ...writeErrors },
      },
    },
    async (req) => withdrawalView(await approveWithdrawal(deps, actorOf(req), req.params.id)),
  );

  app.post(
    '/api/ledger/withdrawals/:id/reject',
    {
      config: { access: { permission: P.payoutsWrite } },
      schema: {
        tags,
        summary: 'Reject a withdrawal with a reason (驳回); the amount, fee and tax return to available',
        params: IdParams,
        body: ReasonBody,
        response: { 200: WithdrawalSchema, ...writeErrors },
      },
    },
    async (req) =>
      withdrawalView(await rejectWithdrawal(deps, actorOf(req), req.params.id, req.body.reason.trim())),
  );

  app.get(
    '/api/ledger/payout-batches',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'Payout batches, newest first (打款批次)',
        querystring: Type.Object({ ...PageQuery }),
        response: {
          200: Type.Object({ items: Type.Array(PayoutBatchSchema), total: Type.Integer() }),
          ...standardErrors,
        },
      },
    },
    (req) => listPayoutBatches(deps.db, req.query),
  );

  app.post(
    '/api/ledger/payout-batches',
    {
      config: { access: { permission: P.payoutsWrite } },
      schema: {
        tags,
        summary: 'Gather approved withdrawals of one payout method into a batch (生成打款批次)',
        body: CreateBatchBody,
        response: { 201: PayoutBatchDetailSchema, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createPayoutBatch(deps, actorOf(req), req.body)),
  );

  app.get(
    '/api/ledger/payout-batches/:id',
    {
      config: { access: { permission: P.ledgerRead } },
      schema: {
        tags,
        summary: 'One payout batch with its lines (accounts masked)',
        params: IdParams,
        response: { 200: PayoutBatchDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    (req) => getPayoutBatch(deps.db, req.params.id),
  );

  app.get(
    '/api/ledger/payout-batches/:id/export',
    {
      config: { access: { permission: P.payoutsWrite } },
      schema: {
        tags,
        summary:
          'The batch as a bank or WeChat batch-transfer xlsx, with full account numbers (导出打款文件)',
        params: IdParams,
        response: { 200: XlsxFile, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req, reply) => {
      const batch = await getPayoutBatch(deps.db, req.params.id);
      const rows = await batchLineRows(deps.db, batch.id);
      const file = await buildPayoutFile(
        batch,
        rows.map((r) => ({
          seq: r.line.seq,
          lineId: r.line.id,
          withdrawalId: r.line.withdrawalId,
          payeeName: r.payeeName,
          account: revealAccount(deps.crypto, r.accountEnc),
          bankName: r.bankName,
          amountFen: r.line.amountFen,
          leaderCode: r.leaderCode ?? '',
        })),
        deps.config.businessTimeZone,
      );
      // The file holds full account numbers and openids (the bank or WeChat pays from it; the pages
      // show them masked): who took it, and when, is on record before it is sent.
      await auditExport(deps, actorOf(req), {
        action: 'ledger.payout_batch.exported',
        entityType: 'payout_batch',
        entityId: batch.id,
        filter: { batchId: batch.id, method: batch.method },
        rows: rows.length,
      });
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`payout-${batch.id}.xlsx`, `打款批次-${batch.id}.xlsx`))
        .send(file);
    },
  );

  app.post(
    '/api/ledger/payout-lines/:id/paid',
    {
      config: { access: { permission: P.payoutsWrite } },
      schema: {
        tags,
        summary: 'Mark a payout line paid (已打款); a line already marked is refused with 409',
        params: IdParams,
        body: PaidBody,
        response: { 200: PayoutLineSchema, ...writeErrors },
      },
    },
    async (req) => lineView(await markPayoutLinePaid(deps, actorOf(req), req.params.id, req.body)),
  );

  app.post(
    '/api/ledger/payout-lines/:id/failed',
    {
      config: { access: { permission: P.payoutsWrite } },
      schema: {
        tags,
        summary: 'Mark a payout line failed with the reason (打款失败); the money returns to available',
        params: IdParams,
        body: ReasonBody,
        response: { 200: PayoutLineSchema, ...writeErrors },
      },
    },
    async (req) => lineView(await markPayoutLineFailed(deps, actorOf(req), req.params.id, req.body)),
  );
};
