/**
 * The campaign state machine as plain values. The service and the tick job ask these functions what
 * is allowed and what the clock says; nothing here reads the database or the system time.
 *
 *   draft ─schedule→ scheduled ─(clock: start)→ live ─(clock: cutoff, or close early)→ closed ─→ fulfilled
 *     └────────cancel──────┴→ cancelled
 */
export const CAMPAIGN_STATES = ['draft', 'scheduled', 'live', 'closed', 'fulfilled', 'cancelled'] as const;
export type CampaignState = (typeof CAMPAIGN_STATES)[number];

const TRANSITIONS: Readonly<Record<CampaignState, readonly CampaignState[]>> = {
  draft: ['scheduled', 'cancelled'],
  scheduled: ['live', 'cancelled'],
  live: ['closed'],
  closed: ['fulfilled'],
  fulfilled: [],
  cancelled: [],
};

export function isCampaignState(value: string): value is CampaignState {
  return (CAMPAIGN_STATES as readonly string[]).includes(value);
}

export function allowedTransitions(from: CampaignState): readonly CampaignState[] {
  return TRANSITIONS[from];
}

export function canTransition(from: CampaignState, to: CampaignState): boolean {
  return TRANSITIONS[from].includes(to);
}

/** What the clock needs to know of a campaign. */
export interface CampaignClockView {
  state: CampaignState;
  startsAt: Date;
  cutoffAt: Date;
}

/**
 * The state the clock says the campaign is in at `now`. Only scheduled and live campaigns move with
 * time: a scheduled one is live from its start and closed from its cutoff; a live one closes at its
 * cutoff. Every other state is moved by a person (or fulfilment) and stays as stored.
 */
export function stateAt(c: CampaignClockView, now: Date): CampaignState {
  if (c.state !== 'scheduled' && c.state !== 'live') return c.state;
  const t = now.getTime();
  if (t >= c.cutoffAt.getTime()) return 'closed';
  if (t >= c.startsAt.getTime()) return 'live';
  return c.state;
}

/**
 * The transitions, in order, that bring the stored state to the clock's. A server that was down over
 * both the start and the cutoff takes a scheduled campaign through live to closed, so each step is
 * audited and announced as it would have been.
 */
export function clockSteps(c: CampaignClockView, now: Date): CampaignState[] {
  const target = stateAt(c, now);
  if (target === c.state) return [];
  if (c.state === 'scheduled' && target === 'closed') return ['live', 'closed'];
  return [target];
}

/**
 * Whether the campaign takes orders at `now`, decided by the server's clock alone: between start
 * (inclusive) and cutoff (exclusive), and only once scheduled and not closed or cancelled. A tick
 * that has not yet run changes nothing here: a scheduled campaign past its start is already open, a
 * live one past its cutoff already closed.
 */
export function isOpenForOrders(c: CampaignClockView, now: Date): boolean {
  return stateAt(c, now) === 'live';
}

/**
 * Whether a leader may sell the campaign. `leaderRegionPath` is the leader's region and its
 * ancestors (district, city, province), so a campaign for a city is open to its districts' leaders.
 */
export function maySellIn(
  c: { sellTo: 'all' | 'regions'; regionIds: readonly string[] },
  leaderRegionPath: readonly string[],
): boolean {
  if (c.sellTo === 'all') return true;
  return leaderRegionPath.some((id) => c.regionIds.includes(id));
}
