import { type TSchema, Type } from 'typebox';

/** Request and response schemas of the ledger API: one source for validation, types and OpenAPI. */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Fen = Type.Integer();
const Id = Type.String({ minLength: 1, maxLength: 64 });

export const LeaderKindSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('available'),
  Type.Literal('withdrawing'),
  Type.Literal('paid_out'),
  Type.Literal('owed'),
]);
export const CompanyKindSchema = Type.Union([
  Type.Literal('commission_expense'),
  Type.Literal('payouts_payable'),
  Type.Literal('tax_withheld'),
  Type.Literal('fees'),
  Type.Literal('bank'),
]);
export const AccountKindSchema = Type.Union([LeaderKindSchema, CompanyKindSchema]);

export const WithdrawalStatusSchema = Type.Union([
  Type.Literal('requested'),
  Type.Literal('approved'),
  Type.Literal('batched'),
  Type.Literal('paid'),
  Type.Literal('failed'),
  Type.Literal('rejected'),
]);
export const PayoutMethodSchema = Type.Union([Type.Literal('bank'), Type.Literal('wechat')]);

export const BalancesSchema = Type.Object({
  leaderId: Type.String(),
  pendingFen: Fen,
  availableFen: Fen,
  withdrawingFen: Fen,
  paidOutFen: Fen,
  owedFen: Fen,
  totalFen: Fen,
});

export const LeaderBalancesItemSchema = Type.Intersect([
  BalancesSchema,
  Type.Object({ leaderName: Type.String(), leaderCode: Type.String(), leaderStatus: Type.String() }),
]);

export const OverviewSchema = Type.Object({
  company: Type.Array(Type.Object({ kind: Type.String(), balanceFen: Fen, storedFen: Fen })),
  leaders: Type.Array(
    Type.Object({ kind: Type.String(), balanceFen: Fen, storedFen: Fen, accounts: Type.Integer() }),
  ),
  sumStoredFen: Fen,
});

const TransferSide = Type.Object({
  owner: Type.String(),
  leaderId: Nullable(Type.String()),
  leaderName: Nullable(Type.String()),
  kind: Type.String(),
});

export const TransferSchema = Type.Object({
  id: Type.Integer(),
  key: Type.String(),
  postingId: Type.Integer(),
  amountFen: Fen,
  causeType: Type.String(),
  causeId: Type.String(),
  memo: Nullable(Type.String()),
  at: Type.String(),
  debit: TransferSide,
  credit: TransferSide,
});

export const TransfersQuerySchema = Type.Object({
  leaderId: Type.Optional(Id),
  kind: Type.Optional(AccountKindSchema),
  causeType: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  causeId: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  key: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
});

export const InvariantReportSchema = Type.Object({
  ok: Type.Boolean(),
  checkedAt: Type.String(),
  accounts: Type.Integer(),
  transfers: Type.Integer(),
  sumFen: Fen,
  checks: Type.Array(Type.Object({ name: Type.String(), problems: Type.Integer() })),
  problems: Type.Array(
    Type.Object({
      check: Type.String(),
      message: Type.String(),
      messageZh: Type.String(),
      accountCode: Type.Optional(Type.String()),
      causeType: Type.Optional(Type.String()),
      causeIds: Type.Optional(Type.Array(Type.String())),
      expectedFen: Type.Optional(Fen),
      actualFen: Type.Optional(Fen),
    }),
  ),
});

const settingsFields = {
  minAmountFen: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
  feeFixedFen: Type.Integer({ minimum: 0, maximum: 100_000_000 }),
  feeBps: Type.Integer({ minimum: 0, maximum: 10_000 }),
  dailyCountLimit: Type.Integer({ minimum: 1, maximum: 100 }),
  taxBps: Type.Integer({ minimum: 0, maximum: 10_000 }),
};

export const WithdrawalSettingsBody = Type.Object(
  {
    ...settingsFields,
    /** Absent: keeps what is saved (clients from before the setting still save the rest). */
    withdrawWhileOwed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const WithdrawalSettingsSchema = Type.Object({
  ...settingsFields,
  withdrawWhileOwed: Type.Boolean(),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
});

export const PayoutAccountBody = Type.Object(
  {
    method: PayoutMethodSchema,
    payeeName: Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' }),
    account: Type.String({ minLength: 1, maxLength: 80 }),
    bankName: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  },
  { additionalProperties: false },
);

export const PayoutAccountSchema = Type.Object({
  leaderId: Type.String(),
  method: PayoutMethodSchema,
  payeeName: Type.String(),
  accountMasked: Type.String(),
  bankName: Nullable(Type.String()),
  updatedAt: Type.String(),
});

const withdrawalFields = {
  id: Type.String(),
  leaderId: Type.String(),
  amountFen: Fen,
  feeFen: Fen,
  taxFen: Fen,
  netFen: Fen,
  status: WithdrawalStatusSchema,
  method: PayoutMethodSchema,
  payeeName: Type.String(),
  accountMasked: Type.String(),
  bankName: Nullable(Type.String()),
  requestedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decidedBy: Nullable(Type.String()),
  rejectReason: Nullable(Type.String()),
  batchId: Nullable(Type.String()),
  completedAt: Nullable(Type.String()),
  failReason: Nullable(Type.String()),
};

export const WithdrawalSchema = Type.Object(withdrawalFields);

export const WithdrawalListItemSchema = Type.Object({
  ...withdrawalFields,
  leaderName: Type.String(),
  leaderCode: Type.String(),
  leaderAvailableFen: Fen,
  leaderOwedFen: Fen,
  /** Available − owed: negative while the debt is larger than what is available. */
  leaderNetFen: Type.Integer(),
});

export const WithdrawalDetailSchema = Type.Object({
  ...withdrawalFields,
  leaderName: Type.String(),
  leaderCode: Type.String(),
  leaderAvailableFen: Fen,
  leaderOwedFen: Fen,
  leaderNetFen: Type.Integer(),
  transfers: Type.Array(TransferSchema),
});

export const WithdrawalRequestBody = Type.Object(
  { amountFen: Type.Integer({ minimum: 1, maximum: 10_000_000_000 }) },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }) },
  { additionalProperties: false },
);

export const PaidBody = Type.Object(
  { reference: Type.Optional(Type.String({ maxLength: 100 })) },
  { additionalProperties: false },
);

export const CreateBatchBody = Type.Object(
  {
    method: PayoutMethodSchema,
    withdrawalIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 5000 })),
    note: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const batchFields = {
  id: Type.String(),
  method: PayoutMethodSchema,
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  lineCount: Type.Integer(),
  totalFen: Fen,
  paidCount: Type.Integer(),
  failedCount: Type.Integer(),
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  createdBy: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
};

export const PayoutBatchSchema = Type.Object(batchFields);

export const PayoutBatchDetailSchema = Type.Object({
  ...batchFields,
  lines: Type.Array(
    Type.Object({
      id: Type.String(),
      seq: Type.Integer(),
      withdrawalId: Type.String(),
      leaderId: Type.String(),
      leaderName: Type.String(),
      leaderCode: Type.String(),
      payeeName: Type.String(),
      accountMasked: Type.String(),
      bankName: Nullable(Type.String()),
      amountFen: Fen,
      status: Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('failed')]),
      reference: Nullable(Type.String()),
      failReason: Nullable(Type.String()),
      markedAt: Nullable(Type.String()),
      markedBy: Nullable(Type.String()),
    }),
  ),
});

export const PayoutLineSchema = Type.Object({
  id: Type.String(),
  batchId: Type.String(),
  withdrawalId: Type.String(),
  status: Type.String(),
  amountFen: Fen,
});

const BucketsSchema = Type.Object({
  pending: Fen,
  available: Fen,
  withdrawing: Fen,
  paid_out: Fen,
  owed: Fen,
});

const BucketsWithBalance = Type.Intersect([BucketsSchema, Type.Object({ balanceFen: Fen })]);

export const StatementSchema = Type.Object({
  leader: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() }),
  month: Type.String(),
  from: Type.String(),
  to: Type.String(),
  opening: BucketsWithBalance,
  closing: BucketsWithBalance,
  rows: Type.Array(
    Type.Object({
      category: Type.String(),
      label: Type.Object({ zh: Type.String(), en: Type.String() }),
      count: Type.Integer(),
      amountFen: Fen,
      effectFen: Fen,
      deltas: BucketsSchema,
    }),
  ),
  lines: Type.Array(
    Type.Object({
      transferId: Type.Integer(),
      at: Type.String(),
      category: Type.String(),
      causeType: Type.String(),
      causeId: Type.String(),
      memo: Nullable(Type.String()),
      amountFen: Fen,
      effectFen: Fen,
      balanceAfterFen: Fen,
    }),
  ),
  summary: Type.Object({
    openingFen: Fen,
    accrualsFen: Fen,
    voidsFen: Fen,
    settlementsFen: Fen,
    clawbacksFen: Fen,
    owedRepaidFen: Fen,
    withdrawalsFen: Fen,
    feesFen: Fen,
    taxFen: Fen,
    returnedFen: Fen,
    paidFen: Fen,
    adjustmentsFen: Fen,
    closingFen: Fen,
  }),
});

export const Month = Type.String({ minLength: 7, maxLength: 7, description: 'YYYY-MM (Asia/Shanghai)' });

export const MySummarySchema = Type.Object({
  leader: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() }),
  balances: BalancesSchema,
  withdrawableFen: Fen,
  payoutAccount: Nullable(PayoutAccountSchema),
  rules: Type.Object({ ...settingsFields }),
  requestsToday: Type.Integer(),
});
