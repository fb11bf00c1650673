import { type ApiResponse, call } from '../../api';

/** The leader portal's API (/api/portal/...); shapes come from the generated schema. */
export type PortalMe = ApiResponse<'/api/portal/me'>;

export type PortalCampaign = ApiResponse<'/api/portal/campaigns'>['items'][number];

export type PortalCampaignItem = PortalCampaign['items'][number];

export type PortalDay = ApiResponse<'/api/portal/orders'>;

export type PortalCustomer = ApiResponse<'/api/portal/customers'>['items'][number];

export type PickupLookup = ApiResponse<'/api/portal/pickups'>;

export type PortalTeam = ApiResponse<'/api/portal/team'>;

export type PortalLevel = ApiResponse<'/api/portal/level'>;

export type Words = PortalLevel['period']['label'];

export type LevelRef = NonNullable<PortalLevel['current']>;

/** How far the leader is on a rule: its text and one line per group or condition with its figure. */
export type RuleProgress = NonNullable<PortalLevel['upgrade']>;

export type RuleLine = RuleProgress['lines'][number];

/**
 * Whether the figures so far keep the current level (保级): `onTrack`, what is `missing`, and the
 * downgrade rule itself (`dropRule`, 降级条件: `holds` means the leader would drop).
 */
export type KeepProgress = NonNullable<PortalLevel['keep']>;

/** One figure the leader still needs to keep their level: reach `need` (atLeast) or stay at most it. */
export type KeepShortfall = KeepProgress['missing'][number];

export const portalApi = {
  me: () => call.get('/api/portal/me'),
  campaigns: () => call.get('/api/portal/campaigns'),
  orders: (date?: string) => call.get('/api/portal/orders', { query: { date } }),
  customers: (q: string, page: number, pageSize: number) =>
    call.get('/api/portal/customers', { query: { q, page, pageSize } }),
  pickups: (code: string) => call.get('/api/portal/pickups', { query: { code } }),
  verify: (pickupCode: string, pickupPointId?: string) =>
    call.post('/api/portal/verify-pickup', {
      body: { pickupCode, ...(pickupPointId ? { pickupPointId } : {}) },
    }),
  team: () => call.get('/api/portal/team'),
  level: () => call.get('/api/portal/level'),
  changePassword: (currentPassword: string, newPassword: string) =>
    call.post('/api/auth/change-password', { body: { currentPassword, newPassword } }),
};

/** The full address of a path on this server, for links people share outside the app. */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}
