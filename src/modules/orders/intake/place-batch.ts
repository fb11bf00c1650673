import { sql } from 'drizzle-orm';
import {
  type Actor,
  type AuditHead,
  auditParts,
  chainPrepared,
  prepareAuditRecords,
} from '../../../platform/audit/index.js';
import type { Tx } from '../../../platform/db/database.js';
import { combineParts, NO_PARTS, type StatementParts } from '../../../platform/db/statement-parts.js';
import type { Deps } from '../../../platform/deps.js';
import { type AllocatedLevelRow, guardedAllocation } from '../../inventory/index.js';
import type { RiskPolicy } from '../../risk/index.js';
import { answerAll, storedAnswers } from './batch-answers.js';
import {
  type Decision,
  decideOn,
  type HotState,
  hotResult,
  hotStatement,
  lockedState,
} from './batch-state.js';
import type { Answer, PendingOrder, SeenRows } from './intake-types.js';
import { auditEntries, planOrders, type Written, writeOrders } from './order-rows.js';

/** The hot section of a batch: deciding, and the one statement that moves the contended rows. */

const INTAKE_ACTOR: Actor = { actorId: null, actorName: 'order-intake', requestId: null, ip: null };

/** What `place` decides on: the batch's live orders and what was read for them. */
export interface PlaceInput {
  live: readonly PendingOrder[];
  /** Each live order's customer, in order. */
  customerIds: readonly { customerId: string }[];
  /** Resolves when this batch may update the hot rows (see `BatchTurn.hot`). */
  waitTurn: () => Promise<void>;
  policy: RiskPolicy;
  /** The hot state as read without locks with the batch's first statement. */
  optimistic: HotState;
  /** Each open campaign's payment window in minutes (付款时限). */
  paymentMinutes: ReadonlyMap<string, number>;
}

/** What `place` adds to the batch's outcome: answers (and the stored ones), sold-out items, what it saw. */
export interface PlaceOutcome {
  answers: Map<string, Answer>;
  stored: { key: string; answer: Answer }[];
  soldOutItems: Set<string>;
  soldIn: Set<string>;
  seen: SeenRows;
}

/**
 * Places the live orders of a batch. First optimistically: the batch is decided in memory on the
 * state read without locks, its orders, lines, timeline, events and every key's answer are written,
 * and only then, in this process's arrival order, the hot rows (campaign items, stock levels,
 * per-customer counters) are updated by one statement whose guards re-check every decision in the
 * database. So a hot row is locked for two statements and the commit, not for the whole batch. If a
 * guard finds that a row moved since it was read (another batch or process took the units), the
 * savepoint is rolled back and the batch is decided again from rows locked in a fixed order, which
 * cannot fail.
 *
 * Returns the writes left for the batch's last statement: the stock movements and events, and the
 * audit records (prepared before the turn) chained onto the head the hot statement read under the
 * chain's lock.
 */
export async function place(
  deps: Deps,
  tx: Tx,
  input: PlaceInput,
  out: PlaceOutcome,
): Promise<StatementParts> {
  const { live, customerIds, waitTurn, policy, optimistic, paymentMinutes } = input;
  const { answers, stored, soldOutItems, soldIn, seen } = out;
  // Answers settled before the batch was placed (a closed campaign) stay; an attempt's own go.
  const settled = stored.length;
  const attempt = async (decided: Decision) => {
    stored.length = settled;
    const written = planOrders(deps, live, customerIds, decided, paymentMinutes);
    answerAll(live, decided, written, answers, stored);
    await writeOrders(deps, tx, written, storedAnswers(stored));
    return { written, audit: prepareAuditRecords(deps.clock.now(), auditEntries(written)) };
  };
  let decided = decideOn(live, optimistic, policy);
  await tx.execute(sql`SAVEPOINT optimistic`);
  let done = await attempt(decided);
  await waitTurn();
  let hot = await applyHot(deps, tx, decided, done.written);
  if (!hot) {
    await tx.execute(sql`ROLLBACK TO SAVEPOINT optimistic`);
    decided = decideOn(live, await lockedState(tx, live), policy);
    done = await attempt(decided);
    hot = await applyHot(deps, tx, decided, done.written);
    if (!hot) throw new Error('hot rows moved under lock');
  }
  for (const id of decided.soldOutItems) soldOutItems.add(id);
  for (const r of done.written.rows) soldIn.add(r.o.campaignId);
  seen.items = hot.itemsAfter;
  seen.levels = hot.levels;
  return combineParts(hot.parts, auditParts(chainPrepared(hot.head, done.audit)));
}

/** The accepted lines' allocation, each movement referring to its order (see `guardedAllocation`). */
export function intakeAllocation(deps: Deps, w: Written) {
  return guardedAllocation(
    deps,
    INTAKE_ACTOR,
    w.lines.map((l) => ({
      skuId: l.skuId,
      warehouseId: l.warehouseId,
      quantity: l.quantity,
      referenceType: 'order',
      referenceId: l.orderId,
    })),
    { reason: 'order intake' },
  );
}

/**
 * The hot statement (see `hotStatement`) for the accepted orders. Null when a guard failed (a row
 * moved since it was read); the caller then rolls back whatever this wrote. Otherwise the stock
 * movements and events to write, and the audit chain's head, now locked.
 */
async function applyHot(
  deps: Deps,
  tx: Tx,
  decided: Decision,
  w: Written,
): Promise<{
  parts: StatementParts;
  head: AuditHead | undefined;
  levels: AllocatedLevelRow[];
  itemsAfter: HotState['items'];
} | null> {
  if (w.rows.length === 0) return { parts: NO_PARTS, head: undefined, levels: [], itemsAfter: [] };
  const allocation = intakeAllocation(deps, w);
  if (!allocation.update) throw new Error('accepted orders without lines');
  const { statement, expected } = hotStatement(
    decided,
    w.rows.map((r) => r.o),
    allocation.update,
    w.at,
  );
  const done = hotResult((await tx.execute(statement)).rows[0]);
  if (done.items !== expected.items || done.bought !== expected.bought || done.placed !== expected.placed)
    return null;
  const recorded = allocation.record(done.levels);
  if (!recorded) return null;
  return { parts: recorded.parts, head: done.head, levels: done.levels, itemsAfter: done.itemsAfter };
}
