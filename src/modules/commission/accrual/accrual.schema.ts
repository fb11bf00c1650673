import { type TSchema, Type } from 'typebox';
import { COMMISSION_RULES } from '../domain/entries.js';
import { ENTRY_STATUSES } from '../entries.tables.js';

/** HTTP shapes of the money path's routes: entries, settlements, the manual runs and the settings. */
const strict = { additionalProperties: false } as const;
const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', maxLength: 10 });
const Lang = Type.Object({ zh: Type.String(), en: Type.String() });

export const RuleSchema = Type.Union([
  Type.Literal('direct'),
  Type.Literal('differential'),
  Type.Literal('peer'),
  Type.Literal('generation'),
  Type.Literal('recruit_rate'),
  Type.Literal('tiered'),
  Type.Literal('regional_dividend'),
  Type.Literal('hot_product'),
  Type.Literal('recruit_bonus'),
]);
export const EntryStatusSchema = Type.Union([
  Type.Literal('estimated'),
  Type.Literal('final'),
  Type.Literal('settled'),
  Type.Literal('voided'),
]);
/** The literals above are the domain's lists, spelled out for TypeBox's types; keep them in step. */
export const SCHEMA_LISTS = { rules: COMMISSION_RULES, statuses: ENTRY_STATUSES };

export const EntriesQuerySchema = Type.Object(
  {
    leaderId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    orderId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    rule: Type.Optional(RuleSchema),
    status: Type.Optional(EntryStatusSchema),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  },
  strict,
);

export const EntrySchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  leaderId: Type.String(),
  leaderName: Nullable(Type.String()),
  leaderCode: Nullable(Type.String()),
  rule: Type.String(),
  ruleLabel: Lang,
  causeType: Type.String(),
  orderId: Nullable(Type.String()),
  orderLineId: Nullable(Type.String()),
  campaignId: Nullable(Type.String()),
  skuId: Nullable(Type.String()),
  periodKey: Nullable(Type.String()),
  planId: Type.String(),
  planVersion: Type.Integer(),
  chainPosition: Nullable(Type.Integer()),
  baseFen: Type.Integer(),
  rateBps: Nullable(Type.Integer()),
  perUnitFen: Nullable(Type.Integer()),
  amountFen: Type.Integer(),
  voidedFen: Type.Integer(),
  clawedBackFen: Type.Integer(),
  keptFen: Type.Integer(),
  status: EntryStatusSchema,
  paidAt: Nullable(Type.String()),
  createdAt: Type.String(),
  finalAt: Nullable(Type.String()),
  settledAt: Nullable(Type.String()),
  settlementId: Nullable(Type.String()),
  settlementDay: Nullable(Type.String()),
});

export const EntryListSchema = Type.Object({
  items: Type.Array(EntrySchema),
  total: Type.Integer(),
  sums: Type.Object({
    amountFen: Type.Integer(),
    voidedFen: Type.Integer(),
    clawedBackFen: Type.Integer(),
    keptFen: Type.Integer(),
  }),
});

export const EntryDetailSchema = Type.Intersect([
  EntrySchema,
  Type.Object({
    planName: Nullable(Type.String()),
    productName: Nullable(Type.String()),
    quantity: Nullable(Type.Integer()),
    explanation: Lang,
    detail: Type.Unknown(),
    adjustments: Type.Array(
      Type.Object({
        refundId: Type.String(),
        kind: Type.String(),
        quantity: Type.Integer(),
        lineFen: Type.Integer(),
        amountFen: Type.Integer(),
        fromAvailableFen: Type.Integer(),
        toOwedFen: Type.Integer(),
        refundedAt: Type.String(),
        at: Type.String(),
      }),
    ),
    transfers: Type.Array(
      Type.Object({
        key: Type.String(),
        amountFen: Type.Integer(),
        /** Entries an accrual transfer carries (the leader's new entries of one accrual); null otherwise. */
        entryCount: Nullable(Type.Integer()),
        /** This entry's part of an accrual transfer; null for a transfer of this entry alone. */
        entryShareFen: Nullable(Type.Integer()),
        at: Type.String(),
        memo: Nullable(Type.String()),
        debit: Type.String(),
        credit: Type.String(),
      }),
    ),
  }),
]);

export const AccrualResultSchema = Type.Object({
  orderId: Type.String(),
  orders: Type.Integer(),
  lines: Type.Integer(),
  withoutPlan: Type.Integer(),
  computed: Type.Integer(),
  inserted: Type.Integer(),
  posted: Type.Integer(),
  adjustments: Type.Integer(),
});

export const SettlementSchema = Type.Object({
  id: Type.String(),
  day: Type.String(),
  entryCount: Type.Integer(),
  leaderCount: Type.Integer(),
  settledFen: Type.Integer(),
  nettedFen: Type.Integer(),
  transferCount: Type.Integer(),
  trigger: Type.String(),
  actorName: Nullable(Type.String()),
  at: Type.String(),
  durationMs: Type.Integer(),
});

export const SettlementDetailSchema = Type.Intersect([
  SettlementSchema,
  Type.Object({
    leaders: Type.Object({
      items: Type.Array(
        Type.Object({
          leaderId: Type.String(),
          leaderName: Nullable(Type.String()),
          leaderCode: Nullable(Type.String()),
          entryCount: Type.Integer(),
          settledFen: Type.Integer(),
          nettedFen: Type.Integer(),
          availableFen: Type.Integer(),
        }),
      ),
      total: Type.Integer(),
    }),
  }),
]);

export const FreezeResultSchema = Type.Object({
  asOf: Type.String(),
  afterSalesDays: Type.Integer(),
  orders: Type.Integer(),
  entries: Type.Integer(),
});

export const RunSettlementBody = Type.Object({ day: Day }, strict);

export const RunSettlementResultSchema = Type.Object({
  created: Type.Boolean(),
  settlement: SettlementSchema,
  freeze: Nullable(FreezeResultSchema),
});

export const AccrualSettingsSchema = Type.Object({
  afterSalesDays: Type.Integer(),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
});

export const AccrualSettingsBody = Type.Object(
  { afterSalesDays: Type.Integer({ minimum: 0, maximum: 90 }) },
  strict,
);
