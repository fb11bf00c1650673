import type { Deps } from '../../platform/deps.js';
import { confirmPaidOrders } from './order-lifecycle.service.js';

/**
 * What the order center does when other modules' events arrive. Called once at start with the
 * process's bus; each subscriber runs in the transaction that marks its delivery, so it acts once.
 */
export function registerOrderSubscribers(deps: Deps): void {
  deps.bus.subscribe('campaign.closed', 'orders.confirm-at-cutoff', async (event, tx) => {
    await confirmPaidOrders(deps, tx, event.aggregateId);
  });
}
