import {
  DEFAULT_DEPTH_CAP,
  HARD_DEPTH_CEILING,
  MAX_RATE_BPS,
  PLAN_LIMITS,
  type PlanDocument,
  TEAM_MODES,
  TIER_MODES,
} from './plan.js';
import { worstCaseFits, worstCaseOf } from './worst-case.js';

/**
 * Plan validation (pure). Each problem names the field at fault as the request does
 * (`body.tiered.tiers[2].fromFen`) and carries a code of the commission error catalogue, so the
 * service can answer 422 with the first one and the console can show it under its input.
 */
export type PlanProblemCode =
  | 'commission.plan_invalid_value'
  | 'commission.plan_invalid_rate'
  | 'commission.plan_invalid_amount'
  | 'commission.plan_depth_cap'
  | 'commission.plan_generations_exceed_depth'
  | 'commission.plan_unknown_level'
  | 'commission.plan_unknown_sku'
  | 'commission.plan_unknown_category'
  | 'commission.plan_unknown_campaign'
  | 'commission.plan_duplicate'
  | 'commission.plan_tiers_out_of_order'
  | 'commission.plan_steps_out_of_order'
  | 'commission.plan_rates_overflow';

export interface PlanProblem {
  code: PlanProblemCode;
  field: string;
  detail: string;
}

/**
 * What exists outside the document. `levelIds` is required (a plan about unknown levels is refused);
 * the others are checked when given.
 */
export interface PlanFacts {
  levelIds: ReadonlySet<string>;
  skuIds?: ReadonlySet<string>;
  categoryIds?: ReadonlySet<string>;
  campaignIds?: ReadonlySet<string>;
}

/** Every id the document refers to, so the service can look up only those. */
export function referencedIds(plan: PlanDocument) {
  const skuIds = new Set<string>();
  const categoryIds = new Set<string>();
  for (const l of plan.levels) {
    for (const s of l.skuRates) skuIds.add(s.skuId);
    for (const s of l.skuFixed) skuIds.add(s.skuId);
    for (const c of l.categoryRates) categoryIds.add(c.categoryId);
  }
  for (const h of plan.hotProducts) skuIds.add(h.skuId);
  return {
    levelIds: new Set(plan.levels.map((l) => l.levelId)),
    skuIds,
    categoryIds,
    campaignIds: new Set(plan.hotProducts.map((h) => h.campaignId)),
  };
}

class Collector {
  readonly problems: PlanProblem[] = [];

  add(code: PlanProblemCode, field: string, detail: string): void {
    this.problems.push({ code, field, detail });
  }

  rate(value: unknown, field: string): void {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > MAX_RATE_BPS)
      this.add('commission.plan_invalid_rate', field, `${String(value)} is not a rate of 0 to 10000 bps`);
  }

  amount(value: unknown, field: string, max: number): void {
    if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > max)
      this.add(
        'commission.plan_invalid_amount',
        field,
        `${String(value)} is not a whole number of fen from 0 to ${max}`,
      );
  }

  int(value: unknown, field: string, min: number, max: number): boolean {
    if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
      this.add(
        'commission.plan_invalid_value',
        field,
        `${String(value)} is not a whole number from ${min} to ${max}`,
      );
      return false;
    }
    return true;
  }

  id(value: unknown, field: string): boolean {
    if (typeof value !== 'string' || value.trim() === '' || value.length > PLAN_LIMITS.maxIdLength) {
      this.add('commission.plan_invalid_value', field, 'an id of 1 to 64 characters is required');
      return false;
    }
    return true;
  }

  count(list: readonly unknown[], field: string, max: number): void {
    if (list.length > max) this.add('commission.plan_invalid_value', field, `at most ${max} entries`);
  }

  known(value: string, known: ReadonlySet<string> | undefined, code: PlanProblemCode, field: string): void {
    if (known && !known.has(value)) this.add(code, field, `${value} does not exist`);
  }

  unique(seen: Set<string>, value: string, field: string, what: string): void {
    if (seen.has(value)) this.add('commission.plan_duplicate', field, `${what} ${value} is listed twice`);
    seen.add(value);
  }
}

function validateLevels(plan: PlanDocument, facts: PlanFacts, c: Collector): void {
  c.count(plan.levels, 'body.levels', PLAN_LIMITS.maxLevels);
  const levelSeen = new Set<string>();
  for (const [i, level] of plan.levels.entries()) {
    const at = `body.levels[${i}]`;
    if (c.id(level.levelId, `${at}.levelId`)) {
      c.known(level.levelId, facts.levelIds, 'commission.plan_unknown_level', `${at}.levelId`);
      c.unique(levelSeen, level.levelId, `${at}.levelId`, 'level');
    }
    c.rate(level.directRateBps, `${at}.directRateBps`);
    c.rate(level.teamRateBps, `${at}.teamRateBps`);
    if (level.peerBonus !== undefined && typeof level.peerBonus !== 'boolean')
      c.add(
        'commission.plan_invalid_value',
        `${at}.peerBonus`,
        `${String(level.peerBonus)} is not true or false`,
      );
    c.count(level.categoryRates, `${at}.categoryRates`, PLAN_LIMITS.maxOverridesPerLevel);
    c.count(level.skuRates, `${at}.skuRates`, PLAN_LIMITS.maxOverridesPerLevel);
    c.count(level.skuFixed, `${at}.skuFixed`, PLAN_LIMITS.maxOverridesPerLevel);
    const categories = new Set<string>();
    for (const [j, r] of level.categoryRates.entries()) {
      const f = `${at}.categoryRates[${j}]`;
      if (c.id(r.categoryId, `${f}.categoryId`)) {
        c.known(r.categoryId, facts.categoryIds, 'commission.plan_unknown_category', `${f}.categoryId`);
        c.unique(categories, r.categoryId, `${f}.categoryId`, 'category');
      }
      c.rate(r.rateBps, `${f}.rateBps`);
    }
    const skuRates = new Set<string>();
    for (const [j, r] of level.skuRates.entries()) {
      const f = `${at}.skuRates[${j}]`;
      if (c.id(r.skuId, `${f}.skuId`)) {
        c.known(r.skuId, facts.skuIds, 'commission.plan_unknown_sku', `${f}.skuId`);
        c.unique(skuRates, r.skuId, `${f}.skuId`, 'SKU');
      }
      c.rate(r.rateBps, `${f}.rateBps`);
    }
    const skuFixed = new Set<string>();
    for (const [j, r] of level.skuFixed.entries()) {
      const f = `${at}.skuFixed[${j}]`;
      if (c.id(r.skuId, `${f}.skuId`)) {
        c.known(r.skuId, facts.skuIds, 'commission.plan_unknown_sku', `${f}.skuId`);
        c.unique(skuFixed, r.skuId, `${f}.skuId`, 'SKU');
      }
      c.amount(r.perUnitFen, `${f}.perUnitFen`, PLAN_LIMITS.maxPerUnitFen);
    }
  }
}

function validateDepthAndTeam(plan: PlanDocument, c: Collector): boolean {
  let depthOk = c.int(plan.depthCap, 'body.depthCap', 0, HARD_DEPTH_CEILING);
  if (depthOk && plan.depthCap > DEFAULT_DEPTH_CAP && plan.allowDepthAboveDefault !== true) {
    c.add(
      'commission.plan_depth_cap',
      'body.depthCap',
      `more than ${DEFAULT_DEPTH_CAP} uplines needs allowDepthAboveDefault (and a legal review); at most ${HARD_DEPTH_CEILING}`,
    );
    depthOk = false;
  }
  const team = plan.team;
  if (!(TEAM_MODES as readonly string[]).includes(team.mode)) {
    c.add('commission.plan_invalid_value', 'body.team.mode', `mode must be one of ${TEAM_MODES.join(', ')}`);
    return false;
  }
  if (team.mode === 'differential') {
    c.rate(team.peerRateBps, 'body.team.peerRateBps');
    if (c.int(team.peerGenerations, 'body.team.peerGenerations', 0, HARD_DEPTH_CEILING) && depthOk) {
      if (team.peerGenerations > plan.depthCap)
        c.add(
          'commission.plan_generations_exceed_depth',
          'body.team.peerGenerations',
          `${team.peerGenerations} peer generations but only ${plan.depthCap} uplines are paid`,
        );
    }
  } else if (team.mode === 'generations') {
    for (const [i, r] of team.generationRatesBps.entries()) c.rate(r, `body.team.generationRatesBps[${i}]`);
    if (depthOk && team.generationRatesBps.length > plan.depthCap)
      c.add(
        'commission.plan_generations_exceed_depth',
        'body.team.generationRatesBps',
        `${team.generationRatesBps.length} generations but only ${plan.depthCap} uplines are paid`,
      );
    if (team.generationRatesBps.length > HARD_DEPTH_CEILING) return false;
  }
  return depthOk;
}

function validateRecruit(plan: PlanDocument, c: Collector): void {
  const r = plan.recruit;
  if (!r) return;
  c.amount(r.thresholdFen, 'body.recruit.thresholdFen', PLAN_LIMITS.maxAmountFen);
  c.int(r.withinDays, 'body.recruit.withinDays', 1, PLAN_LIMITS.maxDays);
  c.amount(r.bonusFen, 'body.recruit.bonusFen', PLAN_LIMITS.maxAmountFen);
  c.rate(r.rateBps, 'body.recruit.rateBps');
  c.int(r.rateDays, 'body.recruit.rateDays', 0, PLAN_LIMITS.maxDays);
}

function validateTiered(plan: PlanDocument, c: Collector): void {
  const t = plan.tiered;
  if (!t) return;
  if (!(TIER_MODES as readonly string[]).includes(t.mode))
    c.add('commission.plan_invalid_value', 'body.tiered.mode', 'mode must be whole or marginal');
  if (t.tiers.length === 0)
    c.add('commission.plan_invalid_value', 'body.tiered.tiers', 'at least one tier is required');
  c.count(t.tiers, 'body.tiered.tiers', PLAN_LIMITS.maxTiers);
  let previous: number | null = null;
  for (const [i, tier] of t.tiers.entries()) {
    const f = `body.tiered.tiers[${i}]`;
    c.rate(tier.rateBps, `${f}.rateBps`);
    const okAmount =
      Number.isSafeInteger(tier.fromFen) && tier.fromFen >= 0 && tier.fromFen <= PLAN_LIMITS.maxAmountFen;
    if (!okAmount) {
      c.amount(tier.fromFen, `${f}.fromFen`, PLAN_LIMITS.maxAmountFen);
      previous = null;
      continue;
    }
    if (i === 0 && tier.fromFen !== 0)
      c.add('commission.plan_tiers_out_of_order', `${f}.fromFen`, 'the first tier must start at 0');
    if (previous !== null && tier.fromFen <= previous)
      c.add(
        'commission.plan_tiers_out_of_order',
        `${f}.fromFen`,
        `tiers must start at strictly ascending amounts: ${tier.fromFen} follows ${previous}`,
      );
    previous = tier.fromFen;
  }
}

function validateHotProducts(plan: PlanDocument, facts: PlanFacts, c: Collector): void {
  c.count(plan.hotProducts, 'body.hotProducts', PLAN_LIMITS.maxHotProducts);
  const seen = new Set<string>();
  for (const [i, h] of plan.hotProducts.entries()) {
    const f = `body.hotProducts[${i}]`;
    const campaignOk = c.id(h.campaignId, `${f}.campaignId`);
    const skuOk = c.id(h.skuId, `${f}.skuId`);
    if (campaignOk)
      c.known(h.campaignId, facts.campaignIds, 'commission.plan_unknown_campaign', `${f}.campaignId`);
    if (skuOk) c.known(h.skuId, facts.skuIds, 'commission.plan_unknown_sku', `${f}.skuId`);
    if (campaignOk && skuOk) c.unique(seen, `${h.campaignId}/${h.skuId}`, `${f}.skuId`, 'campaign SKU');
    if (h.steps.length === 0)
      c.add('commission.plan_invalid_value', `${f}.steps`, 'at least one step is required');
    c.count(h.steps, `${f}.steps`, PLAN_LIMITS.maxSteps);
    let previous: number | null = null;
    for (const [j, step] of h.steps.entries()) {
      const s = `${f}.steps[${j}]`;
      c.amount(step.perUnitFen, `${s}.perUnitFen`, PLAN_LIMITS.maxPerUnitFen);
      if (!c.int(step.minUnits, `${s}.minUnits`, 1, PLAN_LIMITS.maxUnits)) {
        previous = null;
        continue;
      }
      if (previous !== null && step.minUnits <= previous)
        c.add(
          'commission.plan_steps_out_of_order',
          `${s}.minUnits`,
          `steps must start at strictly ascending unit counts: ${step.minUnits} follows ${previous}`,
        );
      previous = step.minUnits;
    }
  }
}

/**
 * Every problem of a plan document, in the order of its fields; empty when it is valid. The chain's
 * worst case is checked last and only when each rate is valid on its own, so an overflow is reported
 * only for a plan whose parts are each sensible.
 */
export function validatePlan(plan: PlanDocument, facts: PlanFacts): PlanProblem[] {
  const c = new Collector();
  if (
    typeof plan.name !== 'string' ||
    plan.name.trim() === '' ||
    plan.name.length > PLAN_LIMITS.maxNameLength
  )
    c.add('commission.plan_invalid_value', 'body.name', 'a name of 1 to 100 characters is required');
  const depthOk = validateDepthAndTeam(plan, c);
  validateLevels(plan, facts, c);
  validateRecruit(plan, c);
  validateTiered(plan, c);
  if (plan.regional) c.rate(plan.regional.rateBps, 'body.regional.rateBps');
  validateHotProducts(plan, facts, c);

  const rateProblems = c.problems.some((p) =>
    ['commission.plan_invalid_rate', 'commission.plan_invalid_value', 'commission.plan_depth_cap'].includes(
      p.code,
    ),
  );
  if (depthOk && !rateProblems) {
    const worst = worstCaseOf(plan);
    if (!worstCaseFits(worst)) {
      const biggest = [...worst.parts].sort((a, b) => b.units - a.units)[0];
      const pct = (worst.units / 1_000_000).toFixed(2);
      c.add(
        'commission.plan_rates_overflow',
        biggest?.field ?? 'body.levels',
        `the chain's total can reach ${pct}% of the base (${worst.parts
          .map((p) => `L${p.position} ${p.label} ${(p.units / 1_000_000).toFixed(2)}%`)
          .join(' + ')})`,
      );
    }
  }
  return c.problems;
}
