import { api } from '../../api';

/** The leader portal's API (/api/portal/...); shapes mirror the server's response schemas. */
export interface PortalMe {
  id: string;
  code: string;
  name: string;
  phoneMasked: string;
  regionId: string;
  regionName: string;
  status: string;
  invitePath: string;
  /** The initial password from the approval is still in use: the portal asks for a new one first. */
  passwordChangeRequired: boolean;
  /** False: the agreement does not let this leader sell now; customers cannot order until they sign. */
  agreementSigned: boolean;
  /** The newest agreement version, when this leader has not signed it: when it takes effect, sign by. */
  agreementNotice: { version: number; effectiveAt: string; signBy: string } | null;
  agreementPath: string;
  createdAt: string;
  pickupPoints: Array<{
    id: string;
    name: string;
    address: string;
    openingHours: string;
    status: string;
    latitude: number | null;
    longitude: number | null;
  }>;
}

export interface PortalCampaignItem {
  itemId: string;
  productName: string;
  spec: string;
  unit: string;
  image: string | null;
  priceFen: number;
  listPriceFen: number;
  perCustomerLimit: number;
  remaining: number;
}

export interface PortalCampaign {
  id: string;
  code: string;
  name: string;
  coverUrl: string;
  description: string;
  status: 'live' | 'upcoming';
  openForOrders: boolean;
  startsAt: string;
  cutoffAt: string;
  deliveryDate: string;
  sharePath: string;
  myOrders: number;
  myTotalFen: number;
  items: PortalCampaignItem[];
}

interface Totals {
  orders: number;
  unpaid: number;
  voided: number;
  itemCount: number;
  totalFen: number;
}

export interface PortalDay {
  date: string;
  timeZone: string;
  totals: Totals & { customers: number };
  byCampaign: Array<
    Totals & {
      campaignId: string;
      campaignName: string;
      customers: number;
      products: Array<{
        skuId: string;
        productName: string;
        spec: string;
        quantity: number;
        amountFen: number;
      }>;
    }
  >;
  byCustomer: Array<
    Totals & {
      customerId: string;
      customerName: string | null;
      phoneMasked: string;
      lastOrderAt: string;
      items: Array<{
        id: string;
        campaignId: string;
        campaignName: string;
        pickupPointName: string;
        status: string;
        totalFen: number;
        itemCount: number;
        placedAt: string;
      }>;
    }
  >;
}

export interface PortalCustomer {
  customerId: string;
  name: string | null;
  phoneMasked: string;
  orderCount: number;
  totalFen: number;
  firstOrderAt: string;
  lastOrderAt: string;
}

export interface PickupLookup {
  pickupCode: string;
  waiting: number;
  items: Array<{
    id: string;
    status: string;
    campaignName: string;
    customerName: string | null;
    phoneMasked: string;
    pickupPointId: string;
    pickupPointName: string;
    totalFen: number;
    itemCount: number;
    placedAt: string;
    canVerify: boolean;
    lines: Array<{ productName: string; spec: string; quantity: number }>;
  }>;
}

export interface PortalTeam {
  /** YYYY-MM: the month of `monthGmvFen`. */
  month: string;
  size: number;
  gmvFen: number;
  orders: number;
  monthGmvFen: number;
  recruitCount: number;
  recruits: Array<{
    leaderId: string;
    name: string;
    code: string;
    status: string;
    since: string;
    ownGmvFen: number;
    ownMonthGmvFen: number;
    teamSize: number;
    teamGmvFen: number;
  }>;
}

export interface Words {
  zh: string;
  en: string;
}

export interface LevelRef {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string;
  rank: number;
}

/** One line of a rule measured against the leader: a group ("all of") or a condition with its figure. */
export interface RuleLine {
  depth: number;
  kind: string;
  held: boolean;
  text: Words;
  metric?: string;
  actual?: number;
  target?: number;
  actualText?: string;
}

export interface RuleProgress {
  text: Words;
  met: boolean;
  lines: RuleLine[];
}

/** One figure the leader still needs to keep their level: reach `need` (atLeast) or stay at most it. */
export interface KeepShortfall {
  metric: string;
  label: Words;
  direction: 'atLeast' | 'atMost';
  have: number;
  need: number;
  short: number;
  haveText: string;
  needText: string;
  shortText: string;
}

/**
 * Whether the figures so far keep the current level (保级): `onTrack`, what is `missing`, and the
 * downgrade rule itself (`dropRule`, 降级条件: `holds` means the leader would drop).
 */
export interface KeepProgress {
  onTrack: boolean;
  missing: KeepShortfall[];
  dropRule: { text: Words; holds: boolean; lines: RuleLine[] };
}

export interface PortalLevel {
  leaderId: string;
  current: LevelRef | null;
  next: LevelRef | null;
  heldUntil: string | null;
  period: { start: string; end: string; label: Words };
  upgrade: RuleProgress | null;
  keep: KeepProgress | null;
}

export const portalApi = {
  me: () => api.get<PortalMe>('/api/portal/me'),
  campaigns: () => api.get<{ serverNow: string; items: PortalCampaign[] }>('/api/portal/campaigns'),
  orders: (date?: string) => api.get<PortalDay>('/api/portal/orders', { date }),
  customers: (q: string, page: number, pageSize: number) =>
    api.get<{ items: PortalCustomer[]; total: number }>('/api/portal/customers', { q, page, pageSize }),
  pickups: (code: string) => api.get<PickupLookup>('/api/portal/pickups', { code }),
  verify: (pickupCode: string, pickupPointId?: string) =>
    api.post<{ pickupPointId: string; orderIds: string[] }>('/api/portal/verify-pickup', {
      pickupCode,
      ...(pickupPointId ? { pickupPointId } : {}),
    }),
  team: () => api.get<PortalTeam>('/api/portal/team'),
  level: () => api.get<PortalLevel>('/api/portal/level'),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<void>('/api/auth/change-password', { currentPassword, newPassword }),
};

/** The full address of a path on this server, for links people share outside the app. */
export function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}
