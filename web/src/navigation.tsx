import {
  AuditOutlined,
  CalendarOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  NotificationOutlined,
  ProfileOutlined,
  ShopOutlined,
  ShoppingOutlined,
  TeamOutlined,
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
const CustomersPage = lazy(() =>
  import('./pages/customers/customers-page').then((m) => ({ default: m.CustomersPage })),
);
const OrdersPage = lazy(() => import('./pages/orders/orders-page').then((m) => ({ default: m.OrdersPage })));
const EventsPage = lazy(() => import('./pages/events-page').then((m) => ({ default: m.EventsPage })));

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
    key: 'orders',
    path: '/orders',
    label: 'nav.orders',
    icon: <ProfileOutlined />,
    permission: 'orders.read',
    page: OrdersPage,
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
