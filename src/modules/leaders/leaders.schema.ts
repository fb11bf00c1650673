import { Type } from 'typebox';

/** Request and response schemas of the leaders API: one source for validation, types and OpenAPI. */
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const NullableNumber = Type.Union([Type.Number(), Type.Null()]);

const Name = Type.String({ minLength: 1, maxLength: 50, pattern: '\\S' });
const Phone = Type.String({
  minLength: 1,
  maxLength: 32,
  description: 'mainland mobile, e.g. 138 1234 1234',
});
const Latitude = Type.Union([Type.Number({ minimum: -90, maximum: 90 }), Type.Null()]);
const Longitude = Type.Union([Type.Number({ minimum: -180, maximum: 180 }), Type.Null()]);

export const LeaderStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);
export const PickupPointStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('closed')]);

const pickupPointFields = {
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  address: Type.String({ minLength: 1, maxLength: 300, pattern: '\\S' }),
  /** Defaults to the leader's region. */
  regionId: Type.Optional(Id),
  latitude: Type.Optional(Latitude),
  longitude: Type.Optional(Longitude),
  openingHours: Type.Optional(Type.String({ maxLength: 200 })),
  capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 1_000_000 }), Type.Null()])),
};

export const PickupPointBody = Type.Object(pickupPointFields, { additionalProperties: false });

export const PickupPointPatchBody = Type.Object(
  {
    name: Type.Optional(pickupPointFields.name),
    address: Type.Optional(pickupPointFields.address),
    regionId: Type.Optional(Id),
    latitude: Type.Optional(Latitude),
    longitude: Type.Optional(Longitude),
    openingHours: Type.Optional(Type.String({ maxLength: 200 })),
    capacity: pickupPointFields.capacity,
  },
  { additionalProperties: false },
);

export const LeaderCreateBody = Type.Object(
  {
    name: Name,
    phone: Phone,
    regionId: Id,
    userId: Type.Optional(Type.Union([Id, Type.Null()])),
    pickupPoint: PickupPointBody,
    /** The referrer (推荐人), bound for good; only an admin can move it later. */
    referrerId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);

export const LeaderPatchBody = Type.Object(
  {
    name: Type.Optional(Name),
    phone: Type.Optional(Phone),
    regionId: Type.Optional(Id),
    userId: Type.Optional(Type.Union([Id, Type.Null()])),
  },
  { additionalProperties: false },
);

export const ReasonBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

export const PickupPointSchema = Type.Object({
  id: Type.String(),
  leaderId: Type.String(),
  name: Type.String(),
  address: Type.String(),
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  latitude: NullableNumber,
  longitude: NullableNumber,
  openingHours: Type.String(),
  capacity: Type.Union([Type.Integer(), Type.Null()]),
  status: PickupPointStatusSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const PickupPointListItemSchema = Type.Object({
  ...PickupPointSchema.properties,
  leaderCode: Type.String(),
  leaderName: Type.String(),
});

const leaderFields = {
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  /** Always masked (138****1234): the full number is personal data. */
  phoneMasked: Type.String(),
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  status: LeaderStatusSchema,
  userId: Nullable(Type.String()),
  /** The current referrer (推荐人); its code and name in lists. */
  referrerId: Nullable(Type.String()),
  referrerCode: Type.Optional(Nullable(Type.String())),
  referrerName: Type.Optional(Nullable(Type.String())),
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const LeaderSummarySchema = Type.Object({
  ...leaderFields,
  pickupPointCount: Type.Integer(),
  activePickupPointCount: Type.Integer(),
});

export const LeaderDetailSchema = Type.Object({
  ...leaderFields,
  pickupPoints: Type.Array(PickupPointSchema),
});
