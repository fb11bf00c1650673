import {
  AccountBookOutlined,
  ApartmentOutlined,
  AuditOutlined,
  CalculatorOutlined,
  CalendarOutlined,
  ControlOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  ExperimentOutlined,
  InboxOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  ShoppingOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { type ComponentType, type LazyExoticComponent, lazy, type ReactNode } from 'react';
import type { MessageKey } from './i18n';

/**
 * The console's pages, in menu order. Each entry is both a menu item and a route, and declares the
 * permission it needs (`null`: anyone logged in), so adding a page is one entry here.
 */
export interface NavItem {
  /** Stable id: the menu key and the `nav-<key>` test id. */
  key: string;
  path: string;
  label: MessageKey;
  icon: ReactNode;
  permission: string | null;
  page: LazyExoticComponent<ComponentType>;
}

// Pages are loaded on first visit so that the login page does not download every table.
const DashboardPage = lazy(() =>
  import('./pages/dashboard-page').then((m) => ({ default: m.DashboardPage })),
);
const UsersPage = lazy(() => import('./pages/users-page').then((m) => ({ default: m.UsersPage })));
const AuditPage = lazy(() => import('./pages/audit-page').then((m) => ({ default: m.AuditPage })));
const ProductsPage = lazy(() =>
  import('./pages/catalog/products-page').then((m) => ({ default: m.ProductsPage })),
);
const StockPage = lazy(() => import('./pages/inventory/stock-page').then((m) => ({ default: m.StockPage })));
const CampaignsPage = lazy(() =>
  import('./pages/campaigns/campaigns-page').then((m) => ({ default: m.CampaignsPage })),
);
const LeadersPage = lazy(() =>
  import('./pages/leaders/leaders-page').then((m) => ({ default: m.LeadersPage })),
);
const LeaderRecruitingPage = lazy(() =>
  import('./pages/leaders/applications-page').then((m) => ({ default: m.LeaderRecruitingPage })),
);
const FirstReviewPage = lazy(() =>
  import('./pages/leaders/first-review-page').then((m) => ({ default: m.FirstReviewPage })),
);
const LeaderDetailPage = lazy(() =>
  import('./pages/leaders/leader-detail-page').then((m) => ({ default: m.LeaderDetailPage })),
);
const RegionsPage = lazy(() =>
  import('./pages/leaders/regions-page').then((m) => ({ default: m.RegionsPage })),
);
const LevelsPage = lazy(() => import('./pages/leaders/levels-page').then((m) => ({ default: m.LevelsPage })));
const CustomersPage = lazy(() =>
  import('./pages/customers/customers-page').then((m) => ({ default: m.CustomersPage })),
);
const OrdersPage = lazy(() => import('./pages/orders/orders-page').then((m) => ({ default: m.OrdersPage })));
const BagsPage = lazy(() => import('./pages/orders/bags-page').then((m) => ({ default: m.BagsPage })));
const RiskReviewPage = lazy(() =>
  import('./pages/risk/risk-review-page').then((m) => ({ default: m.RiskReviewPage })),
);
const RiskSettingsPage = lazy(() =>
  import('./pages/risk/risk-settings-page').then((m) => ({ default: m.RiskSettingsPage })),
);
const EventsPage = lazy(() => import('./pages/events-page').then((m) => ({ default: m.EventsPage })));
const FinancePage = lazy(() =>
  import('./pages/finance/finance-page').then((m) => ({ default: m.FinancePage })),
);
const CommissionPage = lazy(() =>
  import('./pages/commission/commission-page').then((m) => ({ default: m.CommissionPage })),
);
const CommissionEntriesPage = lazy(() =>
  import('./pages/commission/entries-page').then((m) => ({ default: m.EntriesPage })),
);
const CommissionSettlementsPage = lazy(() =>
  import('./pages/commission/settlements-page').then((m) => ({ default: m.SettlementsPage })),
);
const SimulationPage = lazy(() =>
  import('./pages/commission/simulation-page').then((m) => ({ default: m.SimulationPage })),
);
const PeriodRunsPage = lazy(() =>
  import('./pages/commission/period-runs-page').then((m) => ({ default: m.PeriodRunsPage })),
);

export const NAV_ITEMS: readonly NavItem[] = [
  {
    key: 'dashboard',
    path: '/',
    label: 'nav.dashboard',
    icon: <DashboardOutlined />,
    permission: null,
    page: DashboardPage,
  },
  {
    key: 'catalog',
    path: '/catalog',
    label: 'nav.catalog',
    icon: <ShoppingOutlined />,
    permission: 'catalog.read',
    page: ProductsPage,
  },
  {
    key: 'inventory',
    path: '/inventory',
    label: 'nav.inventory',
    icon: <DatabaseOutlined />,
    permission: 'inventory.read',
    page: StockPage,
  },
  {
    key: 'campaigns',
    path: '/campaigns',
    label: 'nav.campaigns',
    icon: <CalendarOutlined />,
    permission: 'campaigns.read',
    page: CampaignsPage,
  },
  {
    key: 'leaders',
    path: '/leaders',
    label: 'nav.leaders',
    icon: <ShopOutlined />,
    permission: 'leaders.read',
    page: LeadersPage,
  },
  {
    key: 'leader-recruiting',
    path: '/leaders/recruiting',
    label: 'nav.leaderRecruiting',
    icon: <SolutionOutlined />,
    permission: 'leaders.manage',
    page: LeaderRecruitingPage,
  },
  {
    key: 'leader-first-review',
    path: '/leaders/first-review',
    label: 'nav.firstReview',
    icon: <SolutionOutlined />,
    permission: 'leaders.first_review',
    page: FirstReviewPage,
  },
  {
    key: 'regions',
    path: '/regions',
    label: 'nav.regions',
    icon: <ApartmentOutlined />,
    permission: 'regions.read',
    page: RegionsPage,
  },
  {
    key: 'leader-levels',
    path: '/leaders/levels',
    label: 'nav.leaderLevels',
    icon: <TrophyOutlined />,
    permission: 'leaders.read',
    page: LevelsPage,
  },
  {
    key: 'orders',
    path: '/orders',
    label: 'nav.orders',
    icon: <ProfileOutlined />,
    permission: 'orders.read',
    page: OrdersPage,
  },
  {
    key: 'order-bags',
    path: '/orders/bags',
    label: 'nav.bags',
    icon: <InboxOutlined />,
    permission: 'orders.read',
    page: BagsPage,
  },
  {
    key: 'risk-review',
    path: '/risk/review',
    label: 'nav.riskReview',
    icon: <SafetyCertificateOutlined />,
    permission: 'risk.review',
    page: RiskReviewPage,
  },
  {
    key: 'risk-settings',
    path: '/risk/settings',
    label: 'nav.riskSettings',
    icon: <ControlOutlined />,
    permission: 'risk.configure',
    page: RiskSettingsPage,
  },
  {
    key: 'commission',
    path: '/commission',
    label: 'nav.commission',
    icon: <MoneyCollectOutlined />,
    permission: 'commission.read',
    page: CommissionPage,
  },
  {
    key: 'commission-entries',
    path: '/commission/entries',
    label: 'nav.commissionEntries',
    icon: <MoneyCollectOutlined />,
    permission: 'commission.read',
    page: CommissionEntriesPage,
  },
  {
    key: 'commission-settlements',
    path: '/commission/settlements',
    label: 'nav.commissionSettlements',
    icon: <MoneyCollectOutlined />,
    permission: 'commission.read',
    page: CommissionSettlementsPage,
  },
  {
    key: 'commission-simulation',
    path: '/commission/simulation',
    label: 'nav.commissionSimulation',
    icon: <ExperimentOutlined />,
    permission: 'commission.write',
    page: SimulationPage,
  },
  {
    key: 'commission-periods',
    path: '/commission/period-runs',
    label: 'nav.commissionPeriods',
    icon: <CalculatorOutlined />,
    permission: 'commission.read',
    page: PeriodRunsPage,
  },
  {
    key: 'finance',
    path: '/finance',
    label: 'nav.finance',
    icon: <AccountBookOutlined />,
    permission: 'ledger.read',
    page: FinancePage,
  },
  {
    key: 'customers',
    path: '/customers',
    label: 'nav.customers',
    icon: <UserOutlined />,
    permission: 'customers.read',
    page: CustomersPage,
  },
  {
    key: 'users',
    path: '/users',
    label: 'nav.users',
    icon: <TeamOutlined />,
    permission: 'users.read',
    page: UsersPage,
  },
  {
    key: 'audit',
    path: '/audit',
    label: 'nav.audit',
    icon: <AuditOutlined />,
    permission: 'audit.read',
    page: AuditPage,
  },
  {
    key: 'events',
    path: '/events',
    label: 'nav.events',
    icon: <NotificationOutlined />,
    permission: 'events.read',
    page: EventsPage,
  },
];

/** Pages that are routes but not menu items (a detail page opened from a list). */
export const DETAIL_ROUTES: readonly Omit<NavItem, 'label' | 'icon'>[] = [
  { key: 'leader-detail', path: '/leaders/:id', permission: 'leaders.read', page: LeaderDetailPage },
];

/** The item whose path best matches the location: the longest prefix, with `/` matching only itself. */
export function navItemForPath(pathname: string): NavItem | undefined {
  let best: NavItem | undefined;
  for (const item of NAV_ITEMS) {
    const matches =
      item.path === '/' ? pathname === '/' : pathname === item.path || pathname.startsWith(`${item.path}/`);
    if (matches && (!best || item.path.length > best.path.length)) best = item;
  }
  return best;
}
