import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const PickupCode = Type.String({ pattern: '^\\d{6}$', description: 'six digits (提货码)' });

export const PortalMeSchema = Type.Object({
  id: Type.String(),
  code: Type.String({ description: 'the share code (团长码) every share link carries' }),
  name: Type.String(),
  phoneMasked: Type.String(),
  regionId: Type.String(),
  regionName: Type.String(),
  status: Type.String(),
  invitePath: Type.String({ description: 'the leader application page with this leader as referrer' }),
  passwordChangeRequired: Type.Boolean({
    description:
      'the initial password from the approval is still in use; other portal routes answer 403 until changed',
  }),
  agreementSigned: Type.Boolean({
    description:
      'false: the agreement does not let the leader sell now (sign the current version before customers can order)',
  }),
  agreementNotice: Nullable(
    Type.Object(
      {
        version: Type.Integer(),
        effectiveAt: Type.String(),
        signBy: Type.String(),
      },
      {
        description:
          'the newest agreement version when the leader has not signed it: it takes effect at effectiveAt, and after signBy only its signature lets the leader sell (新版协议提醒)',
      },
    ),
  ),
  agreementPath: Type.String(),
  createdAt: Type.String(),
  pickupPoints: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      address: Type.String(),
      openingHours: Type.String(),
      status: Type.String(),
      latitude: Nullable(Type.Number()),
      longitude: Nullable(Type.Number()),
    }),
  ),
});

export const PortalCampaignsSchema = Type.Object({
  serverNow: Type.String(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      coverUrl: Type.String(),
      description: Type.String(),
      status: Type.Union([Type.Literal('live'), Type.Literal('upcoming')]),
      openForOrders: Type.Boolean(),
      startsAt: Type.String(),
      cutoffAt: Type.String(),
      deliveryDate: Type.String(),
      sharePath: Type.String({ description: 'the customer page with this leader’s code' }),
      myOrders: Type.Integer(),
      myTotalFen: Type.Integer(),
      items: Type.Array(
        Type.Object({
          itemId: Type.String(),
          productName: Type.String(),
          spec: Type.String(),
          unit: Type.String(),
          image: Nullable(Type.String()),
          priceFen: Type.Integer(),
          listPriceFen: Type.Integer(),
          perCustomerLimit: Type.Integer(),
          remaining: Type.Integer(),
        }),
      ),
    }),
  ),
});

const Totals = {
  orders: Type.Integer(),
  unpaid: Type.Integer(),
  voided: Type.Integer(),
  itemCount: Type.Integer(),
  totalFen: Type.Integer(),
};

export const PortalDaySchema = Type.Object({
  date: Type.String(),
  timeZone: Type.String(),
  totals: Type.Object({ ...Totals, customers: Type.Integer() }),
  byCampaign: Type.Array(
    Type.Object({
      campaignId: Type.String(),
      campaignName: Type.String(),
      ...Totals,
      customers: Type.Integer(),
      products: Type.Array(
        Type.Object({
          skuId: Type.String(),
          productName: Type.String(),
          spec: Type.String(),
          quantity: Type.Integer(),
          amountFen: Type.Integer(),
        }),
      ),
    }),
  ),
  byCustomer: Type.Array(
    Type.Object({
      customerId: Type.String(),
      customerName: Nullable(Type.String()),
      phoneMasked: Type.String(),
      ...Totals,
      lastOrderAt: Type.String(),
      items: Type.Array(
        Type.Object({
          id: Type.String(),
          campaignId: Type.String(),
          campaignName: Type.String(),
          pickupPointName: Type.String(),
          status: Type.String(),
          totalFen: Type.Integer(),
          itemCount: Type.Integer(),
          placedAt: Type.String(),
        }),
      ),
    }),
  ),
});

export const PortalCustomersSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      customerId: Type.String(),
      name: Nullable(Type.String()),
      phoneMasked: Type.String(),
      orderCount: Type.Integer(),
      totalFen: Type.Integer(),
      firstOrderAt: Type.String(),
      lastOrderAt: Type.String(),
    }),
  ),
  total: Type.Integer(),
});

export const PortalPickupLookupSchema = Type.Object({
  pickupCode: Type.String(),
  waiting: Type.Integer(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      status: Type.String(),
      campaignName: Type.String(),
      customerName: Nullable(Type.String()),
      phoneMasked: Type.String(),
      pickupPointId: Type.String(),
      pickupPointName: Type.String(),
      totalFen: Type.Integer(),
      itemCount: Type.Integer(),
      placedAt: Type.String(),
      canVerify: Type.Boolean(),
      lines: Type.Array(
        Type.Object({ productName: Type.String(), spec: Type.String(), quantity: Type.Integer() }),
      ),
    }),
  ),
});

export const PortalVerifyBody = Type.Object(
  {
    pickupCode: PickupCode,
    pickupPointId: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: 'needed only when the code waits at more than one of your pickup points',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PortalVerifySchema = Type.Object({
  pickupPointId: Type.String(),
  orderIds: Type.Array(Type.String()),
});

export const PortalTeamSchema = Type.Object({
  month: Type.String({ description: 'YYYY-MM, the month of monthGmvFen' }),
  size: Type.Integer({ description: 'leaders below me, every generation' }),
  gmvFen: Type.Integer({ description: 'my team’s completed GMV net of refunds, all time (me excluded)' }),
  orders: Type.Integer(),
  monthGmvFen: Type.Integer(),
  recruitCount: Type.Integer(),
  recruits: Type.Array(
    Type.Object({
      leaderId: Type.String(),
      name: Type.String(),
      code: Type.String(),
      status: Type.String(),
      since: Type.String(),
      ownGmvFen: Type.Integer(),
      ownMonthGmvFen: Type.Integer(),
      teamSize: Type.Integer(),
      teamGmvFen: Type.Integer(),
    }),
  ),
});

const Words = Type.Object({ zh: Type.String(), en: Type.String() });
const LevelRef = Nullable(
  Type.Object({
    id: Type.String(),
    code: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    rank: Type.Integer(),
  }),
);
const RuleLines = Type.Array(
  Type.Object({
    depth: Type.Integer(),
    kind: Type.String({ description: 'all / any (a group) or condition' }),
    held: Type.Boolean(),
    text: Words,
    metric: Type.Optional(Type.String()),
    actual: Type.Optional(Type.Number()),
    target: Type.Optional(Type.Number()),
    actualText: Type.Optional(Type.String()),
  }),
);
const RuleProgress = Nullable(
  Type.Object({
    text: Words,
    met: Type.Boolean(),
    lines: RuleLines,
  }),
);

/**
 * Whether the figures so far keep the current level (保级): `onTrack` is the downgrade rule NOT
 * holding; `missing` what each figure still needs; `dropRule` the downgrade rule itself (降级条件),
 * with `holds: true` meaning the leader would drop.
 */
const KeepSchema = Type.Union([
  Type.Object({
    onTrack: Type.Boolean(),
    missing: Type.Array(
      Type.Object({
        metric: Type.String(),
        label: Words,
        direction: Type.Union([Type.Literal('atLeast'), Type.Literal('atMost')]),
        have: Type.Number(),
        need: Type.Number(),
        short: Type.Number(),
        haveText: Type.String(),
        needText: Type.String(),
        shortText: Type.String(),
      }),
    ),
    dropRule: Type.Object({ text: Words, holds: Type.Boolean(), lines: RuleLines }),
  }),
  Type.Null(),
]);

export const PortalLevelSchema = Type.Object({
  leaderId: Type.String(),
  current: LevelRef,
  next: LevelRef,
  heldUntil: Nullable(Type.String()),
  period: Type.Object({ start: Type.String(), end: Type.String(), label: Words }),
  upgrade: RuleProgress,
  keep: KeepSchema,
});
