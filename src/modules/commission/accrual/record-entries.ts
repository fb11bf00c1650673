import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { postTransfersTx, registerCauseType, type TransferInput } from '../../ledger/index.js';
import { COMMISSION_RULES, type CommissionRule } from '../domain/entries.js';
import { commissionEntries, type EntryCauseType } from '../entries.tables.js';

/**
 * Writing commission entries and their accrual transfers (佣金入账). The order glue (accrual at
 * payment) and the period computations (month close, campaign close, recruit bonus) both write
 * through `recordEntriesTx`, so every entry has exactly one accrual transfer, keyed by the entry's
 * own key: recomputing an order or re-running a month close writes nothing new.
 */

/** Ledger cause types of the money path; the invariant check proves each cause id exists. */
export const CAUSE_COMMISSION_ENTRY = 'commission_entry';
export const CAUSE_COMMISSION_SETTLEMENT = 'commission_settlement';
registerCauseType(CAUSE_COMMISSION_ENTRY, {
  label: 'commission entry 佣金明细',
  table: 'commission_entries',
  column: 'id',
});
registerCauseType(CAUSE_COMMISSION_SETTLEMENT, {
  label: 'commission settlement 佣金结算',
  table: 'commission_settlements',
  column: 'id',
});

/** One amount to record. Order-line entries come from `computeLine`; period entries from the period rules. */
export interface NewEntry {
  /** Unique and derived from the cause: `lineEntryKey(...)` for lines, e.g. `tiered:2026-03:<leaderId>` for periods. */
  key: string;
  beneficiaryId: string;
  rule: CommissionRule;
  causeType: EntryCauseType;
  orderId?: string | null;
  orderLineId?: string | null;
  campaignId?: string | null;
  skuId?: string | null;
  /** Required for period entries: what was computed (`tiered:2026-03`). */
  periodKey?: string | null;
  planId: string;
  planVersion: number;
  chainPosition?: number | null;
  baseFen: number;
  rateBps?: number | null;
  perUnitFen?: number | null;
  amountFen: number;
  /** The engine's structured explanation (LineExplanation, or the period rule's figures). */
  explanation: unknown;
  /** Payment time of the order (lines), or the moment a period entry refers to. */
  paidAt?: Date | null;
  /** Order lines: the line's units and paid amount, the base of proportional voids. */
  lineQuantity?: number | null;
  lineFen?: number | null;
  /** Default `estimated`; a period entry computed on completed sales may be `final` at once. */
  status?: 'estimated' | 'final';
  /** Required with status `final`: when it became final (the settlement of that day picks it up). */
  finalAt?: Date | null;
}

export interface RecordedEntry {
  id: string;
  key: string;
  beneficiaryId: string;
  amountFen: number;
}

export interface RecordResult {
  /** Entries written by this call (the rest already existed under their key). */
  inserted: RecordedEntry[];
  /** Accrual transfers posted (entries of 0 fen post none). */
  posted: number;
}

const CHUNK = 5_000;
const RULES = new Set<string>(COMMISSION_RULES);

function check(e: NewEntry, i: number): void {
  const bad = (what: string) => new RangeError(`entries[${i}] (${e.key}): ${what}`);
  if (typeof e.key !== 'string' || e.key.length < 1 || e.key.length > 160)
    throw bad('key must be 1-160 characters');
  if (!RULES.has(e.rule)) throw bad(`unknown rule ${e.rule}`);
  if (!e.beneficiaryId) throw bad('beneficiary is required');
  for (const [name, v] of [
    ['amountFen', e.amountFen],
    ['baseFen', e.baseFen],
  ] as const) {
    if (!Number.isSafeInteger(v) || v < 0) throw bad(`${name} must be a non-negative whole number of fen`);
  }
  if (e.causeType === 'order_line') {
    if (!e.orderId || !e.orderLineId) throw bad('an order-line entry needs its order and line');
    if (!Number.isSafeInteger(e.lineQuantity ?? Number.NaN) || (e.lineQuantity ?? 0) < 1)
      throw bad('an order-line entry needs the line quantity');
    if (!Number.isSafeInteger(e.lineFen ?? Number.NaN) || (e.lineFen ?? -1) < 0)
      throw bad('an order-line entry needs the line amount');
  } else if (e.causeType === 'period') {
    if (!e.periodKey) throw bad('a period entry needs its period key');
  } else throw bad(`unknown cause type ${String(e.causeType)}`);
  if (e.status === 'final' && !e.finalAt) throw bad('a final entry needs finalAt');
}

/** The accrual leg of an entry: commission expense → the beneficiary's pending (预估). */
export function accrualTransfer(entry: RecordedEntry, rule: string): TransferInput {
  return {
    key: entry.key,
    debit: { owner: 'company', kind: 'commission_expense' },
    credit: { owner: 'leader', leaderId: entry.beneficiaryId, kind: 'pending' },
    amountFen: entry.amountFen,
    causeType: CAUSE_COMMISSION_ENTRY,
    causeId: entry.id,
    memo: `预估佣金 accrual: ${rule}`,
  };
}

/**
 * Inserts `entries` (ON CONFLICT (key) DO NOTHING) and posts the accrual transfer of each new one
 * through the ledger, with the entry key as the transfer key, in the caller's transaction. Set-based:
 * one INSERT per 5,000 entries and one posting for the call. Returns what was new.
 */
export async function recordEntriesTx(
  deps: { clock: Clock },
  tx: Tx,
  entries: readonly NewEntry[],
): Promise<RecordResult> {
  if (entries.length === 0) return { inserted: [], posted: 0 };
  const byKey = new Map<string, NewEntry>();
  for (const [i, e] of entries.entries()) {
    check(e, i);
    if (!byKey.has(e.key)) byKey.set(e.key, e);
  }
  const now = deps.clock.now();
  const at = now.toISOString();
  const list = [...byKey.values()];
  const inserted: RecordedEntry[] = [];
  const ruleOf = new Map<string, string>();
  for (let from = 0; from < list.length; from += CHUNK) {
    const chunk = list.slice(from, from + CHUNK);
    // One JSON document per chunk: serialising it is native work, where an array parameter per
    // column costs node-postgres an escaping pass per value. Read as `json`, not `jsonb`: PostgreSQL
    // then parses only each row's explanation into jsonb, not the whole document (measured: about a
    // third less time for 15,000 entries).
    const rows = chunk.map((e) => ({
      id: newId('commissionEntry'),
      key: e.key,
      beneficiary_id: e.beneficiaryId,
      rule: e.rule,
      cause_type: e.causeType,
      order_id: e.orderId ?? null,
      order_line_id: e.orderLineId ?? null,
      campaign_id: e.campaignId ?? null,
      sku_id: e.skuId ?? null,
      period_key: e.periodKey ?? null,
      plan_id: e.planId,
      plan_version: e.planVersion,
      chain_position: e.chainPosition ?? null,
      base_fen: e.baseFen,
      rate_bps: e.rateBps ?? null,
      per_unit_fen: e.perUnitFen ?? null,
      amount_fen: e.amountFen,
      line_quantity: e.lineQuantity ?? null,
      line_fen: e.lineFen ?? null,
      status: e.status ?? 'estimated',
      explanation: e.explanation ?? {},
      paid_at: e.paidAt?.toISOString() ?? null,
      final_at: e.status === 'final' ? (e.finalAt?.toISOString() ?? null) : null,
    }));
    const result = await tx.execute<{
      id: string;
      key: string;
      beneficiary_id: string;
      amount_fen: number;
      rule: string;
    }>(sql`
      INSERT INTO ${commissionEntries} (id, key, beneficiary_id, rule, cause_type, order_id, order_line_id,
        campaign_id, sku_id, period_key, plan_id, plan_version, chain_position, base_fen, rate_bps, per_unit_fen,
        amount_fen, line_quantity, line_fen, status, explanation, paid_at, created_at, final_at)
      SELECT id, key, beneficiary_id, rule, cause_type, order_id, order_line_id, campaign_id, sku_id, period_key,
        plan_id, plan_version, chain_position, base_fen, rate_bps, per_unit_fen, amount_fen, line_quantity, line_fen,
        status, explanation, paid_at, ${at}::timestamptz, final_at
      FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS i(id text, key text, beneficiary_id text, rule text, cause_type text, order_id text, order_line_id text,
             campaign_id text, sku_id text, period_key text, plan_id text, plan_version int, chain_position int,
             base_fen bigint, rate_bps int, per_unit_fen bigint, amount_fen bigint, line_quantity int, line_fen bigint,
             status text, explanation jsonb, paid_at timestamptz, final_at timestamptz)
      ON CONFLICT (key) DO NOTHING
      RETURNING id, key, beneficiary_id, amount_fen, rule`);
    for (const r of result.rows) {
      inserted.push({
        id: r.id,
        key: r.key,
        beneficiaryId: r.beneficiary_id,
        amountFen: Number(r.amount_fen),
      });
      ruleOf.set(r.key, r.rule);
    }
  }
  const transfers = inserted
    .filter((e) => e.amountFen > 0)
    .map((e) => accrualTransfer(e, ruleOf.get(e.key) ?? ''));
  const { posted } = await postTransfersTx(tx, deps.clock, transfers);
  return { inserted, posted };
}
