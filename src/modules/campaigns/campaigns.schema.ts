import { type Static, Type } from 'typebox';
import type { CampaignState } from './campaign-state.js';
import { MAX_PRICE_FEN, MAX_STOCK_CAP } from './campaign-validation.js';
import { DEFAULT_PAYMENT_MINUTES, MAX_PAYMENT_MINUTES } from './campaigns.tables.js';

/** Request and response schemas of the campaigns API: one source for validation, types and OpenAPI. */
// Spelled out (not mapped from CAMPAIGN_STATES) so that the static type keeps each literal.
export const CampaignStateSchema = Type.Union([
  Type.Literal('draft'),
  Type.Literal('scheduled'),
  Type.Literal('live'),
  Type.Literal('closed'),
  Type.Literal('fulfilled'),
  Type.Literal('cancelled'),
]);
type SchemaStates = Static<typeof CampaignStateSchema>;
// Fails to compile when a state is added to the machine but not to the schema, or the other way round.
const _sameStates: [SchemaStates, CampaignState] extends [CampaignState, SchemaStates] ? true : never = true;
void _sameStates;

const IsoTime = Type.String({ format: 'date-time', description: 'ISO 8601 with a time zone' });

export const CampaignItemBody = Type.Object(
  {
    skuId: Type.String({ minLength: 1, maxLength: 64 }),
    priceFen: Type.Integer({ minimum: 0, maximum: MAX_PRICE_FEN, description: 'campaign price in fen' }),
    stockCap: Type.Integer({ minimum: 1, maximum: MAX_STOCK_CAP }),
    perCustomerLimit: Type.Integer({ minimum: 1, maximum: MAX_STOCK_CAP }),
    sortOrder: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);

export const CampaignBody = Type.Object(
  {
    code: Type.String({ pattern: '^[A-Za-z0-9_-]{2,32}$', description: '2-32 letters, digits, _ or -' }),
    name: Type.String({ minLength: 1, maxLength: 100 }),
    coverUrl: Type.Optional(Type.String({ maxLength: 1000, pattern: '^(|https?://\\S+|/\\S*)$' })),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    startsAt: IsoTime,
    endsAt: IsoTime,
    cutoffAt: IsoTime,
    deliveryDate: Type.String({ format: 'date', description: 'YYYY-MM-DD (Asia/Shanghai)' }),
    sellTo: Type.Union([Type.Literal('all'), Type.Literal('regions')]),
    regionIds: Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500 }),
    warehouseId: Type.Optional(
      Type.Union([Type.String({ maxLength: 64 }), Type.Null()], {
        description:
          '发货仓: the warehouse every item is allocated from; null for the first that stocks each SKU',
      }),
    ),
    paymentMinutes: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: MAX_PAYMENT_MINUTES,
        description: `付款时限: minutes a customer has to pay; unpaid orders are cancelled after it (default ${DEFAULT_PAYMENT_MINUTES})`,
      }),
    ),
    items: Type.Array(CampaignItemBody, { maxItems: 500 }),
  },
  { additionalProperties: false },
);

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

const campaignFields = {
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  coverUrl: Type.String(),
  description: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  cutoffAt: Type.String(),
  deliveryDate: Type.String(),
  state: CampaignStateSchema,
  sellTo: Type.Union([Type.Literal('all'), Type.Literal('regions')]),
  regionIds: Type.Array(Type.String()),
  warehouseId: Nullable(Type.String()),
  paymentMinutes: Type.Integer(),
  closeReason: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  cancelledAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const CampaignSummarySchema = Type.Object({
  ...campaignFields,
  itemCount: Type.Integer(),
  soldTotal: Type.Integer(),
  capTotal: Type.Integer(),
});

export const CampaignItemSchema = Type.Object({
  id: Type.String(),
  skuId: Type.String(),
  skuCode: Nullable(Type.String()),
  productName: Nullable(Type.String()),
  spec: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  listPriceFen: Type.Union([Type.Integer(), Type.Null()]),
  priceFen: Type.Integer(),
  stockCap: Type.Integer(),
  perCustomerLimit: Type.Integer(),
  sortOrder: Type.Integer(),
  sold: Type.Integer(),
});

export const CampaignDetailSchema = Type.Object({
  ...campaignFields,
  warehouseName: Nullable(Type.String()),
  /** The regions it sells to (指定区域), named. */
  regions: Type.Array(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() })),
  items: Type.Array(CampaignItemSchema),
  serverNow: Type.String(),
  openForOrders: Type.Boolean(),
});
