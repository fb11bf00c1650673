import { Type } from 'typebox';

/** Request and response schemas of the levels API (团长等级). */
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a calendar day, YYYY-MM-DD' });
const Bilingual = Type.Object({ zh: Type.String(), en: Type.String() });
const NullableString = Type.Union([Type.String(), Type.Null()]);

/**
 * A rule tree. Its shape is checked by the levels module's own validator, which names the exact
 * path at fault (`body.upgrade.all[1].metric`) and refuses unknown properties at every depth.
 */
export const RuleSchema = Type.Union([Type.Null(), Type.Unknown()], {
  description:
    '{ all: [rule...] } | { any: [rule...] } | { metric: ownGmvFen|ownOrders|customers|teamGmvFen|directRecruits, ' +
    'op: >=|>|<|<=, value: integer >= 0 (fen for money), period?: { days: 1-366 }, generations?: 1-20 (teamGmvFen), ' +
    'activeOnly?: boolean (directRecruits) }; null: no rule',
});

const Code = Type.String({
  pattern: '^[A-Z][A-Z0-9_]{0,31}$',
  description: 'e.g. GOLD; capitals, digits, _',
});
const NameZh = Type.String({ minLength: 1, maxLength: 20, pattern: '\\S' });
const NameEn = Type.String({ minLength: 1, maxLength: 40, pattern: '\\S' });
const Rank = Type.Integer({
  minimum: 0,
  maximum: 1000,
  description: 'higher is better; unique among active levels',
});

export const LevelCreateBody = Type.Object(
  {
    code: Code,
    nameZh: NameZh,
    nameEn: NameEn,
    rank: Rank,
    upgrade: Type.Optional(RuleSchema),
    downgrade: Type.Optional(RuleSchema),
  },
  { additionalProperties: false },
);

export const LevelPatchBody = Type.Object(
  {
    code: Type.Optional(Code),
    nameZh: Type.Optional(NameZh),
    nameEn: Type.Optional(NameEn),
    rank: Type.Optional(Rank),
    upgrade: Type.Optional(RuleSchema),
    downgrade: Type.Optional(RuleSchema),
  },
  { additionalProperties: false },
);

export const RulePreviewBody = Type.Object(
  { upgrade: Type.Optional(RuleSchema), downgrade: Type.Optional(RuleSchema) },
  { additionalProperties: false },
);

export const RulePreviewSchema = Type.Object({
  upgrade: RuleSchema,
  downgrade: RuleSchema,
  upgradeText: Bilingual,
  downgradeText: Bilingual,
});

export const ReasonBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);

const PeriodKindSchema = Type.Union([Type.Literal('month'), Type.Literal('week')]);

export const SettingsSchema = Type.Object({
  enabled: Type.Boolean(),
  periodKind: PeriodKindSchema,
  runDay: Type.Integer(),
  runHour: Type.Integer(),
});

export const SettingsPatchBody = Type.Object(
  {
    enabled: Type.Optional(Type.Boolean()),
    periodKind: Type.Optional(PeriodKindSchema),
    runDay: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 28, description: '1-28 of the month, 1-7 of the week' }),
    ),
    runHour: Type.Optional(Type.Integer({ minimum: 0, maximum: 23 })),
  },
  { additionalProperties: false },
);

export const LevelSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  rank: Type.Integer(),
  status: Type.Union([Type.Literal('active'), Type.Literal('archived')]),
  upgrade: RuleSchema,
  downgrade: RuleSchema,
  upgradeText: Bilingual,
  downgradeText: Bilingual,
  leaderCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const LevelListSchema = Type.Object({
  items: Type.Array(LevelSchema),
  settings: SettingsSchema,
  periodLabel: Bilingual,
});

export const RunBody = Type.Object(
  { periodStart: Type.Optional(Day), periodEnd: Type.Optional(Day) },
  { additionalProperties: false },
);

export const RunResultSchema = Type.Object({
  runId: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  assessed: Type.Integer(),
  upgraded: Type.Integer(),
  downgraded: Type.Integer(),
  unchanged: Type.Integer(),
  held: Type.Integer(),
  durationMs: Type.Integer(),
  phasesMs: Type.Object({ metrics: Type.Integer(), decide: Type.Integer(), write: Type.Integer() }),
});

export const RunSchema = Type.Object({
  id: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  trigger: Type.String(),
  status: Type.String(),
  actorName: NullableString,
  /** `region`: the figures are the viewer's regions' only (a region manager); totals are then null. */
  scope: Type.Union([Type.Literal('company'), Type.Literal('region')]),
  assessed: Type.Union([Type.Integer(), Type.Null()]),
  upgraded: Type.Integer(),
  downgraded: Type.Integer(),
  unchanged: Type.Union([Type.Integer(), Type.Null()]),
  held: Type.Union([Type.Integer(), Type.Null()]),
  durationMs: Type.Union([Type.Integer(), Type.Null()]),
  error: NullableString,
  startedAt: Type.String(),
  finishedAt: NullableString,
});

const LevelRefSchema = Type.Union([
  Type.Object({
    id: Type.String(),
    code: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    rank: Type.Integer(),
  }),
  Type.Null(),
]);

const ExplainLineSchema = Type.Object({
  depth: Type.Integer(),
  kind: Type.Union([Type.Literal('all'), Type.Literal('any'), Type.Literal('condition')]),
  held: Type.Boolean(),
  text: Bilingual,
  metric: Type.Optional(Type.String()),
  actual: Type.Optional(Type.Number()),
  target: Type.Optional(Type.Number()),
  actualText: Type.Optional(Type.String()),
});

export const LeaderLevelDetailSchema = Type.Object({
  leaderId: Type.String(),
  level: LevelRefSchema,
  heldUntil: NullableString,
  history: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String(),
      cause: Type.Union([Type.Literal('initial'), Type.Literal('assessment'), Type.Literal('override')]),
      from: LevelRefSchema,
      to: LevelRefSchema,
      reason: NullableString,
      actorName: NullableString,
      periodStart: NullableString,
      periodEnd: NullableString,
      heldUntil: NullableString,
      rule: Type.Union([Type.String(), Type.Null()]),
      figures: Type.Union([Type.Record(Type.String(), Type.Number()), Type.Null()]),
      lines: Type.Array(ExplainLineSchema),
    }),
  ),
});

const RuleProgressSchema = Type.Union([
  Type.Object({ text: Bilingual, met: Type.Boolean(), lines: Type.Array(ExplainLineSchema) }),
  Type.Null(),
]);

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
        label: Bilingual,
        direction: Type.Union([Type.Literal('atLeast'), Type.Literal('atMost')]),
        have: Type.Number(),
        need: Type.Number(),
        short: Type.Number(),
        haveText: Type.String(),
        needText: Type.String(),
        shortText: Type.String(),
      }),
    ),
    dropRule: Type.Object({ text: Bilingual, holds: Type.Boolean(), lines: Type.Array(ExplainLineSchema) }),
  }),
  Type.Null(),
]);

export const LevelProgressSchema = Type.Object({
  leaderId: Type.String(),
  current: LevelRefSchema,
  next: LevelRefSchema,
  heldUntil: NullableString,
  period: Type.Object({ start: Type.String(), end: Type.String(), label: Bilingual }),
  upgrade: RuleProgressSchema,
  keep: KeepSchema,
});

export const OverrideBody = Type.Object(
  {
    levelId: Id,
    reason: Type.String({ minLength: 1, maxLength: 500, pattern: '\\S' }),
    holdUntil: Type.Optional(
      Type.Union([
        Type.String({ format: 'date-time', description: 'no re-assessment before this' }),
        Type.Null(),
      ]),
    ),
  },
  { additionalProperties: false },
);

export const OverrideResultSchema = Type.Object({
  changeId: Type.String(),
  leaderId: Type.String(),
  levelId: Type.String(),
  heldUntil: NullableString,
});
