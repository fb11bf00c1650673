import { registerCampaignLiveSubscribers } from './modules/campaigns/index.js';
import { registerCommissionAccrualSubscribers } from './modules/commission/index.js';
import { registerLeaderNetworkSubscribers } from './modules/leaders/index.js';
import { completedOrderFacts, registerOrderSubscribers } from './modules/orders/index.js';
import { registerRiskSubscribers } from './modules/risk/index.js';
import type { Deps } from './platform/deps.js';

/**
 * Every module's event subscribers, registered once per process before the outbox starts (and
 * before the demo replays its weeks, so its events reach them on the moment they stand for).
 */
export function registerSubscribers(deps: Deps): void {
  registerOrderSubscribers(deps);
  registerRiskSubscribers(deps);
  registerLeaderNetworkSubscribers(deps, completedOrderFacts);
  registerCampaignLiveSubscribers(deps);
  registerCommissionAccrualSubscribers(deps);
}
