import { type TSchema, Type } from 'typebox';

/** Request and response schemas of the period runs, the "why" views, the simulation and the leader's earnings. */
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Fen = Type.Integer();
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Label = Type.Object({ zh: Type.String(), en: Type.String() });

export const MonthString = Type.String({
  pattern: '^\\d{4}-(0[1-9]|1[0-2])$',
  description: 'YYYY-MM (Asia/Shanghai)',
});
export const DayString = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'YYYY-MM-DD (Asia/Shanghai)',
});

export const RunKindSchema = Type.Union([
  Type.Literal('month_close'),
  Type.Literal('hot_product'),
  Type.Literal('recruit_check'),
]);

export const RunSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  period: Type.String(),
  trigger: Type.String(),
  planId: Nullable(Type.String()),
  planVersion: Nullable(Type.Integer()),
  entriesComputed: Type.Integer(),
  entriesNew: Type.Integer(),
  computedFen: Fen,
  newFen: Fen,
  transfersPosted: Type.Integer(),
  report: Type.Record(Type.String(), Type.Unknown()),
  actorName: Nullable(Type.String()),
  at: Type.String(),
  durationMs: Type.Integer(),
});

export const EntrySchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  rule: Type.String(),
  ruleLabel: Label,
  causeType: Type.String(),
  beneficiaryId: Type.String(),
  beneficiaryName: Nullable(Type.String()),
  beneficiaryCode: Nullable(Type.String()),
  orderId: Nullable(Type.String()),
  orderRef: Nullable(Type.String()),
  orderLineId: Nullable(Type.String()),
  campaignId: Nullable(Type.String()),
  skuId: Nullable(Type.String()),
  productName: Nullable(Type.String()),
  quantity: Nullable(Type.Integer()),
  periodKey: Nullable(Type.String()),
  planId: Type.String(),
  planVersion: Type.Integer(),
  chainPosition: Nullable(Type.Integer()),
  baseFen: Fen,
  rateBps: Nullable(Type.Integer()),
  perUnitFen: Nullable(Fen),
  amountFen: Fen,
  voidedFen: Fen,
  clawedBackFen: Fen,
  netFen: Fen,
  status: Type.String(),
  paidAt: Nullable(Type.String()),
  createdAt: Type.String(),
  finalAt: Nullable(Type.String()),
  settledAt: Nullable(Type.String()),
  settlementId: Nullable(Type.String()),
  explanation: Type.Unknown(),
  text: Label,
});

export const RuleTotalSchema = Type.Object({
  rule: Type.String(),
  ruleLabel: Label,
  entries: Type.Integer(),
  amountFen: Fen,
  netFen: Fen,
});

export const RunDetailSchema = Type.Object({
  run: RunSchema,
  byRule: Type.Array(RuleTotalSchema),
  entries: Type.Array(EntrySchema),
});

export const MonthCloseBody = Type.Object({ month: MonthString }, { additionalProperties: false });
export const HotProductsBody = Type.Object({ campaignId: Id }, { additionalProperties: false });
export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const RunsQuery = Type.Object({
  kind: Type.Optional(RunKindSchema),
  period: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const EntryWhySchema = Type.Object({
  entry: EntrySchema,
  chain: Type.Array(EntrySchema),
  transfers: Type.Array(
    Type.Object({
      key: Type.String(),
      amountFen: Fen,
      at: Type.String(),
      memo: Nullable(Type.String()),
      debit: Type.String(),
      credit: Type.String(),
    }),
  ),
  adjustments: Type.Array(
    Type.Object({
      refundId: Type.String(),
      kind: Type.String(),
      quantity: Type.Integer(),
      amountFen: Fen,
      fromAvailableFen: Fen,
      toOwedFen: Fen,
      at: Type.String(),
    }),
  ),
});

export const LeaderWhySchema = Type.Object({
  leader: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() }),
  month: Type.String(),
  totalFen: Fen,
  netFen: Fen,
  byRule: Type.Array(RuleTotalSchema),
  entries: Type.Array(EntrySchema),
});

export const SimulationBody = Type.Object(
  { planId: Id, from: DayString, to: DayString },
  { additionalProperties: false },
);

const Cost = Type.Object({ totalFen: Fen, lineFen: Fen, periodFen: Fen, percentOfGmv: Type.Number() });
const PlanRef = Type.Object({ id: Type.String(), version: Type.Integer(), name: Type.String() });

export const SimulationSchema = Type.Object({
  plan: PlanRef,
  baselinePlan: Nullable(PlanRef),
  from: Type.String(),
  to: Type.String(),
  totals: Type.Object({
    lines: Type.Integer(),
    orders: Type.Integer(),
    leaders: Type.Integer(),
    gmvFen: Fen,
  }),
  hasBaseline: Type.Boolean(),
  draft: Cost,
  baseline: Cost,
  diff: Cost,
  byRule: Type.Array(
    Type.Object({
      rule: Type.String(),
      estimated: Type.Boolean(),
      draftFen: Fen,
      baselineFen: Fen,
      diffFen: Fen,
      draftEntries: Type.Integer(),
    }),
  ),
  byLevel: Type.Array(
    Type.Object({
      levelId: Nullable(Type.String()),
      levelName: Nullable(Type.String()),
      levelNameEn: Nullable(Type.String()),
      draftFen: Fen,
      baselineFen: Fen,
      diffFen: Fen,
    }),
  ),
  topEarners: Type.Array(
    Type.Object({
      leaderId: Type.String(),
      name: Type.String(),
      code: Nullable(Type.String()),
      draftFen: Fen,
      baselineFen: Fen,
      diffFen: Fen,
      draftEntries: Type.Integer(),
    }),
  ),
  elapsedMs: Type.Integer(),
});

export const EarningsSummarySchema = Type.Object({
  leader: Type.Object({ id: Type.String(), name: Type.String(), code: Type.String() }),
  /** 预估: accrued on paid orders not final yet (what refunds may still void). */
  estimatedFen: Fen,
  /** 待结算: final, waiting for the next T+1 settlement. */
  pendingFen: Fen,
  /** 可提现. */
  availableFen: Fen,
  /** 提现中: requested, not paid yet. */
  withdrawingFen: Fen,
  /** 已提现. */
  paidOutFen: Fen,
  /** 欠款: clawbacks beyond the available balance, repaid from the next earnings. */
  owedFen: Fen,
  withdrawableFen: Fen,
  month: Type.String(),
  monthFen: Fen,
  monthByRule: Type.Array(RuleTotalSchema),
});

export const EarningsEntriesQuery = Type.Object(
  {
    month: Type.Optional(MonthString),
    status: Type.Optional(
      Type.Union([
        Type.Literal('estimated'),
        Type.Literal('final'),
        Type.Literal('settled'),
        Type.Literal('voided'),
      ]),
    ),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
  },
  { additionalProperties: false },
);

export const WithdrawalPreviewQuery = Type.Object(
  { amountFen: Type.Integer({ minimum: 1, maximum: 10_000_000_000 }) },
  { additionalProperties: false },
);

export const WithdrawalPreviewSchema = Type.Object({
  amountFen: Fen,
  feeFen: Fen,
  taxFen: Fen,
  netFen: Fen,
  minAmountFen: Fen,
  withdrawableFen: Fen,
  /** Why the request would be refused, when it would (the same checks the request makes). */
  problem: Nullable(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
});
