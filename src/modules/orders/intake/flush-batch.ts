import { sql } from 'drizzle-orm';
import { executeParts, NO_PARTS } from '../../../platform/db/statement-parts.js';
import type { Deps } from '../../../platform/deps.js';
import { campaignsForSaleJson, isOpenForOrders } from '../../campaigns/index.js';
import { upsertCustomersByPhoneTx } from '../../customers/index.js';
import { RISK_POLICY_OFF, type RiskPolicy } from '../../risk/index.js';
import { orderRequests } from '../orders.tables.js';
import { answerReplays, refusalAnswer, storedAnswers } from './batch-answers.js';
import { type HotState, optimisticStateColumns, stateFromColumns } from './batch-state.js';
import {
  type Answer,
  type BatchTurn,
  type CampaignRow,
  type FlushResult,
  NO_TURN,
  type PendingOrder,
  type SeenRows,
} from './intake-types.js';
import { place } from './place-batch.js';

/**
 * One batch of the intake, the careful way. The work is split by what it touches: the answers
 * (batch-answers.ts), the rows of the accepted orders that no other batch touches (order-rows.ts),
 * and the hot section that decides and moves the contended rows (place-batch.ts).
 */

// The intake's types, where callers have always found them.
export type { Answer, BatchTurn, CampaignRow, FlushResult, PendingOrder, SeenRows } from './intake-types.js';

/** A JS array as one PostgreSQL array parameter (for `unnest`), not a list of parameters. */
const arr = (values: readonly unknown[]) => sql.param(values);

/**
 * Commits one batch in one transaction and returns an answer per idempotency key.
 *
 * Work that touches no contended row comes first (claiming keys, the campaign check, the customers,
 * writing the orders), so a second batch can do it while the first still holds the hot rows. Then
 * `BatchTurn.hot` keeps batches of this process entering the hot section in arrival order (first
 * come first served); the hot section is two statements and the commit. Every write is set-based for
 * the whole batch, and writes of different modules share statements (`StatementParts`): on a loaded
 * machine each round trip waits for a busy event loop, so a batch makes as few as it can (about
 * eight in all: begin, claim-and-read, customers ×2, savepoint, orders, hot rows, the rest, commit).
 */
export async function flushBatch(
  deps: Deps,
  batch: readonly PendingOrder[],
  turn: BatchTurn = NO_TURN,
  policy: RiskPolicy = RISK_POLICY_OFF,
): Promise<FlushResult> {
  await turn.start();
  return deps.db.transaction(async (tx) => {
    const answers = new Map<string, Answer>();
    const soldOutItems = new Set<string>();
    const soldIn = new Set<string>();
    const seen: SeenRows = { campaigns: [], items: [], levels: [] };
    const now = deps.clock.now();
    const stored: { key: string; answer: Answer }[] = [];

    // 1. One round trip: claim the keys, read the campaigns under a share lock (a close that commits
    // first is seen, one that commits later waits for this batch), and read the hot state without
    // locks. A key another transaction holds makes this wait for it; once it commits, the key is not
    // ours and its stored answer is returned instead (a replay across processes).
    const first = await tx.execute<{
      claimed: string[] | null;
      campaigns: CampaignRow[] | null;
      items: HotState['items'] | null;
      levels: HotState['levels'] | null;
      counters: HotState['counters'] | null;
      placed: HotState['placed'] | null;
    }>(sql`
      WITH claimed AS (
        INSERT INTO ${orderRequests} (idempotency_key, request_hash, status_code, response, created_at)
        SELECT k, h, 0, '{}'::jsonb, ${now.toISOString()}::timestamptz
        FROM unnest(${arr(batch.map((o) => o.key))}::text[], ${arr(batch.map((o) => o.requestHash))}::text[]) AS v(k, h)
        ON CONFLICT DO NOTHING RETURNING idempotency_key
      )
      SELECT
        (SELECT json_agg(idempotency_key) FROM claimed) AS claimed,
        ${campaignsForSaleJson([...new Set(batch.map((o) => o.campaignId))])} AS campaigns,
        ${optimisticStateColumns(batch)}`);
    const row = first.rows[0];
    seen.campaigns = row?.campaigns ?? [];
    const mine = new Set(row?.claimed ?? []);
    const replays = batch.filter((o) => !mine.has(o.key));
    if (replays.length > 0) await answerReplays(tx, replays, answers);
    // The open campaigns, each with its payment window (付款时限).
    const open = new Map(
      (row?.campaigns ?? [])
        .filter((c) =>
          isOpenForOrders(
            {
              state: c.state as Parameters<typeof isOpenForOrders>[0]['state'],
              startsAt: new Date(c.starts_at),
              cutoffAt: new Date(c.cutoff_at),
            },
            now,
          ),
        )
        .map((c) => [c.id, Number(c.payment_minutes)] as const),
    );
    let live = batch.filter((o) => mine.has(o.key));
    for (const o of live.filter((o) => !open.has(o.campaignId))) {
      const a = refusalAnswer({ reason: 'campaign_not_open' }, o);
      answers.set(o.key, a);
      stored.push({ key: o.key, answer: a });
    }
    live = live.filter((o) => open.has(o.campaignId));

    // 2. The customers (found or made by phone), before the hot rows: their rows are per customer.
    const customerIds = live.length
      ? await upsertCustomersByPhoneTx(
          deps,
          tx,
          live.map((o) => ({
            phone: o.phone,
            phoneHash: o.phoneHash,
            name: o.customerName,
            pickupPointId: o.pickupPointId,
          })),
        )
      : [];

    turn.started();

    // 3. Decide and write; the hot rows are held only for their own updates (see `place`).
    const last =
      live.length > 0
        ? await place(
            deps,
            tx,
            {
              live,
              customerIds,
              waitTurn: turn.hot,
              policy,
              optimistic: stateFromColumns(row),
              paymentMinutes: open,
            },
            { answers, stored, soldOutItems, soldIn, seen },
          )
        : NO_PARTS;

    // 4. What place left to write; without live orders, every claimed key's final answer (place
    // writes them with the orders), so a replay returns it.
    await executeParts(tx, live.length > 0 ? last : storedAnswers(stored));
    return { answers, soldOutItems, soldIn, seen };
  });
}
