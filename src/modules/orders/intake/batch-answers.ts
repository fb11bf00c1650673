import { sql } from 'drizzle-orm';
import type { Tx } from '../../../platform/db/database.js';
import { cte, NO_PARTS, type StatementParts } from '../../../platform/db/statement-parts.js';
import type { Refusal } from '../domain/allocate-batch.js';
import { ordersError } from '../orders.errors.js';
import { orderRequests } from '../orders.tables.js';
import type { Decision } from './batch-state.js';
import type { Answer, PendingOrder } from './intake-types.js';
import type { Written } from './order-rows.js';

/** The answers of a batch: each order's, the stored ones a replay returns, and the replays'. */

/** A JS array as one PostgreSQL array parameter (for `unnest`), not a list of parameters. */
const arr = (values: readonly unknown[]) => sql.param(values);

/**
 * The answer to a refused order. Its detail names the product (the customer reads it, and so does an
 * operator looking at the stored answer), never an item or SKU id: an unlabelled order's refusal
 * says only what went wrong.
 */
export function refusalAnswer(r: Refusal | { reason: 'campaign_not_open' }, o: PendingOrder): Answer {
  const named = (itemId: string | undefined, more = '') => {
    const label = itemId === undefined ? undefined : o.itemLabels?.[itemId];
    return label ? { detail: `${label}${more}` } : {};
  };
  const field = 'body.items';
  const err =
    r.reason === 'sold_out'
      ? ordersError('orders.sold_out', { field, ...named(r.itemId) })
      : r.reason === 'out_of_stock'
        ? ordersError('orders.out_of_stock', {
            field,
            ...named(o.lines.find((l) => l.skuId === r.skuId)?.itemId),
          })
        : r.reason === 'limit_exceeded'
          ? ordersError('orders.limit_exceeded', {
              field,
              ...named(r.itemId, `（限购 ${r.limit}，已购 ${r.alreadyBought}）`),
            })
          : r.reason === 'unknown_item'
            ? ordersError('orders.item_not_in_campaign', { field, ...named(r.itemId) })
            : ordersError('orders.campaign_not_open', { field: 'body.campaignId' });
  return { statusCode: err.status, body: err.toBody(o.actor.requestId ?? undefined) };
}

/** Each live order's answer: its refusal, or the accepted order as placed. */
export function answerAll(
  live: readonly PendingOrder[],
  decided: Pick<Decision, 'refusals'>,
  w: Written,
  answers: Map<string, Answer>,
  stored: { key: string; answer: Answer }[],
): void {
  for (const [i, o] of live.entries()) {
    const refusal = decided.refusals.get(i);
    if (!refusal) continue;
    const a = refusalAnswer(refusal, o);
    answers.set(o.key, a);
    stored.push({ key: o.key, answer: a });
  }
  for (const r of w.rows) {
    const answer: Answer = {
      statusCode: 201,
      body: {
        order: {
          id: r.id,
          status: r.status,
          campaignId: r.o.campaignId,
          pickupPointId: r.o.pickupPointId,
          totalFen: r.o.totalFen,
          itemCount: r.o.itemCount,
          pickupCode: r.code,
          placedAt: w.at,
          paymentDueAt: r.dueAt,
          lines: r.o.lines.map(({ warehouseId: _w, ...l }) => l),
        },
      },
    };
    answers.set(r.o.key, answer);
    stored.push({ key: r.o.key, answer });
  }
}

/** Stores each claimed key's final answer (the claim was made with an empty one). */
export function storedAnswers(stored: readonly { key: string; answer: Answer }[]): StatementParts {
  if (stored.length === 0) return NO_PARTS;
  return {
    ctes: [
      cte(
        'answers',
        sql`UPDATE ${orderRequests} r SET status_code = v.status, response = v.body
        FROM unnest(${arr(stored.map((s) => s.key))}::text[], ${arr(stored.map((s) => s.answer.statusCode))}::int[],
                    ${arr(stored.map((s) => JSON.stringify(s.answer.body)))}::jsonb[]) AS v(key, status, body)
        WHERE r.idempotency_key = v.key`,
      ),
    ],
    outputs: [],
  };
}

/** The answers of keys another transaction claimed first: its stored answer, or a refusal for a different request. */
export async function answerReplays(
  tx: Tx,
  replays: readonly PendingOrder[],
  answers: Map<string, Answer>,
): Promise<void> {
  const rows = await tx.execute<{
    idempotency_key: string;
    request_hash: string;
    status_code: number;
    response: unknown;
  }>(sql`
    SELECT idempotency_key, request_hash, status_code, response FROM ${orderRequests}
    WHERE idempotency_key = ANY(${arr(replays.map((o) => o.key))}::text[])`);
  const byKey = new Map(rows.rows.map((s) => [s.idempotency_key, s]));
  for (const o of replays) {
    const s = byKey.get(o.key);
    if (s && s.request_hash === o.requestHash) {
      answers.set(o.key, { statusCode: s.status_code, body: s.response });
    } else {
      const err = ordersError('orders.idempotency_key_reused', { field: 'headers.idempotency-key' });
      answers.set(o.key, { statusCode: err.status, body: err.toBody(o.actor.requestId ?? undefined) });
    }
  }
}
