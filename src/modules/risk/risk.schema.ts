import { Type } from 'typebox';

/** Request and response schemas of the risk API: one source for validation, types and OpenAPI. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** Limits are checked in code (risk-rules.ts) so that zero or a negative number gets its own message. */
const Limit = Nullable(Type.Integer({ description: 'null: no limit' }));

export const PolicyBody = Type.Object(
  {
    enabled: Type.Boolean({ description: 'the master switch: off holds no order' }),
    maxQuantityPerOrder: Limit,
    maxOrdersPerPhonePerCampaign: Limit,
  },
  { additionalProperties: false },
);

export const PolicySchema = Type.Object({
  enabled: Type.Boolean(),
  maxQuantityPerOrder: Nullable(Type.Integer()),
  maxOrdersPerPhonePerCampaign: Nullable(Type.Integer()),
  version: Type.Integer(),
  updatedAt: Nullable(Type.String()),
  updatedBy: Nullable(Type.String()),
});

export const BlockKindSchema = Type.Union([Type.Literal('phone'), Type.Literal('address')]);

const Reason = Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' });

export const BlockBody = Type.Object(
  {
    kind: BlockKindSchema,
    value: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'a mainland mobile number, or an address fragment matched inside pickup addresses',
    }),
    reason: Reason,
  },
  { additionalProperties: false },
);

export const BlockSchema = Type.Object({
  id: Type.String(),
  kind: BlockKindSchema,
  display: Type.String({ description: 'the masked phone, or the address as entered' }),
  reason: Type.String(),
  createdBy: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const ReasonBody = Type.Object({ reason: Reason }, { additionalProperties: false });
export const OptionalReasonBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 200 })) },
  { additionalProperties: false },
);

export const HoldStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);

const ReasonCode = Type.Union([
  Type.Literal('quantity_over_limit'),
  Type.Literal('too_many_orders'),
  Type.Literal('blocked_phone'),
  Type.Literal('blocked_address'),
]);

export const HoldSchema = Type.Object({
  orderId: Type.String(),
  campaignId: Type.String(),
  campaignName: Type.String(),
  status: HoldStatusSchema,
  reasons: Type.Array(Type.Object({ code: ReasonCode, detail: Type.String() })),
  createdAt: Type.String(),
  decidedBy: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  order: Type.Object({
    status: Type.String(),
    leaderName: Type.String(),
    leaderCode: Type.String(),
    pickupPointName: Type.String(),
    pickupAddress: Type.String(),
    customerName: Nullable(Type.String()),
    phoneMasked: Type.String(),
    totalFen: Type.Integer(),
    itemCount: Type.Integer(),
    placedAt: Type.String(),
    paymentDueAt: Type.String(),
  }),
});

export const DecisionSchema = Type.Object({
  orderId: Type.String(),
  status: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
  orderStatus: Type.String(),
  decidedAt: Type.String(),
  paymentDueAt: Nullable(Type.String()),
});
