import { type Static, Type } from 'typebox';

/**
 * HTTP shapes of the plan API. The document schema checks the shape and the types only (strict:
 * unknown properties are refused with 400); ranges, order and cross-field rules are the domain's
 * validation, which answers 422 naming the field (`body.tiered.tiers[2].fromFen`).
 */
const Id = Type.String({ maxLength: 64 });
const Int = Type.Integer();
const strict = { additionalProperties: false } as const;
const list = <T extends Parameters<typeof Type.Array>[0]>(item: T, maxItems = 1000) =>
  Type.Array(item, { maxItems });

export const PlanLevelSchema = Type.Object(
  {
    levelId: Id,
    directRateBps: Int,
    categoryRates: list(Type.Object({ categoryId: Id, rateBps: Int }, strict)),
    skuRates: list(Type.Object({ skuId: Id, rateBps: Int }, strict)),
    skuFixed: list(Type.Object({ skuId: Id, perUnitFen: Int }, strict)),
    teamRateBps: Int,
    /** Absent in plans saved before it existed: then derived from the team rate (see plan.ts). */
    peerBonus: Type.Optional(Type.Boolean()),
  },
  strict,
);

export const TeamRuleSchema = Type.Union([
  Type.Object({ mode: Type.Literal('none') }, strict),
  Type.Object({ mode: Type.Literal('differential'), peerRateBps: Int, peerGenerations: Int }, strict),
  Type.Object({ mode: Type.Literal('generations'), generationRatesBps: list(Int, 20) }, strict),
]);

export const PlanDocumentSchema = Type.Object(
  {
    name: Type.String({ maxLength: 200 }),
    depthCap: Int,
    allowDepthAboveDefault: Type.Boolean(),
    selfPurchaseEarnsDirect: Type.Boolean(),
    levels: list(PlanLevelSchema, 100),
    team: TeamRuleSchema,
    recruit: Type.Union([
      Type.Object({ thresholdFen: Int, withinDays: Int, bonusFen: Int, rateBps: Int, rateDays: Int }, strict),
      Type.Null(),
    ]),
    tiered: Type.Union([
      Type.Object(
        {
          mode: Type.Union([Type.Literal('whole'), Type.Literal('marginal')]),
          tiers: list(Type.Object({ fromFen: Int, rateBps: Int }, strict), 100),
        },
        strict,
      ),
      Type.Null(),
    ]),
    regional: Type.Union([Type.Object({ rateBps: Int }, strict), Type.Null()]),
    hotProducts: list(
      Type.Object(
        {
          campaignId: Id,
          skuId: Id,
          steps: list(Type.Object({ minUnits: Int, perUnitFen: Int }, strict), 100),
        },
        strict,
      ),
      500,
    ),
  },
  { ...strict, description: 'A commission plan document (佣金方案); see docs/commission.md' },
);

export const PlanStatusSchema = Type.Union([
  Type.Literal('draft'),
  Type.Literal('active'),
  Type.Literal('archived'),
]);

const Time = Type.String({ format: 'date-time' });
const NullableTime = Type.Union([Time, Type.Null()]);

export const PlanSummarySchema = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  name: Type.String(),
  status: PlanStatusSchema,
  copiedFromId: Type.Union([Type.String(), Type.Null()]),
  createdBy: Type.Union([Type.String(), Type.Null()]),
  createdByName: Type.Union([Type.String(), Type.Null()]),
  createdAt: Time,
  updatedAt: Time,
  activatedAt: NullableTime,
  archivedAt: NullableTime,
});

export const LevelOptionSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  nameEn: Type.String(),
  rank: Type.Integer(),
  status: Type.String(),
});

export const ActivationSchema = Type.Object({
  id: Type.String(),
  planId: Type.String(),
  version: Type.Integer(),
  previousPlanId: Type.Union([Type.String(), Type.Null()]),
  activatedAt: Time,
  activatedBy: Type.Union([Type.String(), Type.Null()]),
  activatedByName: Type.Union([Type.String(), Type.Null()]),
});

const RuleDescriptionSchema = Type.Object({
  kind: Type.String(),
  title: Type.String(),
  lines: Type.Array(Type.String()),
});

export const DescriptionSchema = Type.Object({
  zh: Type.Array(RuleDescriptionSchema),
  en: Type.Array(RuleDescriptionSchema),
});

export const PlanDetailSchema = Type.Object({
  ...PlanSummarySchema.properties,
  document: PlanDocumentSchema,
  /** The ladder, for the editor's level names. */
  levels: Type.Array(LevelOptionSchema),
  activations: Type.Array(ActivationSchema),
  description: DescriptionSchema,
  worstCaseBps: Type.Integer(),
});

export const CreatePlanBody = Type.Object(
  {
    copyFrom: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 64,
        description: '`active` to copy the active plan, a plan id to copy that version; absent: a blank plan',
      }),
    ),
  },
  strict,
);

export const PreviewBody = Type.Object(
  {
    /** The unsaved document being edited; absent: the stored one. */
    document: Type.Optional(PlanDocumentSchema),
    chain: Type.Array(Type.Object({ levelId: Type.Union([Id, Type.Null()]) }, strict), {
      minItems: 1,
      maxItems: 8,
    }),
    line: Type.Object(
      {
        baseFen: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
        quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
        skuId: Type.Optional(Id),
        categoryId: Type.Optional(Type.Union([Id, Type.Null()])),
        selfPurchase: Type.Optional(Type.Boolean()),
      },
      strict,
    ),
  },
  strict,
);

const ProblemSchema = Type.Object({
  code: Type.String(),
  field: Type.String(),
  detail: Type.String(),
  message: Type.String(),
  messageZh: Type.String(),
});

export const PreviewEntrySchema = Type.Object({
  key: Type.String(),
  beneficiaryId: Type.String(),
  rule: Type.Union([
    Type.Literal('direct'),
    Type.Literal('differential'),
    Type.Literal('peer'),
    Type.Literal('generation'),
    Type.Literal('recruit_rate'),
  ]),
  chainPosition: Type.Integer(),
  baseFen: Type.Integer(),
  rateBps: Type.Union([Type.Integer(), Type.Null()]),
  perUnitFen: Type.Union([Type.Integer(), Type.Null()]),
  amountFen: Type.Integer(),
  explanation: Type.Record(Type.String(), Type.Unknown()),
  sentence: Type.Object({ zh: Type.String(), en: Type.String() }),
});

export const PreviewResultSchema = Type.Object({
  problems: Type.Array(ProblemSchema),
  /** Null when the document has problems the engine cannot compute with. */
  entries: Type.Union([Type.Array(PreviewEntrySchema), Type.Null()]),
  totalFen: Type.Integer(),
  worstCaseBps: Type.Union([Type.Integer(), Type.Null()]),
  description: DescriptionSchema,
});

export type PlanDocumentBody = Static<typeof PlanDocumentSchema>;
export type PreviewInput = Static<typeof PreviewBody>;
