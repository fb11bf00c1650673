import { formatFen } from '../../../platform/money.js';
import type { LineEntry } from './entries.js';
import { DEFAULT_DEPTH_CAP, earnsPeerBonus, type PlanDocument } from './plan.js';

/**
 * The plan and its entries in plain language, Chinese or English: the preview beside the plan
 * editor, and the sentence a leader reads under each fen they earned. Pure; names come in.
 */
export type Lang = 'zh' | 'en';

/** What the descriptions need of a level: its name (and its place in the ladder, to sort by). */
export interface LevelName {
  id: string;
  name: string;
  rank?: number;
}

/** Optional display names for the ids a plan refers to (SKU code and name, category, campaign). */
export interface RefNames {
  skus?: ReadonlyMap<string, string>;
  categories?: ReadonlyMap<string, string>;
  campaigns?: ReadonlyMap<string, string>;
}

export type RuleKind =
  | 'chain'
  | 'direct'
  | 'team'
  | 'peer'
  | 'recruit'
  | 'tiered'
  | 'regional'
  | 'hot_product';

export interface RuleDescription {
  kind: RuleKind;
  title: string;
  lines: string[];
}

/** 1000 → "10%", 250 → "2.5%", 5 → "0.05%". */
export function formatBps(bps: number): string {
  const whole = Math.trunc(bps / 100);
  const frac = Math.abs(bps % 100);
  if (frac === 0) return `${whole}%`;
  return `${whole}.${String(frac).padStart(2, '0').replace(/0$/, '')}%`;
}

function namer(levels: readonly LevelName[], lang: Lang) {
  const byId = new Map(levels.map((l) => [l.id, l.name]));
  return (id: string | null) =>
    id === null ? (lang === 'zh' ? '未设置等级' : 'no level') : (byId.get(id) ?? id);
}

const T = {
  zh: {
    chain: '分佣链',
    direct: '直接佣金（商品/订单提成）',
    team: '团队奖',
    peer: '平级奖',
    recruit: '推荐奖',
    tiered: '阶梯佣金（按月）',
    regional: '区域分红（按月）',
    hot: '爆品阶梯奖励',
  },
  en: {
    chain: 'Chain',
    direct: 'Direct commission',
    team: 'Team bonus',
    peer: 'Peer-level bonus',
    recruit: 'Recruit bonus',
    tiered: 'Tiered monthly commission',
    regional: 'Regional dividend (monthly)',
    hot: 'Hot-product ladder',
  },
} as const;

/** The plan's rules, one block per kind, in the reader's language. */
export function describePlan(
  plan: PlanDocument,
  levels: readonly LevelName[],
  lang: Lang,
  refs: RefNames = {},
): RuleDescription[] {
  const zh = lang === 'zh';
  const name = namer(levels, lang);
  const sku = (id: string) => refs.skus?.get(id) ?? id;
  const category = (id: string) => refs.categories?.get(id) ?? id;
  const campaign = (id: string) => refs.campaigns?.get(id) ?? id;
  const rank = new Map(levels.map((l, i) => [l.id, l.rank ?? i]));
  const rows = [...plan.levels].sort((a, b) => (rank.get(a.levelId) ?? 999) - (rank.get(b.levelId) ?? 999));
  const out: RuleDescription[] = [];

  out.push({
    kind: 'chain',
    title: T[lang].chain,
    lines: [
      zh
        ? `订单所属团长为 L0，其推荐人为 L1，依此类推；团队奖最多计算到上 ${plan.depthCap} 级（默认 ${DEFAULT_DEPTH_CAP} 级）。`
        : `The order's leader is L0, their referrer L1, and so on; team bonuses reach at most ${plan.depthCap} uplines (default ${DEFAULT_DEPTH_CAP}).`,
      plan.selfPurchaseEarnsDirect
        ? zh
          ? '团长自购（通过自己的链接下单）也计直接佣金。'
          : "A leader's own purchases (through their own link) earn direct commission."
        : zh
          ? '团长自购（通过自己的链接下单）不计直接佣金。'
          : "A leader's own purchases (through their own link) earn no direct commission.",
    ],
  });

  const direct: string[] = [];
  for (const l of rows) {
    const n = name(l.levelId);
    direct.push(
      zh
        ? `${n}：实付金额的 ${formatBps(l.directRateBps)}。`
        : `${n}: ${formatBps(l.directRateBps)} of the amount paid.`,
    );
    for (const c of l.categoryRates)
      direct.push(
        zh
          ? `　${n} · 类目 ${category(c.categoryId)}：${formatBps(c.rateBps)}。`
          : `  ${n} · category ${category(c.categoryId)}: ${formatBps(c.rateBps)}.`,
      );
    for (const s of l.skuRates)
      direct.push(
        zh
          ? `　${n} · 规格 ${sku(s.skuId)}：${formatBps(s.rateBps)}。`
          : `  ${n} · SKU ${sku(s.skuId)}: ${formatBps(s.rateBps)}.`,
      );
    for (const s of l.skuFixed)
      direct.push(
        zh
          ? `　${n} · 规格 ${sku(s.skuId)}：每件固定 ${formatFen(s.perUnitFen)}。`
          : `  ${n} · SKU ${sku(s.skuId)}: a fixed ${formatFen(s.perUnitFen)} per unit.`,
      );
  }
  direct.push(
    zh
      ? '取最具体的一项：规格固定金额 > 规格比例 > 类目比例 > 等级默认比例。'
      : 'The most specific setting wins: SKU fixed amount > SKU rate > category rate > level default.',
  );
  out.push({ kind: 'direct', title: T[lang].direct, lines: direct });

  const team = plan.team;
  if (team.mode === 'differential') {
    const peerLevels = rows.filter((l) => earnsPeerBonus(l)).map((l) => name(l.levelId));
    out.push({
      kind: 'team',
      title: `${T[lang].team} · ${zh ? '级差' : 'differential'}`,
      lines: [
        ...rows.map((l) =>
          zh
            ? `${name(l.levelId)}：团队比例 ${formatBps(l.teamRateBps)}。`
            : `${name(l.levelId)}: team rate ${formatBps(l.teamRateBps)}.`,
        ),
        zh
          ? '每位上级获得（本人等级的团队比例 − 其下方链上最高的团队比例）× 实付金额，差额为正时才有。'
          : 'Each upline earns (its level’s team rate − the highest team rate below it on the chain) × the amount paid, when positive.',
      ],
    });
    out.push({
      kind: 'peer',
      title: T[lang].peer,
      lines:
        team.peerRateBps > 0 && team.peerGenerations > 0
          ? [
              zh
                ? `上级因下方已有同等级团长而没有级差时，获得该同级团长在这笔订单上所得（L0 为直接佣金，其他为团队奖）的 ${formatBps(team.peerRateBps)}。`
                : `An upline that earns no differential because a leader below already has its level earns ${formatBps(team.peerRateBps)} of what that leader earned on the line (direct commission for L0, team bonus otherwise).`,
              zh
                ? `发放给该同级团长往上的前 ${team.peerGenerations} 位同等级上级。`
                : `Paid to the first ${team.peerGenerations} same-level upline(s) of that leader.`,
              peerLevels.length > 0
                ? zh
                  ? `享有平级奖的等级：${peerLevels.join('、')}。`
                  : `Levels that earn it: ${peerLevels.join(', ')}.`
                : zh
                  ? '没有等级享有平级奖。'
                  : 'No level earns it.',
            ]
          : [zh ? '不发放平级奖。' : 'No peer-level bonus.'],
    });
  } else if (team.mode === 'generations') {
    out.push({
      kind: 'team',
      title: `${T[lang].team} · ${zh ? '按代' : 'generations'}`,
      lines:
        team.generationRatesBps.length > 0
          ? team.generationRatesBps.map((r, i) =>
              zh
                ? `第 ${i + 1} 代上级（L${i + 1}）：实付金额的 ${formatBps(r)}。`
                : `Generation ${i + 1} (L${i + 1}): ${formatBps(r)} of the amount paid.`,
            )
          : [zh ? '不发放团队奖。' : 'No team bonus.'],
    });
  } else {
    out.push({ kind: 'team', title: T[lang].team, lines: [zh ? '不发放团队奖。' : 'No team bonus.'] });
  }

  const r = plan.recruit;
  out.push({
    kind: 'recruit',
    title: T[lang].recruit,
    lines: r
      ? [
          zh
            ? `新团长通过审核后 ${r.withinDays} 天内已完成销售额达到 ${formatFen(r.thresholdFen)}，其推荐人一次性获得 ${formatFen(r.bonusFen)}。`
            : `When a new leader's completed sales reach ${formatFen(r.thresholdFen)} within ${r.withinDays} days of approval, their referrer earns ${formatFen(r.bonusFen)} once.`,
          ...(r.rateBps > 0 && r.rateDays > 0
            ? [
                zh
                  ? `另外，新团长通过审核后前 ${r.rateDays} 天的订单，推荐人获得实付金额的 ${formatBps(r.rateBps)}。`
                  : `Also, on the new leader's orders in their first ${r.rateDays} days, the referrer earns ${formatBps(r.rateBps)} of the amount paid.`,
              ]
            : []),
        ]
      : [zh ? '不发放推荐奖。' : 'No recruit bonus.'],
  });

  const tiered = plan.tiered;
  out.push({
    kind: 'tiered',
    title: T[lang].tiered,
    lines: tiered
      ? [
          ...tiered.tiers.map((t) =>
            zh
              ? `当月已完成直接销售额从 ${formatFen(t.fromFen)} 起：${formatBps(t.rateBps)}。`
              : `From ${formatFen(t.fromFen)} of completed direct sales in the month: ${formatBps(t.rateBps)}.`,
          ),
          tiered.mode === 'whole'
            ? zh
              ? '全额累进：按达到的最高档比例计算全部销售额。'
              : 'Whole: the top tier reached applies to all of the month’s sales.'
            : zh
              ? '超额累进：每档比例只计算落在该档内的部分。'
              : 'Marginal: each tier’s rate applies only to the part within that tier.',
        ]
      : [zh ? '不发放阶梯佣金。' : 'No tiered commission.'],
  });

  out.push({
    kind: 'regional',
    title: T[lang].regional,
    lines: plan.regional
      ? [
          zh
            ? `每月分红池为区域已完成销售额的 ${formatBps(plan.regional.rateBps)}，按区域经理的权重分配（最大余数法，分配总额恰好等于分红池）。`
            : `Each month the pool is ${formatBps(plan.regional.rateBps)} of the region's completed sales, split among its managers by weight (largest remainder, so the parts sum exactly to the pool).`,
        ]
      : [zh ? '不发放区域分红。' : 'No regional dividend.'],
  });

  out.push({
    kind: 'hot_product',
    title: T[lang].hot,
    lines:
      plan.hotProducts.length > 0
        ? plan.hotProducts.map((h) =>
            zh
              ? `活动 ${campaign(h.campaignId)} · 规格 ${sku(h.skuId)}：${h.steps
                  .map((s) => `满 ${s.minUnits} 件每件 ${formatFen(s.perUnitFen)}`)
                  .join('，')}（按达到的最高档，计全部件数）。`
              : `Campaign ${campaign(h.campaignId)} · SKU ${sku(h.skuId)}: ${h.steps
                  .map((s) => `from ${s.minUnits} units ${formatFen(s.perUnitFen)} per unit`)
                  .join('; ')} (the highest step reached, on all units).`,
          )
        : [zh ? '没有爆品阶梯奖励。' : 'No hot-product ladder.'],
  });
  return out;
}

/** The sentence under one entry: why this leader earned this amount on this line. */
export function explainEntry(entry: LineEntry, levels: readonly LevelName[], lang: Lang): string {
  const zh = lang === 'zh';
  const name = namer(levels, lang);
  const e = entry.explanation;
  const base = formatFen(entry.baseFen);
  const amount = formatFen(entry.amountFen);
  const rate = entry.rateBps === null ? '' : formatBps(entry.rateBps);
  const capped =
    e.cappedFromFen === undefined
      ? ''
      : zh
        ? `（按规则应得 ${formatFen(e.cappedFromFen)}，因本行佣金合计不超过实付金额而减为 ${amount}）`
        : ` (the rule gave ${formatFen(e.cappedFromFen)}; cut to ${amount} so the line's entries stay within the amount paid)`;
  switch (e.rule) {
    case 'direct': {
      const how =
        e.source === 'sku_fixed'
          ? zh
            ? `每件 ${formatFen(entry.perUnitFen ?? 0)} × ${e.quantity} 件（规格固定金额）`
            : `${formatFen(entry.perUnitFen ?? 0)} per unit × ${e.quantity} (SKU fixed amount)`
          : zh
            ? `${base} × ${rate}（${{ sku_rate: '规格比例', category_rate: '类目比例', level_default: '等级默认比例' }[e.source]}）`
            : `${base} × ${rate} (${{ sku_rate: 'SKU rate', category_rate: 'category rate', level_default: 'level default rate' }[e.source]})`;
      return zh
        ? `直接佣金（${name(e.levelId)}）：本单实付 ${base}，${how} = ${amount}${capped}`
        : `Direct commission (${name(e.levelId)}): line paid ${base}; ${how} = ${amount}${capped}`;
    }
    case 'differential':
      return zh
        ? `团队奖（级差）：L${entry.chainPosition} ${name(e.levelId)}团队比例 ${formatBps(e.teamRateBps)} − 下方最高 ${formatBps(e.highestBelowBps)}（L${e.highestBelowPosition}）= ${rate}，${base} × ${rate} = ${amount}${capped}`
        : `Team bonus (differential): L${entry.chainPosition} ${name(e.levelId)} team rate ${formatBps(e.teamRateBps)} − the highest below ${formatBps(e.highestBelowBps)} (L${e.highestBelowPosition}) = ${rate}; ${base} × ${rate} = ${amount}${capped}`;
    case 'peer':
      return zh
        ? `平级奖（第 ${e.generation} 代）：同为${name(e.levelId)}的 L${e.sourcePosition} 在本单获得${e.sourceRule === 'direct' ? '直接佣金' : '团队奖'} ${formatFen(e.sourceAmountFen)}，× ${rate} = ${amount}${capped}`
        : `Peer-level bonus (generation ${e.generation}): L${e.sourcePosition}, also ${name(e.levelId)}, earned ${formatFen(e.sourceAmountFen)} (${e.sourceRule === 'direct' ? 'direct commission' : 'team bonus'}) on this line; × ${rate} = ${amount}${capped}`;
    case 'generation':
      return zh
        ? `团队奖（第 ${e.generation} 代）：${base} × ${rate} = ${amount}${capped}`
        : `Team bonus (generation ${e.generation}): ${base} × ${rate} = ${amount}${capped}`;
    case 'recruit_rate':
      return zh
        ? `推荐奖：您推荐的团长在通过审核后 ${e.rateDays} 天内的订单，${base} × ${rate} = ${amount}${capped}`
        : `Recruit bonus: an order of the leader you recruited, within ${e.rateDays} days of their approval; ${base} × ${rate} = ${amount}${capped}`;
    default: {
      const unreachable: never = e;
      throw new Error(`unknown rule ${JSON.stringify(unreachable)}`);
    }
  }
}
