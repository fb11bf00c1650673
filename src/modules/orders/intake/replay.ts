import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db/database.js';
import { ordersError } from '../orders.errors.js';
import { orderRequests } from '../orders.tables.js';
import type { Answer } from './flush-batch.js';

/** What `order_requests` keeps of a committed idempotency key. */
export interface StoredRequest {
  requestHash: string;
  /** 0 only while the claiming batch has not finished (never seen by another transaction). */
  statusCode: number;
  response: unknown;
}

/**
 * What a request under an idempotency key that is already stored answers: the stored answer when the
 * request is the same (by its hash), the "used for a different request" refusal when it is not, and
 * null when the key has no final answer, so the request is judged as new.
 */
export function replayAnswer(
  stored: StoredRequest | undefined,
  requestHash: string,
  requestId: string | null,
): Answer | null {
  if (!stored || stored.statusCode === 0) return null;
  if (stored.requestHash !== requestHash) {
    const err = ordersError('orders.idempotency_key_reused', { field: 'headers.idempotency-key' });
    return { statusCode: err.status, body: err.toBody(requestId ?? undefined) };
  }
  return { statusCode: stored.statusCode, body: stored.response };
}

/**
 * Looks a key up in `order_requests` (one primary-key read). The order route calls it only when it
 * is about to refuse a request before the intake claims its key (sold out in memory, campaign
 * closed, leader or pickup point gone ...): those checks read the world as it is now, and a retry of
 * an order that was answered earlier must get that answer, not today's refusal. Replays are rare, so
 * the hot path (a request that passes) never pays for the read.
 */
export async function storedAnswer(
  db: Executor,
  key: string,
  requestHash: string,
  requestId: string | null,
): Promise<Answer | null> {
  const rows = await db.execute<{ request_hash: string; status_code: number; response: unknown }>(
    sql`SELECT request_hash, status_code, response FROM ${orderRequests} WHERE idempotency_key = ${key}`,
  );
  const row = rows.rows[0];
  return replayAnswer(
    row && { requestHash: row.request_hash, statusCode: row.status_code, response: row.response },
    requestHash,
    requestId,
  );
}
