import type { Deps } from '../../../platform/deps.js';
import type { DomainEvent } from '../../../platform/outbox/event-bus.js';
import { applyRecruitBonusRefundsTx } from '../period/recruit-bonus-refund.service.js';
import { accrueOrdersTx } from './accrue.js';
import { applyRefundsTx } from './adjust.js';
import { recordOrderProgressTx } from './progress.js';

/**
 * The money path listens to the order events, each handler in the delivery's transaction (so its
 * effects happen once) and in batches (a flash sale pays thousands of orders a minute):
 * - `order.paid` → accrual of the batch's orders (set-based);
 * - `order.refunded` → voids or clawbacks of the refunded lines (an order whose payment was not
 *   handled yet is accrued first, so the order of the two events does not matter), and of a recruit
 *   bonus (推荐奖) whose qualifying sales the refund left below the threshold. The bonus goes first: it
 *   locks its entry before any balance, so two refunds of one recruit's orders queue on that entry
 *   instead of each holding balances the other waits for;
 * - `order.picked_up`, `order.completed` → the moments the freeze counts the window from.
 * Subscriber names are the deliveries' keys: never rename one.
 */
export const SUBSCRIBER_ACCRUE = 'commission.accrue-paid';
export const SUBSCRIBER_REFUND = 'commission.apply-refunds';
export const SUBSCRIBER_PICKED_UP = 'commission.order-picked-up';
export const SUBSCRIBER_COMPLETED = 'commission.order-completed';

const orderIdsOf = (events: readonly DomainEvent[]) => [...new Set(events.map((e) => e.aggregateId))];

export function registerCommissionAccrualSubscribers(deps: Deps): void {
  deps.bus.subscribeBatch('order.paid', SUBSCRIBER_ACCRUE, async (events, tx) => {
    await accrueOrdersTx(deps, tx, orderIdsOf(events));
  });
  deps.bus.subscribeBatch('order.refunded', SUBSCRIBER_REFUND, async (events, tx) => {
    const ids = orderIdsOf(events);
    await applyRecruitBonusRefundsTx(deps, tx, ids);
    await accrueOrdersTx(deps, tx, ids, { onlyUnaccrued: true });
    await applyRefundsTx(deps, tx, ids);
  });
  deps.bus.subscribeBatch('order.picked_up', SUBSCRIBER_PICKED_UP, async (events, tx) => {
    await recordOrderProgressTx(
      tx,
      deps.clock.now(),
      events.map((e) => ({ orderId: e.aggregateId, pickedUpAt: e.createdAt })),
    );
  });
  deps.bus.subscribeBatch('order.completed', SUBSCRIBER_COMPLETED, async (events, tx) => {
    await recordOrderProgressTx(
      tx,
      deps.clock.now(),
      events.map((e) => ({ orderId: e.aggregateId, completedAt: e.createdAt })),
    );
  });
}
