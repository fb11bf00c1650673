/**
 * The links a leader shares. Both are paths on the tuanflow server (the page adds its own origin),
 * so the same answer works behind any host name or proxy.
 *
 * - share link (分享链接): the customer's storefront page of a campaign, carrying the leader's code,
 *   so every order placed through it is the leader's (`/h5/c/:campaignId?leader=CODE`).
 * - invite link (邀请链接): the public leader application page with the leader as referrer
 *   (`/h5/apply?ref=CODE`), so whoever applies through it is bound to this leader on approval.
 */
export function sharePath(campaignId: string, leaderCode: string): string {
  return `/h5/c/${encodeURIComponent(campaignId)}?leader=${encodeURIComponent(leaderCode)}`;
}

export const APPLY_PAGE_PATH = '/h5/apply';

export function invitePath(leaderCode: string): string {
  return `${APPLY_PAGE_PATH}?ref=${encodeURIComponent(leaderCode)}`;
}

/** The leader's agreement page (电子签约), where they sign the current agreement before selling. */
export const AGREEMENT_PAGE_PATH = '/h5/leader/agreement';
