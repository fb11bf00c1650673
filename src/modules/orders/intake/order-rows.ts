import { randomInt } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import {
  combineParts,
  cte,
  executeParts,
  NO_PARTS,
  type StatementParts,
} from '../../../platform/db/statement-parts.js';
import type { Deps } from '../../../platform/deps.js';
import { newId } from '../../../platform/ids.js';
import { DEFAULT_PAYMENT_MINUTES } from '../../campaigns/index.js';
import { type RiskReason, recordHoldsTx } from '../../risk/index.js';
import { type OrderStatus, orderEvents, orderLines, orders } from '../orders.tables.js';
import type { Decision } from './batch-state.js';
import type { PendingOrder } from './intake-types.js';

/**
 * The rows of a batch's accepted orders (orders, lines, timeline, events, audit entries): rows no
 * other batch touches, so writing them holds no contended lock.
 */

/** A JS array as one PostgreSQL array parameter (for `unnest`), not a list of parameters. */
const arr = (values: readonly unknown[]) => sql.param(values);

function pickupCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export interface Written {
  at: string;
  rows: {
    /** The payment deadline: placed + the campaign's 付款时限. */
    dueAt: string;
    o: PendingOrder;
    customerId: string;
    id: string;
    code: string;
    status: OrderStatus;
    reasons: RiskReason[];
  }[];
  lines: (PendingOrder['lines'][number] & { orderId: string; id: string })[];
}

/** The accepted orders of a decision, with their ids, pickup codes and lines (no I/O). */
export function planOrders(
  deps: Deps,
  live: readonly PendingOrder[],
  customerIds: readonly { customerId: string }[],
  decided: Pick<Decision, 'refusals' | 'holds'>,
  paymentMinutes: ReadonlyMap<string, number>,
): Written {
  const now = deps.clock.now();
  const at = now.toISOString();
  const dueAt = (campaignId: string) =>
    new Date(
      now.getTime() + (paymentMinutes.get(campaignId) ?? DEFAULT_PAYMENT_MINUTES) * 60_000,
    ).toISOString();
  const rows = live.flatMap((o, i) =>
    decided.refusals.has(i)
      ? []
      : [
          {
            o,
            customerId: customerIds[i]?.customerId ?? '',
            id: newId('order'),
            code: pickupCode(),
            status: (decided.holds.has(i) ? 'on_hold' : 'pending_payment') as OrderStatus,
            reasons: decided.holds.get(i) ?? [],
            dueAt: dueAt(o.campaignId),
          },
        ],
  );
  const lines = rows.flatMap((r) => r.o.lines.map((l) => ({ ...l, orderId: r.id, id: newId('orderLine') })));
  return { at, rows, lines };
}

/**
 * The accepted orders, their lines, their timeline, their events and `also` (the stored answers) in
 * one statement, and risk holds, when there are any, in a second: rows no other batch touches.
 */
export async function writeOrders(deps: Deps, tx: Tx, w: Written, also: StatementParts): Promise<void> {
  await executeParts(tx, combineParts(orderWriteParts(deps, w), also));
  await recordHoldsTx(
    tx,
    deps.clock,
    w.rows
      .filter((r) => r.reasons.length > 0)
      .map((r) => ({ orderId: r.id, campaignId: r.o.campaignId, reasons: r.reasons })),
  );
}

/**
 * The CTEs that write the accepted orders of `w`, their lines, their timeline and their
 * `order.placed` events. Each order's customer id is `w`'s, or, with `customersFrom` (the name of a
 * CTE of the same statement returning `id` and `phone_hash`), the one that CTE returns for the
 * order's phone.
 */
export function orderWriteParts(deps: Deps, w: Written, customersFrom?: string): StatementParts {
  const { at, rows, lines } = w;
  if (rows.length === 0) return NO_PARTS;
  const customer = customersFrom
    ? sql`(SELECT cf.id FROM ${sql.identifier(customersFrom)} cf WHERE cf.phone_hash = v.ph)`
    : sql`v.cu`;
  const orderRows: StatementParts = {
    ctes: [
      cte(
        'new_orders',
        sql`INSERT INTO ${orders} (id, campaign_id, leader_id, customer_id, pickup_point_id, status, total_fen, item_count,
                          pickup_code, idempotency_key, placed_at, payment_due_at, updated_at)
    SELECT id, c, l, ${customer}, pp, st, t, n, pc, k, ${at}::timestamptz, due, ${at}::timestamptz
    FROM unnest(${arr(rows.map((r) => r.id))}::text[], ${arr(rows.map((r) => r.o.campaignId))}::text[],
                ${arr(rows.map((r) => r.o.leaderId))}::text[], ${arr(rows.map((r) => r.customerId))}::text[],
                ${arr(customersFrom ? rows.map((r) => r.o.phoneHash) : [])}::text[],
                ${arr(rows.map((r) => r.o.pickupPointId))}::text[], ${arr(rows.map((r) => r.o.totalFen))}::bigint[],
                ${arr(rows.map((r) => r.o.itemCount))}::int[], ${arr(rows.map((r) => r.code))}::text[],
                ${arr(rows.map((r) => r.o.key))}::text[], ${arr(rows.map((r) => r.status))}::text[],
                ${arr(rows.map((r) => r.dueAt))}::timestamptz[])
      AS v(id, c, l, cu, ph, pp, t, n, pc, k, st, due)
    RETURNING 1`,
      ),
      cte(
        'new_lines',
        sql`INSERT INTO ${orderLines} (id, order_id, campaign_item_id, sku_id, warehouse_id, quantity, unit_price_fen, amount_fen)
    SELECT * FROM unnest(${arr(lines.map((l) => l.id))}::text[], ${arr(lines.map((l) => l.orderId))}::text[],
                         ${arr(lines.map((l) => l.itemId))}::text[], ${arr(lines.map((l) => l.skuId))}::text[],
                         ${arr(lines.map((l) => l.warehouseId))}::text[], ${arr(lines.map((l) => l.quantity))}::int[],
                         ${arr(lines.map((l) => l.unitPriceFen))}::bigint[], ${arr(lines.map((l) => l.amountFen))}::bigint[])
    RETURNING 1`,
      ),
      cte(
        'new_timeline',
        sql`INSERT INTO ${orderEvents} (id, order_id, from_status, to_status, at, actor_name, note)
    SELECT e, o, NULL, st, ${at}::timestamptz, 'customer', note
    FROM unnest(${arr(rows.map(() => newId('orderEvent')))}::text[], ${arr(rows.map((r) => r.id))}::text[],
                ${arr(rows.map((r) => r.status))}::text[],
                ${arr(rows.map((r) => (r.reasons.length ? `placed; on hold: ${r.reasons.map((x) => x.detail).join('; ')}` : 'placed')))}::text[])
      AS v(e, o, st, note)
    RETURNING 1`,
      ),
    ],
    outputs: [],
  };
  const events = deps.bus.publishParts(
    rows.map((r) => ({
      type: 'order.placed',
      aggregateType: 'order',
      aggregateId: r.id,
      payload: {
        campaignId: r.o.campaignId,
        leaderId: r.o.leaderId,
        status: r.status,
        totalFen: r.o.totalFen,
        itemCount: r.o.itemCount,
        ...(r.reasons.length ? { holdReasons: r.reasons } : {}),
      },
      requestId: r.o.actor.requestId,
    })),
    'placed_events',
  );
  return combineParts(orderRows, events.parts);
}

/** The audit trail of the batch: one record per accepted order, naming every line. */
export function auditEntries(w: Written) {
  return w.rows.map((r) => ({
    actor: r.o.actor,
    entry: {
      action: 'order.place',
      entityType: 'order',
      entityId: r.id,
      after: {
        campaignId: r.o.campaignId,
        leaderId: r.o.leaderId,
        totalFen: r.o.totalFen,
        lines: r.o.lines,
      },
    },
  }));
}
