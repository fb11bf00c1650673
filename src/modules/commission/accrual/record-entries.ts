import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import type { CauseCheck } from '../../../platform/module-manifest.js';
import { postTransfersTx, type TransferInput } from '../../ledger/index.js';
import { COMMISSION_RULES, type CommissionRule } from '../domain/entries.js';
import { commissionEntries, type EntryCauseType } from '../entries.tables.js';

/**
 * Writing commission entries and accruing them (佣金入账). The order glue (accrual at payment) and the
 * period computations (month close, campaign close, recruit bonus) both write through
 * `recordEntriesTx`. Entries are unique by key, and each new entry of more than 0 fen is accrued by
 * its own ledger transfer (commission expense → the beneficiary's pending, 预估) whose key is derived
 * from the entry's cause and the transfer's kind: `accrual:<entry key>`, e.g.
 * `accrual:line:<orderLineId>:differential:2:<leaderId>` (order line, rule, chain position, beneficiary). So
 * recomputing an order or re-running a month close inserts no entry and posts no transfer, and a
 * transfer posted twice by any path is skipped by the ledger.
 *
 * Entries written between sessions 3 and 5 of the project were accrued in aggregate, one transfer per
 * beneficiary and `commission_accruals` row (`accrual:<accrualId>:<beneficiaryId>`); they keep their
 * `accrual_id`, and the readers still find those transfers.
 */

/** Ledger cause types of the money path; the invariant check proves each cause id exists. */
export const CAUSE_COMMISSION_ENTRY = 'commission_entry';
export const CAUSE_COMMISSION_ACCRUAL = 'commission_accrual';
export const CAUSE_COMMISSION_SETTLEMENT = 'commission_settlement';
/** How the ledger's invariant check finds each cause (declared in the commission manifest). */
export const COMMISSION_CAUSE_TYPES: Readonly<Record<string, CauseCheck>> = {
  // Accrual transfers (one per entry), voids and clawbacks (one per entry and refund).
  [CAUSE_COMMISSION_ENTRY]: { label: 'commission entry 佣金明细', table: 'commission_entries', column: 'id' },
  // The aggregated accrual transfers of entries written between sessions 3 and 5 (see the module comment).
  [CAUSE_COMMISSION_ACCRUAL]: {
    label: 'commission accrual 佣金入账',
    table: 'commission_accruals',
    column: 'id',
  },
  [CAUSE_COMMISSION_SETTLEMENT]: {
    label: 'commission settlement 佣金结算',
    table: 'commission_settlements',
    column: 'id',
  },
};

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
  rule: CommissionRule;
  amountFen: number;
}

export interface RecordResult {
  /** Entries written by this call (the rest already existed under their key). */
  inserted: RecordedEntry[];
  /** Accrual transfers posted: one per new entry of more than 0 fen. */
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

/** The key of entry `entryKey`'s accrual transfer: its cause (the entry's key) under the kind `accrual`. */
export const accrualTransferKey = (entryKey: string) => `accrual:${entryKey}`;

/** The accrual leg of one new entry (pure): commission expense → the beneficiary's pending (预估). */
export function accrualTransfer(entry: RecordedEntry): TransferInput {
  return {
    key: accrualTransferKey(entry.key),
    debit: { owner: 'company', kind: 'commission_expense' },
    credit: { owner: 'leader', leaderId: entry.beneficiaryId, kind: 'pending' },
    amountFen: entry.amountFen,
    causeType: CAUSE_COMMISSION_ENTRY,
    causeId: entry.id,
    memo: `预估佣金 accrual: ${entry.rule}`,
  };
}

/**
 * The rows sent for one chunk (pure): what entries of one order line (or one period computation)
 * share is sent once per line, as a group, and each entry names its group; values that are null
 * are left out. This halves the document PostgreSQL parses, which is most of the insert's cost.
 */
export function entryDocuments(
  entries: readonly NewEntry[],
  newEntryId: () => string,
): { groups: Record<string, unknown>[]; rows: Record<string, unknown>[] } {
  const groups: Record<string, unknown>[] = [];
  const groupOf = new Map<string, number>();
  const rows: Record<string, unknown>[] = [];
  for (const e of entries) {
    const paidAt = e.paidAt ? e.paidAt.toISOString() : undefined;
    const status = e.status ?? 'estimated';
    const finalAt = status === 'final' && e.finalAt ? e.finalAt.toISOString() : undefined;
    const shared = `${e.causeType}|${e.orderId ?? ''}|${e.orderLineId ?? ''}|${e.campaignId ?? ''}|${e.skuId ?? ''}|${
      e.periodKey ?? ''
    }|${e.planId}|${e.planVersion}|${e.lineQuantity ?? ''}|${e.lineFen ?? ''}|${paidAt ?? ''}|${status}|${finalAt ?? ''}`;
    let g = groupOf.get(shared);
    if (g === undefined) {
      g = groups.length;
      groupOf.set(shared, g);
      groups.push({
        g,
        ct: e.causeType,
        o: e.orderId ?? undefined,
        l: e.orderLineId ?? undefined,
        c: e.campaignId ?? undefined,
        s: e.skuId ?? undefined,
        pk: e.periodKey ?? undefined,
        p: e.planId,
        v: e.planVersion,
        q: e.lineQuantity ?? undefined,
        f: e.lineFen ?? undefined,
        at: paidAt,
        st: status,
        fa: finalAt,
      });
    }
    rows.push({
      n: rows.length,
      g,
      id: newEntryId(),
      k: e.key,
      b: e.beneficiaryId,
      r: e.rule,
      cp: e.chainPosition ?? undefined,
      bf: e.baseFen,
      rb: e.rateBps ?? undefined,
      pu: e.perUnitFen ?? undefined,
      a: e.amountFen,
      x: e.explanation ?? {},
    });
  }
  return { groups, rows };
}

/** One INSERT of a chunk, returning the rows it wrote (a key that already exists is skipped). */
function insertChunk(chunk: readonly NewEntry[], at: string): SQL {
  const { groups, rows } = entryDocuments(chunk, () => newId('commissionEntry'));
  // Read as `json`, not `jsonb`, and the explanation kept `json` too: PostgreSQL then only checks the
  // document's syntax and copies each explanation's text. The rows go in in key order (sorted by the
  // caller), so two calls that meet on the same keys wait for each other in the same order instead of
  // deadlocking.
  return sql`
    INSERT INTO ${commissionEntries} (id, key, beneficiary_id, rule, cause_type, order_id, order_line_id,
      campaign_id, sku_id, period_key, plan_id, plan_version, chain_position, base_fen, rate_bps, per_unit_fen,
      amount_fen, line_quantity, line_fen, status, explanation, paid_at, created_at, final_at)
    SELECT e.id, e.k, e.b, e.r, g.ct, g.o, g.l, g.c, g.s, g.pk, g.p, g.v, e.cp, e.bf, e.rb, e.pu, e.a, g.q, g.f,
      g.st, e.x, g.at, ${at}::timestamptz, g.fa
    FROM json_to_recordset(${JSON.stringify(rows)}::json)
      AS e(n int, g int, id text, k text, b text, r text, cp int, bf bigint, rb int, pu bigint, a bigint, x json)
    JOIN json_to_recordset(${JSON.stringify(groups)}::json)
      AS g(g int, ct text, o text, l text, c text, s text, pk text, p text, v int, q int, f bigint,
           at timestamptz, st text, fa timestamptz) ON g.g = e.g
    ORDER BY e.n
    ON CONFLICT (key) DO NOTHING
    RETURNING id, key, beneficiary_id, rule, amount_fen`;
}

/**
 * Inserts `entries` (ON CONFLICT (key) DO NOTHING) and posts the accrual transfer of each new one of
 * more than 0 fen (see the module comment), in the caller's transaction: one INSERT per 5,000 entries
 * and one ledger posting. Returns the entries this call wrote.
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
  const list = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const at = deps.clock.now().toISOString();
  const inserted: RecordedEntry[] = [];
  for (let from = 0; from < list.length; from += CHUNK) {
    const r = await tx.execute<{
      id: string;
      key: string;
      beneficiary_id: string;
      rule: CommissionRule;
      amount_fen: number;
    }>(insertChunk(list.slice(from, from + CHUNK), at));
    for (const row of r.rows) {
      inserted.push({
        id: row.id,
        key: row.key,
        beneficiaryId: row.beneficiary_id,
        rule: row.rule,
        amountFen: Number(row.amount_fen),
      });
    }
  }
  const transfers = inserted.filter((e) => e.amountFen > 0).map(accrualTransfer);
  const { posted } = await postTransfersTx(tx, deps.clock, transfers);
  return { inserted, posted };
}
