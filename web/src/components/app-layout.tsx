import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Layout, Menu, type MenuProps, Space, Spin, Typography, theme } from 'antd';
import { Suspense, useMemo, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { hasPermission, useAuth, useCurrentUser } from '../auth-context';
import { useLocale } from '../locale-context';
import { NAV_ITEMS, navItemForPath } from '../navigation';
import { ChangePasswordModal } from '../pages/change-password-modal';
import { LangSwitch } from './lang-switch';
import { RoleTags } from './role-tags';

const { Header, Sider, Content } = Layout;

/** The console frame: a menu of the pages this user may open, and who is logged in. */
export function AppLayout() {
  const user = useCurrentUser();
  const { logout } = useAuth();
  const { t } = useLocale();
  const location = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);
  const [loggingOut, setLoggingOut] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);

  const menuItems = useMemo<MenuProps['items']>(
    () =>
      NAV_ITEMS.filter((item) => hasPermission(user, item.permission)).map((item) => ({
        key: item.key,
        icon: item.icon,
        label: (
          <Link to={item.path} data-testid={`nav-${item.key}`} title={t(item.label)}>
            {t(item.label)}
          </Link>
        ),
      })),
    [user, t],
  );
  const selectedKey = navItemForPath(location.pathname)?.key;

  // Logging out clears the session, and the login guard then takes the user to the login page.
  const onLogout = () => {
    setLoggingOut(true);
    void logout();
  };

  return (
    <Layout style={{ minHeight: '100vh' }}>
      {/* 224 px rather than antd's 200 leaves the longest English label (Commission simulation) its
          whole width; menu-labels.e2e.test.ts measures every label in both languages. */}
      <Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={224}>
        <div
          style={{
            color: '#fff',
            padding: '16px',
            fontWeight: 600,
            whiteSpace: 'nowrap',
            overflow: 'hidden',
          }}
        >
          {collapsed ? 'tf' : t('app.name')}
        </div>
        <Menu theme="dark" mode="inline" selectedKeys={selectedKey ? [selectedKey] : []} items={menuItems} />
      </Sider>
      <Layout>
        <Header
          style={{
            background: token.colorBgContainer,
            padding: '0 24px',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
          }}
        >
          <Space size="middle" wrap={false}>
            <Space size="small">
              <UserOutlined />
              <Typography.Text strong data-testid="current-user">
                {user.displayName}
              </Typography.Text>
              <span>
                <RoleTags roles={user.roles} />
              </span>
            </Space>
            <LangSwitch />
            <Button
              icon={<KeyOutlined />}
              onClick={() => setChangingPassword(true)}
              data-testid="change-password"
            >
              {t('account.changePassword')}
            </Button>
            <Button icon={<LogoutOutlined />} onClick={onLogout} loading={loggingOut} data-testid="logout">
              {t('header.logout')}
            </Button>
          </Space>
        </Header>
        {changingPassword && <ChangePasswordModal onClose={() => setChangingPassword(false)} />}
        <Content style={{ margin: 24 }}>
          <Suspense fallback={<Spin size="large" />}>
            <Outlet />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
