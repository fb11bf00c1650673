import { asc, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db/database.js';
import { campaigns } from '../campaigns/index.js';
import { categories, findSkus } from '../catalog/index.js';
import { leaderLevels } from '../leaders/index.js';
import type { LevelName, RefNames } from './domain/describe.js';
import type { PlanDocument } from './domain/plan.js';
import { type PlanFacts, referencedIds } from './domain/plan-validation.js';

/**
 * What plan validation and the preview need from other modules: the level ladder (leaders), the SKUs
 * and categories (catalog) and the campaigns a plan refers to, read through those modules' public
 * exports. Only the ids a document mentions are looked up.
 */
export interface LevelOption {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  rank: number;
  status: string;
}

/** The whole ladder, archived levels last (a plan may still mention one; it earns nothing new). */
export async function loadLevels(db: Executor): Promise<LevelOption[]> {
  const rows = await db
    .select({
      id: leaderLevels.id,
      code: leaderLevels.code,
      name: leaderLevels.nameZh,
      nameEn: leaderLevels.nameEn,
      rank: leaderLevels.rank,
      status: leaderLevels.status,
    })
    .from(leaderLevels)
    .orderBy(asc(leaderLevels.rank), asc(leaderLevels.code));
  return rows.sort((a, b) => Number(a.status === 'archived') - Number(b.status === 'archived'));
}

export function levelNames(levels: readonly LevelOption[], lang: 'zh' | 'en'): LevelName[] {
  return levels.map((l) => ({ id: l.id, name: lang === 'zh' ? l.name : l.nameEn, rank: l.rank }));
}

export interface LoadedFacts {
  facts: PlanFacts;
  levels: LevelOption[];
  refs: RefNames;
}

export async function loadPlanFacts(db: Executor, plan: PlanDocument): Promise<LoadedFacts> {
  const ids = referencedIds(plan);
  // One after the other: `db` may be a transaction, whose single connection takes one query at a time.
  const levels = await loadLevels(db);
  const skus = await findSkus(db, [...ids.skuIds]);
  const cats =
    ids.categoryIds.size === 0
      ? []
      : await db
          .select({ id: categories.id, name: categories.name })
          .from(categories)
          .where(inArray(categories.id, [...ids.categoryIds]));
  const cmps =
    ids.campaignIds.size === 0
      ? []
      : await db
          .select({ id: campaigns.id, name: campaigns.name, code: campaigns.code })
          .from(campaigns)
          .where(inArray(campaigns.id, [...ids.campaignIds]));
  return {
    levels,
    facts: {
      levelIds: new Set(levels.map((l) => l.id)),
      skuIds: new Set(skus.map((s) => s.skuId)),
      categoryIds: new Set(cats.map((c) => c.id)),
      campaignIds: new Set(cmps.map((c) => c.id)),
    },
    refs: {
      skus: new Map(skus.map((s) => [s.skuId, `${s.skuCode} ${s.productName}${s.spec ? ` ${s.spec}` : ''}`])),
      categories: new Map(cats.map((c) => [c.id, c.name])),
      campaigns: new Map(cmps.map((c) => [c.id, `${c.code} ${c.name}`])),
    },
  };
}
