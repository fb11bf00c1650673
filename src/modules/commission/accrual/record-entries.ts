import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.js';
import type { Tx } from '../../../platform/db/database.js';
import { newId } from '../../../platform/ids.js';
import { postTransfersTx, registerCauseType, type TransferInput } from '../../ledger/index.js';
import { COMMISSION_RULES, type CommissionRule } from '../domain/entries.js';
import { commissionAccruals, commissionEntries, type EntryCauseType } from '../entries.tables.js';

/**
 * Writing commission entries and accruing them (佣金入账). The order glue (accrual at payment) and the
 * period computations (month close, campaign close, recruit bonus) both write through
 * `recordEntriesTx`. Entries are unique by key, so recomputing an order or re-running a month close
 * inserts nothing. The entries one call did insert are accrued together: one `commission_accruals`
 * row for the call, and one transfer per beneficiary (commission expense → the leader's pending,
 * `accrual:<accrualId>:<beneficiaryId>`) for the sum of that beneficiary's new entries. Each entry
 * names its accrual (`accrual_id`), so its transfer is always found; a call that inserts nothing
 * posts nothing.
 */

/** Ledger cause types of the money path; the invariant check proves each cause id exists. */
export const CAUSE_COMMISSION_ENTRY = 'commission_entry';
export const CAUSE_COMMISSION_ACCRUAL = 'commission_accrual';
export const CAUSE_COMMISSION_SETTLEMENT = 'commission_settlement';
// Voids and clawbacks (one per entry and refund), and the accrual transfers of entries written before
// accruals were aggregated.
registerCauseType(CAUSE_COMMISSION_ENTRY, {
  label: 'commission entry 佣金明细',
  table: 'commission_entries',
  column: 'id',
});
registerCauseType(CAUSE_COMMISSION_ACCRUAL, {
  label: 'commission accrual 佣金入账',
  table: 'commission_accruals',
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
  /** Accrual transfers posted: one per beneficiary whose new entries sum to more than 0 fen. */
  posted: number;
  /** The accrual that holds the new entries; null when nothing was new. */
  accrualId: number | null;
}

/** What `recordEntryCountsTx` reports: the same as `RecordResult` without the rows. */
export interface RecordCounts {
  inserted: number;
  insertedFen: number;
  posted: number;
  accrualId: number | null;
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

/** The key of the accrual transfer that moved `beneficiaryId`'s new entries of accrual `accrualId`. */
export const accrualTransferKey = (accrualId: number, beneficiaryId: string) =>
  `accrual:${accrualId}:${beneficiaryId}`;

/**
 * The accrual leg of one beneficiary in one accrual: commission expense → the beneficiary's pending
 * (预估), for the sum of their entries the accrual inserted.
 */
export function accrualTransfer(
  accrualId: number,
  beneficiaryId: string,
  amountFen: number,
  entryCount: number,
): TransferInput {
  return {
    key: accrualTransferKey(accrualId, beneficiaryId),
    debit: { owner: 'company', kind: 'commission_expense' },
    credit: { owner: 'leader', leaderId: beneficiaryId, kind: 'pending' },
    amountFen,
    causeType: CAUSE_COMMISSION_ACCRUAL,
    causeId: String(accrualId),
    memo: `预估佣金 accrual: ${entryCount} ${entryCount === 1 ? 'entry' : 'entries'}`,
  };
}

/** What the new entries of one call add up to per beneficiary. */
export interface BeneficiaryTotal {
  beneficiaryId: string;
  entryCount: number;
  amountFen: number;
}

/**
 * The accrual's transfers (pure): one per beneficiary whose new entries sum to more than 0 fen, in
 * beneficiary order.
 */
export function accrualTransfers(accrualId: number, totals: readonly BeneficiaryTotal[]): TransferInput[] {
  return [...totals]
    .filter((t) => t.amountFen > 0)
    .sort((a, b) => (a.beneficiaryId < b.beneficiaryId ? -1 : a.beneficiaryId > b.beneficiaryId ? 1 : 0))
    .map((t) => accrualTransfer(accrualId, t.beneficiaryId, t.amountFen, t.entryCount));
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

/** One INSERT of a chunk: the new rows (`withRows`) or only their totals per beneficiary. */
function insertChunk(chunk: readonly NewEntry[], accrualId: number, at: string, withRows: boolean): SQL {
  const { groups, rows } = entryDocuments(chunk, () => newId('commissionEntry'));
  // Read as `json`, not `jsonb`, and the explanation kept `json` too: PostgreSQL then only checks the
  // document's syntax and copies each explanation's text. The rows go in in key order (sorted by the caller), so two calls that meet on
  // the same keys wait for each other in the same order instead of deadlocking.
  const insert = sql`
    INSERT INTO ${commissionEntries} (id, key, beneficiary_id, rule, cause_type, order_id, order_line_id,
      campaign_id, sku_id, period_key, plan_id, plan_version, chain_position, base_fen, rate_bps, per_unit_fen,
      amount_fen, line_quantity, line_fen, status, explanation, paid_at, created_at, final_at, accrual_id)
    SELECT e.id, e.k, e.b, e.r, g.ct, g.o, g.l, g.c, g.s, g.pk, g.p, g.v, e.cp, e.bf, e.rb, e.pu, e.a, g.q, g.f,
      g.st, e.x, g.at, ${at}::timestamptz, g.fa, ${accrualId}::bigint
    FROM json_to_recordset(${JSON.stringify(rows)}::json)
      AS e(n int, g int, id text, k text, b text, r text, cp int, bf bigint, rb int, pu bigint, a bigint, x json)
    JOIN json_to_recordset(${JSON.stringify(groups)}::json)
      AS g(g int, ct text, o text, l text, c text, s text, pk text, p text, v int, q int, f bigint,
           at timestamptz, st text, fa timestamptz) ON g.g = e.g
    ORDER BY e.n
    ON CONFLICT (key) DO NOTHING`;
  return withRows
    ? sql`${insert} RETURNING id, key, beneficiary_id, amount_fen`
    : sql`WITH ins AS (${insert} RETURNING beneficiary_id, amount_fen)
          SELECT beneficiary_id, count(*)::int AS n, sum(amount_fen)::bigint AS amount_fen
          FROM ins GROUP BY beneficiary_id`;
}

/**
 * Inserts `entries` (ON CONFLICT (key) DO NOTHING) and accrues the new ones (see the module comment),
 * in the caller's transaction: one INSERT per 5,000 entries, one accrual row, one ledger posting.
 */
async function writeEntries(
  deps: { clock: Clock },
  tx: Tx,
  entries: readonly NewEntry[],
  withRows: boolean,
): Promise<RecordCounts & { rows: RecordedEntry[] }> {
  const out = {
    inserted: 0,
    insertedFen: 0,
    posted: 0,
    accrualId: null as number | null,
    rows: [] as RecordedEntry[],
  };
  if (entries.length === 0) return out;
  const byKey = new Map<string, NewEntry>();
  for (const [i, e] of entries.entries()) {
    check(e, i);
    if (!byKey.has(e.key)) byKey.set(e.key, e);
  }
  const list = [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const now = deps.clock.now();
  const at = now.toISOString();
  const [seq] = (
    await tx.execute<{ id: number }>(
      sql`SELECT nextval(pg_get_serial_sequence('commission_accruals', 'id'))::bigint AS id`,
    )
  ).rows;
  const accrualId = Number(seq?.id);
  const totals = new Map<string, BeneficiaryTotal>();
  const add = (beneficiaryId: string, n: number, fen: number) => {
    const t = totals.get(beneficiaryId);
    if (t) {
      t.entryCount += n;
      t.amountFen += fen;
    } else totals.set(beneficiaryId, { beneficiaryId, entryCount: n, amountFen: fen });
    out.inserted += n;
    out.insertedFen += fen;
  };
  for (let from = 0; from < list.length; from += CHUNK) {
    const statement = insertChunk(list.slice(from, from + CHUNK), accrualId, at, withRows);
    if (withRows) {
      const r = await tx.execute<{ id: string; key: string; beneficiary_id: string; amount_fen: number }>(
        statement,
      );
      for (const row of r.rows) {
        const amountFen = Number(row.amount_fen);
        out.rows.push({ id: row.id, key: row.key, beneficiaryId: row.beneficiary_id, amountFen });
        add(row.beneficiary_id, 1, amountFen);
      }
    } else {
      const r = await tx.execute<{ beneficiary_id: string; n: number; amount_fen: number }>(statement);
      for (const row of r.rows) add(row.beneficiary_id, Number(row.n), Number(row.amount_fen));
    }
  }
  if (out.inserted === 0) return out;
  const transfers = accrualTransfers(accrualId, [...totals.values()]);
  // The accrual row before the posting: the posting holds the commission expense's balance row
  // until commit, so the less that follows it, the less concurrent accruals wait.
  await tx.insert(commissionAccruals).values({
    id: accrualId,
    at: now,
    entryCount: out.inserted,
    amountFen: out.insertedFen,
    transferCount: transfers.length,
  });
  const { posted } = await postTransfersTx(tx, deps.clock, transfers);
  out.posted = posted;
  out.accrualId = accrualId;
  return out;
}

/**
 * Inserts `entries` and accrues the new ones in the caller's transaction; returns the new entries.
 * For a few entries (period computations); accrual at payment uses `recordEntryCountsTx`.
 */
export async function recordEntriesTx(
  deps: { clock: Clock },
  tx: Tx,
  entries: readonly NewEntry[],
): Promise<RecordResult> {
  const r = await writeEntries(deps, tx, entries, true);
  return { inserted: r.rows, posted: r.posted, accrualId: r.accrualId };
}

/**
 * `recordEntriesTx` for large batches: the same writes, but only the counts come back (the database
 * sums the new entries per beneficiary instead of returning every row).
 */
export async function recordEntryCountsTx(
  deps: { clock: Clock },
  tx: Tx,
  entries: readonly NewEntry[],
): Promise<RecordCounts> {
  const r = await writeEntries(deps, tx, entries, false);
  return { inserted: r.inserted, insertedFen: r.insertedFen, posted: r.posted, accrualId: r.accrualId };
}
