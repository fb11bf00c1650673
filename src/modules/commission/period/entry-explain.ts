import { formatFen } from '../../../platform/money.js';
import { explainEntry, type Lang, type LevelName } from '../domain/describe.js';
import { LINE_RULES, type LineEntry, type LineExplanation, type LineRule } from '../domain/entries.js';
import { explainPeriodEntry, isPeriodExplanation } from './period-explain.js';

/**
 * The sentence a person reads under one stored commission entry (佣金明细), line or period, in their
 * language: for a line, the order and the product first ("订单 #… 商品 …"), then the engine's own
 * explanation of base × rate; for a period entry, the period's figures. Refunds that took part of
 * the entry are said after it. Pure: the caller reads the names.
 */

/** What is stored of an entry and what the sentence needs around it. */
export interface StoredEntry {
  key: string;
  rule: string;
  beneficiaryId: string;
  orderId: string | null;
  orderLineId: string | null;
  chainPosition: number | null;
  baseFen: number;
  rateBps: number | null;
  perUnitFen: number | null;
  amountFen: number;
  voidedFen: number;
  clawedBackFen: number;
  explanation: unknown;
  /** The product and spec of the line (line entries), when known. */
  productName?: string | null;
  quantity?: number | null;
}

const LINE = new Set<string>(LINE_RULES);

/** A short, readable reference to an order: the last 8 characters of its id, upper-cased. */
export function orderRef(orderId: string): string {
  return orderId.slice(-8).toUpperCase();
}

function isLineExplanation(v: unknown, rule: string): v is LineExplanation {
  return !!v && typeof v === 'object' && (v as { rule?: unknown }).rule === rule && LINE.has(rule);
}

/** The rule's name as leaders say it. */
export const RULE_LABELS: Record<string, { zh: string; en: string }> = {
  direct: { zh: '直推提成', en: 'Direct commission' },
  differential: { zh: '团队奖（级差）', en: 'Team bonus (differential)' },
  peer: { zh: '平级奖', en: 'Peer-level bonus' },
  generation: { zh: '团队奖（按代）', en: 'Team bonus (generations)' },
  recruit_rate: { zh: '推荐奖（销售分成）', en: 'Recruit bonus (share of sales)' },
  tiered: { zh: '阶梯佣金', en: 'Tiered commission' },
  regional_dividend: { zh: '区域分红', en: 'Regional dividend' },
  hot_product: { zh: '爆品阶梯奖励', en: 'Hot-product ladder' },
  recruit_bonus: { zh: '推荐奖', en: 'Recruit bonus' },
};

function refundNote(e: StoredEntry, lang: Lang): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  if (e.voidedFen > 0)
    parts.push(zh ? `退款作废 ${formatFen(e.voidedFen)}` : `${formatFen(e.voidedFen)} voided by refunds`);
  if (e.clawedBackFen > 0)
    parts.push(
      zh
        ? `结算后退款扣回 ${formatFen(e.clawedBackFen)}`
        : `${formatFen(e.clawedBackFen)} clawed back after settlement`,
    );
  if (parts.length === 0) return '';
  const kept = formatFen(e.amountFen - e.voidedFen - e.clawedBackFen);
  return zh ? `；${parts.join('，')}，实得 ${kept}` : `; ${parts.join(', ')}; you keep ${kept}`;
}

/** The full sentence for one entry. */
export function explainStoredEntry(e: StoredEntry, levels: readonly LevelName[], lang: Lang): string {
  const zh = lang === 'zh';
  if (LINE.has(e.rule) && isLineExplanation(e.explanation, e.rule)) {
    const line: LineEntry = {
      key: e.key,
      orderLineId: e.orderLineId ?? '',
      orderId: e.orderId ?? '',
      beneficiaryId: e.beneficiaryId,
      rule: e.rule as LineRule,
      chainPosition: e.chainPosition ?? 0,
      baseFen: e.baseFen,
      rateBps: e.rateBps,
      perUnitFen: e.perUnitFen,
      amountFen: e.amountFen,
      explanation: e.explanation,
    };
    const product = e.productName ? (zh ? ` 商品 ${e.productName}` : ` · ${e.productName}`) : '';
    const qty = e.quantity ? (zh ? ` ×${e.quantity}` : ` ×${e.quantity}`) : '';
    const head = zh
      ? `订单 #${orderRef(line.orderId)}${product}${qty}：`
      : `Order #${orderRef(line.orderId)}${product}${qty}: `;
    return `${head}${explainEntry(line, levels, lang)}${refundNote(e, lang)}`;
  }
  if (isPeriodExplanation(e.explanation)) {
    return `${explainPeriodEntry(e.explanation, e.amountFen, lang)}${refundNote(e, lang)}`;
  }
  // An entry written by other means (a correction) still says what it is and how much.
  const label = RULE_LABELS[e.rule]?.[lang] ?? e.rule;
  return zh ? `${label}：${formatFen(e.amountFen)}` : `${label}: ${formatFen(e.amountFen)}`;
}
