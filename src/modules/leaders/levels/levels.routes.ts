import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { PERMISSIONS } from '../../../platform/auth/index.js';
import type { Deps } from '../../../platform/deps.js';
import { actorOf } from '../../../platform/http/auth-hook.js';
import { ErrorBodySchema, IdParams, standardErrors } from '../../../platform/http/schemas.js';
import { regionScopeOf } from '../regions/region-scope.js';
import { overrideLeaderLevel } from './level-override.service.js';
import { leaderLevelDetail, levelProgress, listAssessmentRuns } from './levels.queries.js';
import {
  LeaderLevelDetailSchema,
  LevelCreateBody,
  LevelListSchema,
  LevelPatchBody,
  LevelProgressSchema,
  LevelSchema,
  OverrideBody,
  OverrideResultSchema,
  ReasonBody,
  RulePreviewBody,
  RulePreviewSchema,
  RunBody,
  RunResultSchema,
  RunSchema,
  SettingsPatchBody,
  SettingsSchema,
} from './levels.schema.js';
import {
  createLevel,
  listLevels,
  previewRules,
  setLevelStatus,
  updateLevel,
  updateSettings,
} from './levels.service.js';
import { runAssessmentNow } from './reassess.service.js';

const P = PERMISSIONS;
const tags = ['leader levels'];
const writeErrors = { 404: ErrorBodySchema, 409: ErrorBodySchema, ...standardErrors };

/**
 * The levels API (团长等级): the ladder and its rules (leaders.manage to change), the schedule, the
 * assessment runs ("run now" is leaders.admin), and per leader the level history, the progress
 * towards the next level and the override (leaders.admin).
 */
export const leaderLevelsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/api/leader-levels',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'The level ladder with its rules in plain words (等级体系)',
        response: { 200: LevelListSchema, ...standardErrors },
      },
    },
    async (req) => listLevels(deps.db, await regionScopeOf(deps.db, req.auth?.user)),
  );

  app.post(
    '/api/leader-levels',
    {
      config: { access: { permission: P.leadersManage } },
      schema: {
        tags,
        summary: 'Add a level to the ladder (新增等级)',
        body: LevelCreateBody,
        response: { 201: LevelSchema, ...writeErrors },
      },
    },
    async (req, reply) => reply.status(201).send(await createLevel(deps, actorOf(req), req.body)),
  );

  app.patch(
    '/api/leader-levels/:id',
    {
      config: { access: { permission: P.leadersManage } },
      schema: {
        tags,
        summary: 'Edit a level: names, rank, upgrade and downgrade rules (编辑等级与规则)',
        params: IdParams,
        body: LevelPatchBody,
        response: { 200: LevelSchema, ...writeErrors },
      },
    },
    (req) => updateLevel(deps, actorOf(req), req.params.id, req.body),
  );

  for (const [path, status, summary] of [
    ['archive', 'archived', 'Take a level off the ladder; refused while leaders are on it (停用等级)'],
    ['activate', 'active', 'Put an archived level back on the ladder (启用等级)'],
  ] as const) {
    app.post(
      `/api/leader-levels/:id/${path}`,
      {
        config: { access: { permission: P.leadersManage } },
        schema: {
          tags,
          summary,
          params: IdParams,
          body: ReasonBody,
          response: { 200: LevelSchema, ...writeErrors },
        },
      },
      (req) =>
        setLevelStatus(deps, actorOf(req), req.params.id, status, req.body.reason?.trim() || undefined),
    );
  }

  app.post(
    '/api/leader-levels/preview',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'Check rules and read them in plain words, without saving (规则预览)',
        body: RulePreviewBody,
        response: { 200: RulePreviewSchema, ...standardErrors },
      },
    },
    (req) => previewRules(deps.db, req.body),
  );

  app.patch(
    '/api/leader-level-settings',
    {
      config: { access: { permission: P.leadersManage } },
      schema: {
        tags,
        summary: 'When the assessment runs and which period it measures (考核设置)',
        body: SettingsPatchBody,
        response: { 200: SettingsSchema, ...standardErrors },
      },
    },
    (req) => updateSettings(deps, actorOf(req), req.body),
  );

  app.get(
    '/api/leader-level-runs',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'The latest assessment runs (考核记录)',
        response: { 200: Type.Object({ items: Type.Array(RunSchema) }), ...standardErrors },
      },
    },
    async (req) => ({
      items: await listAssessmentRuns(deps.db, 20, await regionScopeOf(deps.db, req.auth?.user)),
    }),
  );

  app.post(
    '/api/leader-level-runs',
    {
      config: { access: { permission: P.leadersAdmin } },
      schema: {
        tags,
        summary: 'Re-assess every leader now, for the last complete period or the one given (立即考核)',
        body: RunBody,
        response: { 200: RunResultSchema, ...writeErrors },
      },
    },
    (req) => runAssessmentNow(deps, actorOf(req), req.body),
  );

  app.get(
    '/api/leaders/:id/level',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'A leader’s level, hold and level history with the figures behind each change (等级记录)',
        params: IdParams,
        response: { 200: LeaderLevelDetailSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) => leaderLevelDetail(deps.db, req.params.id, await regionScopeOf(deps.db, req.auth?.user)),
  );

  app.get(
    '/api/leaders/:id/level-progress',
    {
      config: { access: { permission: P.leadersRead } },
      schema: {
        tags,
        summary: 'A leader’s progress towards the next level this period (升级进度)',
        params: IdParams,
        response: { 200: LevelProgressSchema, 404: ErrorBodySchema, ...standardErrors },
      },
    },
    async (req) => {
      // The scope check is the detail's: a leader outside a region manager's regions is a 404.
      await leaderLevelDetail(deps.db, req.params.id, await regionScopeOf(deps.db, req.auth?.user));
      return levelProgress(deps.db, req.params.id, { now: deps.clock.now() });
    },
  );

  app.post(
    '/api/leaders/:id/level',
    {
      config: { access: { permission: P.leadersAdmin } },
      schema: {
        tags,
        summary: 'Set a leader’s level by hand, with a reason and an optional hold (手动调级 / 保级)',
        params: IdParams,
        body: OverrideBody,
        response: { 200: OverrideResultSchema, ...writeErrors },
      },
    },
    (req) => overrideLeaderLevel(deps, actorOf(req), req.params.id, req.body),
  );
};
