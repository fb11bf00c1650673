import { Type } from 'typebox';
import { MAX_SIGNATURE_DATA_URL_LENGTH } from './signature-png.js';

/** Request and response schemas of leader onboarding: one source for validation, types and OpenAPI. */
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength, pattern: '\\S' });

export const ApplicationStatusSchema = Type.Union([
  Type.Literal('pending'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
]);

export const ApplyBody = Type.Object(
  {
    name: Text(50),
    phone: Type.String({ minLength: 1, maxLength: 32, description: 'mainland mobile, e.g. 138 1234 5678' }),
    idNumber: Type.String({
      minLength: 1,
      maxLength: 32,
      description: 'mainland resident ID number (18 characters, GB 11643 check digit)',
    }),
    regionId: Type.String({ minLength: 1, maxLength: 64 }),
    pickupPoint: Type.Object(
      {
        name: Text(100),
        address: Text(300),
        // Plain numbers here: the range is checked by the service, whose message says what the range is.
        latitude: Type.Number({ description: '-90 to 90' }),
        longitude: Type.Number({ description: '-180 to 180' }),
        openingHours: Text(200),
      },
      { additionalProperties: false },
    ),
    referrerCode: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  },
  { additionalProperties: false },
);

export const ApplyResult = Type.Object({
  applicationNo: Type.String(),
  status: ApplicationStatusSchema,
  /** Shown once: the status link is `/h5/leader-apply/status#<token>`; only its hash is stored. */
  statusToken: Type.String(),
  createdAt: Type.String(),
});

export const StatusBody = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 128 }) },
  { additionalProperties: false },
);

export const ApplicationStatusView = Type.Object({
  applicationNo: Type.String(),
  status: ApplicationStatusSchema,
  name: Type.String(),
  phoneMasked: Type.String(),
  regionName: Nullable(Type.String()),
  pickupPointName: Type.String(),
  submittedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  rejectReason: Nullable(Type.String()),
  leaderCode: Nullable(Type.String()),
  username: Nullable(Type.String()),
});

export const ApplyFormView = Type.Object({
  regions: Type.Array(
    Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      parentId: Nullable(Type.String()),
      level: Type.String(),
    }),
  ),
});

export const ReferrerView = Type.Object({ code: Type.String(), name: Type.String() });

const Referrer = Nullable(Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }));

const applicationListFields = {
  id: Type.String(),
  applicationNo: Type.String(),
  name: Type.String(),
  /** Always masked: 138****5678. */
  phoneMasked: Type.String(),
  /** Always masked: the first 3 and last 4 characters (110***********002X). */
  idNumberMasked: Type.String(),
  regionId: Type.String(),
  regionName: Nullable(Type.String()),
  pickupPointName: Type.String(),
  referrer: Referrer,
  status: ApplicationStatusSchema,
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  rejectReason: Nullable(Type.String()),
  /** A region manager's first review (初审), when the company uses it; the operator decides. */
  firstReview: Nullable(
    Type.Object({
      verdict: Type.Union([Type.Literal('approve'), Type.Literal('reject')]),
      note: Nullable(Type.String()),
      at: Type.String(),
      byName: Nullable(Type.String()),
    }),
  ),
};

export const ApplicationListItem = Type.Object(applicationListFields);

export const ApplicationDetail = Type.Object({
  ...applicationListFields,
  pickupPointAddress: Type.String(),
  latitude: Type.Number(),
  longitude: Type.Number(),
  openingHours: Type.String(),
  referrerCode: Nullable(Type.String()),
  leaderId: Nullable(Type.String()),
  leaderCode: Nullable(Type.String()),
  pickupPointId: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  username: Nullable(Type.String()),
  submittedIp: Nullable(Type.String()),
  submittedUserAgent: Nullable(Type.String()),
});

export const ApplicationListQuery = Type.Object({
  status: Type.Optional(ApplicationStatusSchema),
  regionId: Type.Optional(Type.String({ maxLength: 64, description: 'this region and below' })),
  q: Type.Optional(
    Type.String({
      maxLength: 64,
      description: 'name or application number contains, or a full phone / ID number',
    }),
  ),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const EmptyBody = Type.Object({}, { additionalProperties: false });

export const FirstReviewBody = Type.Object(
  {
    verdict: Type.Union([Type.Literal('approve'), Type.Literal('reject')], {
      description: 'the region manager recommends approving or rejecting (初审意见)',
    }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const FirstReviewQuery = Type.Object({
  status: Type.Optional(ApplicationStatusSchema),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const OnboardingSettingsView = Type.Object({
  regionFirstReview: Type.Boolean({
    description: 'region managers do the first review (初审) of applications in their regions',
  }),
  updatedAt: Nullable(Type.String()),
});

export const OnboardingSettingsPatch = Type.Object(
  { regionFirstReview: Type.Boolean() },
  { additionalProperties: false },
);

export const RejectBody = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: 500 }) },
  { additionalProperties: false },
);

export const ApproveResult = Type.Object({
  application: ApplicationDetail,
  leader: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  /** The initial password appears here once and nowhere else; the leader must change it. */
  login: Type.Object({ userId: Type.String(), username: Type.String(), initialPassword: Type.String() }),
});

export const RevealResult = Type.Object({ id: Type.String(), phone: Type.String(), idNumber: Type.String() });

// ---- agreements ----

export const TemplateBody = Type.Object(
  {
    title: Text(100),
    body: Type.String({ minLength: 1, maxLength: 100_000, pattern: '\\S' }),
    effectiveAt: Type.Optional(
      Type.String({
        format: 'date-time',
        description: 'when the version takes effect (生效日期); now when left out, never in the past',
      }),
    ),
    graceDays: Type.Optional(
      Type.Integer({
        minimum: 0,
        maximum: 365,
        description:
          'days after the effective date during which the previous signature still lets a leader sell (宽限期); 0 when left out',
      }),
    ),
  },
  { additionalProperties: false },
);

export const TemplateView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  bodySha256: Type.String(),
  publishedAt: Type.String(),
  publishedByName: Nullable(Type.String()),
  effectiveAt: Type.String(),
  graceDays: Type.Integer(),
  /** Effective date plus grace days: after it only a signature of this version (or later) counts. */
  signBy: Type.String(),
  current: Type.Boolean(),
  signedCount: Type.Integer(),
});

export const SignatureView = Type.Object({
  id: Type.String(),
  templateId: Type.String(),
  version: Type.Integer(),
  leaderId: Type.String(),
  typedName: Type.String(),
  textSha256: Type.String(),
  signatureSha256: Type.String(),
  signedAt: Type.String(),
  ip: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
});

export const MyAgreementView = Type.Object({
  leader: Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() }),
  passwordChangeRequired: Type.Boolean(),
  current: Nullable(TemplateView),
  signed: Type.Boolean(),
  /** Whether the agreement lets the leader sell now (during a grace period, the previous signature). */
  maySell: Type.Boolean(),
  signature: Nullable(SignatureView),
  history: Type.Array(SignatureView),
});

export const SignBody = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    textSha256: Type.String({ minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' }),
    typedName: Type.String({ minLength: 1, maxLength: 50 }),
    consent: Type.Boolean(),
    signaturePng: Type.String({
      minLength: 1,
      maxLength: MAX_SIGNATURE_DATA_URL_LENGTH,
      description: 'data:image/png;base64,... of the drawn signature',
    }),
  },
  { additionalProperties: false },
);

export const SignatureStatusQuery = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  signed: Type.Optional(Type.Union([Type.Literal('signed'), Type.Literal('unsigned')])),
  q: Type.Optional(Type.String({ maxLength: 64 })),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const SignatureStatusView = Type.Object({
  version: Nullable(Type.Integer()),
  leaderCount: Type.Integer(),
  signedCount: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      leaderId: Type.String(),
      code: Type.String(),
      name: Type.String(),
      status: Type.String(),
      regionName: Nullable(Type.String()),
      signature: Nullable(
        Type.Object({
          id: Type.String(),
          signedAt: Type.String(),
          ip: Nullable(Type.String()),
          typedName: Type.String(),
        }),
      ),
    }),
  ),
});

// ---- training ----

export const MaterialKindSchema = Type.Union([
  Type.Literal('article'),
  Type.Literal('video'),
  Type.Literal('document'),
]);
export const MaterialStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('archived')]);

const materialFields = {
  title: Text(100),
  kind: MaterialKindSchema,
  bodyHtml: Type.Optional(Nullable(Type.String({ maxLength: 200_000 }))),
  url: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
  required: Type.Boolean(),
  sortOrder: Type.Integer({ minimum: 0, maximum: 100_000 }),
};

export const MaterialBody = Type.Object(materialFields, { additionalProperties: false });

export const MaterialPatchBody = Type.Object(
  {
    title: Type.Optional(materialFields.title),
    kind: Type.Optional(materialFields.kind),
    bodyHtml: materialFields.bodyHtml,
    url: materialFields.url,
    required: Type.Optional(materialFields.required),
    sortOrder: Type.Optional(materialFields.sortOrder),
  },
  { additionalProperties: false },
);

const materialViewFields = {
  id: Type.String(),
  title: Type.String(),
  kind: MaterialKindSchema,
  bodyHtml: Nullable(Type.String()),
  url: Nullable(Type.String()),
  required: Type.Boolean(),
  sortOrder: Type.Integer(),
  status: MaterialStatusSchema,
  createdAt: Type.String(),
  updatedAt: Type.String(),
};

export const MaterialView = Type.Object(materialViewFields);

export const MaterialListView = Type.Object({
  leaderCount: Type.Integer(),
  items: Type.Array(
    Type.Object({ ...materialViewFields, completedCount: Type.Integer(), completionRate: Type.Number() }),
  ),
});

export const ProgressQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 64 })),
  incomplete: Type.Optional(Type.Boolean()),
  page: Type.Integer({ minimum: 1, maximum: 100_000, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
});

export const ProgressView = Type.Object({
  requiredTotal: Type.Integer(),
  allTotal: Type.Integer(),
  total: Type.Integer(),
  items: Type.Array(
    Type.Object({
      leaderId: Type.String(),
      code: Type.String(),
      name: Type.String(),
      status: Type.String(),
      regionName: Nullable(Type.String()),
      requiredDone: Type.Integer(),
      requiredTotal: Type.Integer(),
      done: Type.Integer(),
      allTotal: Type.Integer(),
      completionRate: Type.Number(),
      requiredComplete: Type.Boolean(),
      lastCompletedAt: Nullable(Type.String()),
    }),
  ),
});

export const MyTrainingView = Type.Object({
  leader: Type.Object({ id: Type.String(), name: Type.String() }),
  items: Type.Array(Type.Object({ ...materialViewFields, completedAt: Nullable(Type.String()) })),
  requiredTotal: Type.Integer(),
  requiredDone: Type.Integer(),
});

export const CompleteBody = Type.Object(
  {
    confirmed: Type.Literal(true, {
      description: 'the leader confirmed reading the article to its end, or opening the link',
    }),
  },
  { additionalProperties: false },
);

export const CompleteResult = Type.Object({
  materialId: Type.String(),
  completedAt: Type.String(),
  firstTime: Type.Boolean(),
});

export const LeaderOnboardingView = Type.Object({
  application: Nullable(
    Type.Object({ id: Type.String(), applicationNo: Type.String(), decidedAt: Nullable(Type.String()) }),
  ),
  agreements: Type.Object({
    currentVersion: Nullable(Type.Integer()),
    signedCurrent: Type.Boolean(),
    items: Type.Array(Type.Object({ ...SignatureView.properties, title: Type.String() })),
  }),
  training: Type.Object({
    items: Type.Array(
      Type.Object({
        materialId: Type.String(),
        title: Type.String(),
        kind: MaterialKindSchema,
        required: Type.Boolean(),
        completedAt: Nullable(Type.String()),
      }),
    ),
  }),
});
