import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { products, skus } from '../../catalog/index.js';
import { leaders } from '../../leaders/index.js';
import { orderLines } from '../../orders/index.js';
import type { LevelName } from '../domain/describe.js';
import { commissionEntries } from '../entries.tables.js';
import { type LevelOption, levelNames, loadLevels } from '../plan-facts.js';
import { explainStoredEntry, orderRef, RULE_LABELS, type StoredEntry } from './entry-explain.js';

/**
 * Commission entries as people read them: with the beneficiary's name, the product of the line, and
 * the sentence that explains the amount in Chinese and in English. Shared by the console's "why"
 * views, the period-run page and the leader's earnings page (which passes its own leader id).
 */

type EntryRow = {
  id: string;
  key: string;
  rule: string;
  cause_type: string;
  beneficiary_id: string;
  beneficiary_name: string | null;
  beneficiary_code: string | null;
  order_id: string | null;
  order_line_id: string | null;
  campaign_id: string | null;
  sku_id: string | null;
  period_key: string | null;
  plan_id: string;
  plan_version: number;
  chain_position: number | null;
  base_fen: number;
  rate_bps: number | null;
  per_unit_fen: number | null;
  amount_fen: number;
  voided_fen: number;
  clawed_back_fen: number;
  status: string;
  explanation: unknown;
  paid_at: Date | string | null;
  created_at: Date | string;
  final_at: Date | string | null;
  settled_at: Date | string | null;
  settlement_id: string | null;
  quantity: number | null;
  product_name: string | null;
};

const iso = (v: Date | string | null) => (v === null ? null : new Date(v).toISOString());

export interface EntryView {
  id: string;
  key: string;
  rule: string;
  ruleLabel: { zh: string; en: string };
  causeType: string;
  beneficiaryId: string;
  beneficiaryName: string | null;
  beneficiaryCode: string | null;
  orderId: string | null;
  orderRef: string | null;
  orderLineId: string | null;
  campaignId: string | null;
  skuId: string | null;
  productName: string | null;
  quantity: number | null;
  periodKey: string | null;
  planId: string;
  planVersion: number;
  chainPosition: number | null;
  baseFen: number;
  rateBps: number | null;
  perUnitFen: number | null;
  amountFen: number;
  voidedFen: number;
  clawedBackFen: number;
  /** What the leader keeps: amount − voided − clawed back. */
  netFen: number;
  status: string;
  paidAt: string | null;
  createdAt: string;
  finalAt: string | null;
  settledAt: string | null;
  settlementId: string | null;
  explanation: unknown;
  text: { zh: string; en: string };
}

export interface Namer {
  zh: LevelName[];
  en: LevelName[];
}

export function namerOf(levels: readonly LevelOption[]): Namer {
  return { zh: levelNames(levels, 'zh'), en: levelNames(levels, 'en') };
}

export async function loadNamer(db: Executor): Promise<Namer> {
  return namerOf(await loadLevels(db));
}

function view(r: EntryRow, names: Namer): EntryView {
  const stored: StoredEntry = {
    key: r.key,
    rule: r.rule,
    beneficiaryId: r.beneficiary_id,
    orderId: r.order_id,
    orderLineId: r.order_line_id,
    chainPosition: r.chain_position === null ? null : Number(r.chain_position),
    baseFen: Number(r.base_fen),
    rateBps: r.rate_bps === null ? null : Number(r.rate_bps),
    perUnitFen: r.per_unit_fen === null ? null : Number(r.per_unit_fen),
    amountFen: Number(r.amount_fen),
    voidedFen: Number(r.voided_fen),
    clawedBackFen: Number(r.clawed_back_fen),
    explanation: r.explanation,
    productName: r.product_name,
    quantity: r.quantity === null ? null : Number(r.quantity),
  };
  return {
    id: r.id,
    key: r.key,
    rule: r.rule,
    ruleLabel: RULE_LABELS[r.rule] ?? { zh: r.rule, en: r.rule },
    causeType: r.cause_type,
    beneficiaryId: r.beneficiary_id,
    beneficiaryName: r.beneficiary_name,
    beneficiaryCode: r.beneficiary_code,
    orderId: r.order_id,
    orderRef: r.order_id ? orderRef(r.order_id) : null,
    orderLineId: r.order_line_id,
    campaignId: r.campaign_id,
    skuId: r.sku_id,
    productName: r.product_name,
    quantity: stored.quantity ?? null,
    periodKey: r.period_key,
    planId: r.plan_id,
    planVersion: Number(r.plan_version),
    chainPosition: stored.chainPosition,
    baseFen: stored.baseFen,
    rateBps: stored.rateBps,
    perUnitFen: stored.perUnitFen,
    amountFen: stored.amountFen,
    voidedFen: stored.voidedFen,
    clawedBackFen: stored.clawedBackFen,
    netFen: stored.amountFen - stored.voidedFen - stored.clawedBackFen,
    status: r.status,
    paidAt: iso(r.paid_at),
    createdAt: iso(r.created_at) ?? '',
    finalAt: iso(r.final_at),
    settledAt: iso(r.settled_at),
    settlementId: r.settlement_id,
    explanation: r.explanation,
    text: { zh: explainStoredEntry(stored, names.zh, 'zh'), en: explainStoredEntry(stored, names.en, 'en') },
  };
}

/**
 * Entries matching `where` (a condition on `e`, the entries table), newest first by the moment they
 * refer to, with their names and sentences.
 */
export async function entryViews(
  db: Executor,
  where: SQL,
  opts: { limit: number; offset?: number; names?: Namer },
): Promise<EntryView[]> {
  const [r, names] = await Promise.all([
    db.execute<EntryRow>(sql`
      select e.id, e.key, e.rule, e.cause_type, e.beneficiary_id, l.name as beneficiary_name, l.code as beneficiary_code,
        e.order_id, e.order_line_id, e.campaign_id, e.sku_id, e.period_key, e.plan_id, e.plan_version,
        e.chain_position, e.base_fen, e.rate_bps, e.per_unit_fen, e.amount_fen, e.voided_fen, e.clawed_back_fen,
        e.status, e.explanation, e.paid_at, e.created_at, e.final_at, e.settled_at, e.settlement_id,
        ol.quantity, case when p.id is null then null else p.name || coalesce(' ' || nullif(s.spec, ''), '') end as product_name
      from ${commissionEntries} e
      left join ${leaders} l on l.id = e.beneficiary_id
      left join ${orderLines} ol on ol.id = e.order_line_id
      left join ${skus} s on s.id = coalesce(ol.sku_id, e.sku_id)
      left join ${products} p on p.id = s.product_id
      where ${where}
      order by coalesce(e.paid_at, e.created_at) desc, e.id desc
      limit ${opts.limit} offset ${opts.offset ?? 0}`),
    opts.names ? Promise.resolve(opts.names) : loadNamer(db),
  ]);
  return r.rows.map((row) => view(row, names));
}

/** Count and sums per rule of the entries matching `where`. */
export async function entryTotalsByRule(db: Executor, where: SQL) {
  const r = await db.execute<{ rule: string; n: number; amount: number; voided: number; clawed: number }>(sql`
    select e.rule, count(*)::int as n, sum(e.amount_fen)::bigint as amount, sum(e.voided_fen)::bigint as voided,
      sum(e.clawed_back_fen)::bigint as clawed
    from ${commissionEntries} e where ${where} group by e.rule order by e.rule`);
  return r.rows.map((x) => ({
    rule: x.rule,
    ruleLabel: RULE_LABELS[x.rule] ?? { zh: x.rule, en: x.rule },
    entries: Number(x.n),
    amountFen: Number(x.amount),
    netFen: Number(x.amount) - Number(x.voided) - Number(x.clawed),
  }));
}
