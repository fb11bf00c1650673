/**
 * Roles and permissions. Permissions are named constants; every route declares the one it needs (or
 * that it is public, or only needs a login), and the role → permission table below is the single
 * place that grants them. Later issues add permissions here as they add capabilities.
 */
export const ROLES = [
  'admin',
  'operator',
  'finance',
  'warehouse',
  'region_manager',
  'leader',
  'customer',
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  usersRead: 'users.read',
  usersWrite: 'users.write',
  auditRead: 'audit.read',
  eventsRead: 'events.read',
  regionsRead: 'regions.read',
  warehousesRead: 'warehouses.read',
  catalogRead: 'catalog.read',
  catalogWrite: 'catalog.write',
  inventoryRead: 'inventory.read',
  inventoryWrite: 'inventory.write',
  campaignsRead: 'campaigns.read',
  campaignsWrite: 'campaigns.write',
  leadersRead: 'leaders.read',
  leadersWrite: 'leaders.write',
  customersRead: 'customers.read',
  /** See customers' full phone numbers (personal data): for those who deliver and who pay out. */
  customersPhone: 'customers.phone',
  ordersRead: 'orders.read',
  ordersWrite: 'orders.write',
  /** Verify pickup codes (核销): leaders at their own pickup points, staff anywhere. */
  ordersPickup: 'orders.pickup',
  /** Refund paid orders, whole or per line (退款). */
  ordersRefund: 'orders.refund',
  /** Configure risk checks and the blocked list (风控规则). */
  riskConfigure: 'risk.configure',
  /** Approve or reject orders on hold (风控审核). */
  riskReview: 'risk.review',
  /** Review leader applications, agreements, training, level rules (团长招募与管理). */
  leadersManage: 'leaders.manage',
  /** Admin-only changes to the referral network and level overrides, with a reason. */
  leadersAdmin: 'leaders.admin',
  /**
   * A region manager's first review (初审) of leader applications in their regions, when the company
   * turns it on; the operator's decision (leaders.manage) stays final.
   */
  leadersFirstReview: 'leaders.first_review',
  /** A leader's own portal (团长端): their campaigns, orders, customers, team, earnings. */
  leaderPortal: 'leader.portal',
  /** See commission plans, entries and statements. */
  commissionRead: 'commission.read',
  /** Edit and activate commission plans, run simulations and period computations. */
  commissionWrite: 'commission.write',
  /** Ledger, settlement batches and the invariant check. */
  ledgerRead: 'ledger.read',
  /** Approve or reject withdrawals, build payout batches, mark payouts paid or failed. */
  payoutsWrite: 'payouts.write',
} as const;
export type Permission = (typeof PERMISSIONS)[keyof typeof PERMISSIONS];
export const ALL_PERMISSIONS: readonly Permission[] = Object.values(PERMISSIONS);

const P = PERMISSIONS;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ALL_PERMISSIONS,
  operator: [
    P.eventsRead,
    P.regionsRead,
    P.warehousesRead,
    P.catalogRead,
    P.catalogWrite,
    P.inventoryRead,
    P.campaignsRead,
    P.campaignsWrite,
    P.leadersRead,
    P.leadersWrite,
    P.customersRead,
    P.ordersRead,
    P.ordersWrite,
    P.ordersPickup,
    P.ordersRefund,
    P.riskConfigure,
    P.riskReview,
    P.leadersManage,
    P.commissionRead,
  ],
  finance: [
    P.regionsRead,
    P.catalogRead,
    P.inventoryRead,
    P.campaignsRead,
    P.leadersRead,
    P.customersRead,
    P.customersPhone,
    P.ordersRead,
    P.ordersWrite,
    P.ordersRefund,
    P.commissionRead,
    P.commissionWrite,
    P.ledgerRead,
    P.payoutsWrite,
  ],
  warehouse: [
    P.warehousesRead,
    P.catalogRead,
    P.inventoryRead,
    P.inventoryWrite,
    P.campaignsRead,
    P.leadersRead,
    P.customersRead,
    P.customersPhone,
    P.ordersRead,
  ],
  region_manager: [
    P.regionsRead,
    P.catalogRead,
    P.campaignsRead,
    P.leadersRead,
    P.leadersFirstReview,
    P.customersRead,
    P.ordersRead,
  ],
  leader: [P.ordersPickup, P.leaderPortal],
  customer: [],
};

export const ROLE_LABELS: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '管理员', en: 'Admin' },
  operator: { zh: '运营', en: 'Operator' },
  finance: { zh: '财务', en: 'Finance' },
  warehouse: { zh: '仓管', en: 'Warehouse' },
  region_manager: { zh: '区域经理', en: 'Region manager' },
  leader: { zh: '团长', en: 'Leader' },
  customer: { zh: '用户', en: 'Customer' },
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly string[]): Permission[] {
  const set = new Set<Permission>();
  for (const role of roles) {
    if (isRole(role)) for (const p of ROLE_PERMISSIONS[role]) set.add(p);
  }
  return [...set].sort();
}

/**
 * What a route requires: `public` (no login), `authenticated` (any logged-in user, e.g. /auth/me),
 * or one named permission.
 */
export type Access = { public: true } | { authenticated: true } | { permission: Permission };

export function allows(roles: readonly string[], access: Access): boolean {
  if ('public' in access) return true;
  if ('authenticated' in access) return true;
  return permissionsOf(roles).includes(access.permission);
}
