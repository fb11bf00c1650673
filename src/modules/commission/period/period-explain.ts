import { formatFen } from '../../../platform/money.js';
import { formatBps, type Lang } from '../domain/describe.js';
import type { PeriodExplanation } from './period-entries.js';

/**
 * The sentence under a period entry on the leader's page and in the console's "why" view, in the
 * reader's language: which month or campaign, which figures, which rate, and the arithmetic.
 * `explainEntry` (domain/describe.ts) does the same for line entries.
 */
export function explainPeriodEntry(e: PeriodExplanation, amountFen: number, lang: Lang): string {
  const zh = lang === 'zh';
  const amount = formatFen(amountFen);
  switch (e.rule) {
    case 'tiered': {
      if (e.mode === 'whole') {
        const part = e.parts[0];
        const rate = formatBps(part?.rateBps ?? 0);
        return zh
          ? `阶梯佣金（${e.month}，全额累进）：当月已完成直接销售额 ${formatFen(e.gmvFen)}，达到第 ${e.tierIndex + 1} 档（从 ${formatFen(part?.fromFen ?? 0)} 起 ${rate}），${formatFen(e.gmvFen)} × ${rate} = ${amount}`
          : `Tiered commission (${e.month}, whole): completed direct sales ${formatFen(e.gmvFen)} reached tier ${e.tierIndex + 1} (from ${formatFen(part?.fromFen ?? 0)}: ${rate}); ${formatFen(e.gmvFen)} × ${rate} = ${amount}`;
      }
      const parts = e.parts
        .filter((p) => p.rateBps > 0 && p.baseFen > 0)
        .map((p) => `${formatFen(p.baseFen)} × ${formatBps(p.rateBps)}`)
        .join(' + ');
      return zh
        ? `阶梯佣金（${e.month}，超额累进）：当月已完成直接销售额 ${formatFen(e.gmvFen)}，各档分段计算 ${parts} = ${amount}`
        : `Tiered commission (${e.month}, marginal): completed direct sales ${formatFen(e.gmvFen)}, each tier on its part: ${parts} = ${amount}`;
    }
    case 'regional_dividend':
      return zh
        ? `区域分红（${e.month}，${e.regionName}）：区域已完成销售额 ${formatFen(e.regionGmvFen)} × ${formatBps(e.rateBps)} = 分红池 ${formatFen(e.poolFen)}，您的权重 ${e.weight}/${e.totalWeight}（共 ${e.managers} 位区域经理）= ${amount}`
        : `Regional dividend (${e.month}, ${e.regionName}): the region's completed sales ${formatFen(e.regionGmvFen)} × ${formatBps(e.rateBps)} = pool ${formatFen(e.poolFen)}; your weight ${e.weight}/${e.totalWeight} (${e.managers} manager${e.managers === 1 ? '' : 's'}) = ${amount}`;
    case 'hot_product':
      return zh
        ? `爆品阶梯奖励（${e.campaignName} · ${e.skuName}）：您售出 ${e.units} 件，达到满 ${e.minUnits} 件一档，每件 ${formatFen(e.perUnitFen)} × ${e.units} 件 = ${amount}`
        : `Hot-product ladder (${e.campaignName} · ${e.skuName}): you sold ${e.units} units, reaching the step from ${e.minUnits} units; ${formatFen(e.perUnitFen)} per unit × ${e.units} = ${amount}`;
    case 'recruit_bonus':
      return zh
        ? `推荐奖：您推荐的团长 ${e.recruitName} 在通过审核后 ${e.withinDays} 天内已完成销售额 ${formatFen(e.salesFen)}，达到 ${formatFen(e.thresholdFen)}，一次性奖励 ${amount}`
        : `Recruit bonus: ${e.recruitName}, the leader you recruited, completed ${formatFen(e.salesFen)} of sales within ${e.withinDays} days of approval, reaching ${formatFen(e.thresholdFen)}; a one-off bonus of ${amount}`;
    default: {
      const unreachable: never = e;
      throw new Error(`unknown period rule ${JSON.stringify(unreachable)}`);
    }
  }
}

/** Whether a stored explanation is a period explanation this file can read. */
export function isPeriodExplanation(v: unknown): v is PeriodExplanation {
  if (!v || typeof v !== 'object') return false;
  const rule = (v as { rule?: unknown }).rule;
  return (
    rule === 'tiered' || rule === 'regional_dividend' || rule === 'hot_product' || rule === 'recruit_bonus'
  );
}
