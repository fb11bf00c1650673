import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n';
import type { LeaderDetail } from '../../leaders-api';
import { LeaderOnboardingPanel } from './agreements-leader-panel';
import { LeaderLevelTab } from './levels-tab';

/** One more tab of the leader detail page (/leaders/:id), added by another part of the leaders work. */
export interface LeaderDetailTab {
  /** Stable key: the tab's key and its `leader-tab-<key>` test id. */
  key: string;
  label: MessageKey;
  /** The permission needed to see the tab; null: whoever may open the page (leaders.read). */
  permission: string | null;
  render: (leader: LeaderDetail) => ReactNode;
}

/*
 * ===== The other engineers' tabs of the leader detail page =====
 * Each adds its tab component in its own file and one entry here (plus its import), e.g.
 *   { key: 'levels', label: 'levels.tab', permission: null, render: (l) => <LeaderLevelTab leader={l} /> },
 * Planned: level history (LEVELS), agreement records and training (ONBOARDING). They appear after
 * the built-in tabs (profile, pickup points, referral network, orders), in this order.
 */
export const LEADER_DETAIL_EXTRA_TABS: readonly LeaderDetailTab[] = [
  { key: 'levels', label: 'levels.tab', permission: null, render: (l) => <LeaderLevelTab leader={l} /> },
  {
    key: 'onboarding',
    label: 'recruiting.leaderTab',
    permission: 'leaders.manage',
    render: (l) => <LeaderOnboardingPanel leaderId={l.id} />,
  },
];
