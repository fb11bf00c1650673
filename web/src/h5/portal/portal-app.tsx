import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, ErrorBlock, NavBar, NoticeBar, TabBar } from 'antd-mobile';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { ApiError } from '../../api';
import { useAuth } from '../../auth-context';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { pageStyle } from '../h5-shared';
import { CampaignsTab } from './campaigns-tab';
import { CustomersTab } from './customers-tab';
import { EarningsTab } from './earnings-tab';
import { MeTab, PasswordSection } from './me-tab';
import { OrdersTab } from './orders-tab';
import { type PortalMe, portalApi } from './portal-api';
import { PortalLogin } from './portal-login';
import { Failed, LangSwitch, Loading } from './portal-shared';
import { TeamTab } from './team-tab';
import { VerifyTab } from './verify-tab';

const PERMISSION = 'leader.portal';

/**
 * The business day (Asia/Shanghai) of a moment, YYYY-MM-DD, whatever the phone's time zone: the
 * company's dates are counted there, and a deadline at midnight must not show as the day before.
 */
function businessDay(iso: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(iso));
}

const TABS: Array<{ key: string; title: MessageKey; icon: string; page: (me: PortalMe) => ReactNode }> = [
  { key: 'campaigns', title: 'portal.tab.campaigns', icon: '🛒', page: (me) => <CampaignsTab me={me} /> },
  { key: 'orders', title: 'portal.tab.orders', icon: '📋', page: () => <OrdersTab /> },
  { key: 'verify', title: 'portal.tab.verify', icon: '✅', page: () => <VerifyTab /> },
  { key: 'customers', title: 'portal.tab.customers', icon: '👥', page: () => <CustomersTab /> },
  { key: 'team', title: 'portal.tab.team', icon: '🌱', page: () => <TeamTab /> },
  { key: 'earnings', title: 'portal.tab.earnings', icon: '💰', page: () => <EarningsTab /> },
  { key: 'me', title: 'portal.tab.me', icon: '👤', page: (me) => <MeTab me={me} /> },
];

function NotLeader() {
  const { t } = useLocale();
  const { logout } = useAuth();
  return (
    <div style={pageStyle}>
      <ErrorBlock
        status="default"
        title={<span data-testid="portal-not-leader">{t('portal.notLeader')}</span>}
        description=""
      >
        <Button color="primary" onClick={() => void logout()}>
          {t('portal.switchAccount')}
        </Button>
      </ErrorBlock>
    </div>
  );
}

/** A leader approved from an application still has the initial password the reviewer handed over. */
function FirstPassword() {
  const { t } = useLocale();
  const queryClient = useQueryClient();
  return (
    <div style={pageStyle} data-testid="portal-first-password">
      <NavBar back={null} right={<LangSwitch />}>
        {t('portal.firstPassword.title')}
      </NavBar>
      <div style={{ padding: '12px 16px', color: '#666' }}>{t('portal.firstPassword.hint')}</div>
      <PasswordSection onDone={() => void queryClient.invalidateQueries({ queryKey: ['portal'] })} />
    </div>
  );
}

function Shell() {
  const { t } = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useQuery({ queryKey: ['portal', 'me'], queryFn: portalApi.me });
  const active = TABS.find((tab) => location.pathname.startsWith(`/h5/portal/${tab.key}`)) ?? TABS[0];
  if (me.isPending) return <Loading />;
  if (me.isError) {
    if (me.error instanceof ApiError && me.error.code === 'portal.not_a_leader') return <NotLeader />;
    return (
      <div style={pageStyle}>
        <Failed error={me.error} onRetry={() => void me.refetch()} />
      </div>
    );
  }
  if (me.data.passwordChangeRequired) return <FirstPassword />;
  return (
    <div style={{ ...pageStyle, paddingBottom: 64 }} data-testid="portal-shell">
      <div
        style={{ position: 'sticky', top: 0, zIndex: 20, background: '#fff', borderBottom: '1px solid #eee' }}
      >
        <NavBar back={null} right={<LangSwitch />}>
          {active ? t(active.title) : t('portal.title')}
        </NavBar>
      </div>
      {me.data.agreementSigned && me.data.agreementNotice && (
        <NoticeBar
          color="info"
          wrap
          data-testid="portal-agreement-reminder"
          content={t(
            dayjs(me.data.agreementNotice.effectiveAt).isAfter(dayjs())
              ? 'portal.agreement.reminder'
              : 'portal.agreement.reminderInForce',
            {
              from: businessDay(me.data.agreementNotice.effectiveAt),
              until: businessDay(me.data.agreementNotice.signBy),
            },
          )}
          extra={
            <Button size="mini" color="primary" onClick={() => navigate(me.data.agreementPath)}>
              {t('portal.agreement.sign')}
            </Button>
          }
        />
      )}
      {!me.data.agreementSigned && (
        <NoticeBar
          color="alert"
          wrap
          data-testid="portal-agreement-notice"
          content={t('portal.agreement.notice')}
          extra={
            <Button size="mini" color="warning" onClick={() => navigate(me.data.agreementPath)}>
              {t('portal.agreement.sign')}
            </Button>
          }
        />
      )}
      <Routes>
        {TABS.map((tab) => (
          <Route key={tab.key} path={tab.key} element={tab.page(me.data)} />
        ))}
        <Route path="*" element={<Navigate to="/h5/portal/campaigns" replace />} />
      </Routes>
      <div
        style={{
          position: 'fixed',
          bottom: 0,
          left: 0,
          right: 0,
          maxWidth: 480,
          margin: '0 auto',
          background: '#fff',
          borderTop: '1px solid #eee',
          zIndex: 20,
        }}
      >
        <TabBar activeKey={active?.key ?? 'campaigns'} onChange={(key) => navigate(`/h5/portal/${key}`)}>
          {TABS.map((tab) => (
            <TabBar.Item
              key={tab.key}
              title={<span data-testid={`portal-tab-${tab.key}`}>{t(tab.title)}</span>}
              icon={<span style={{ fontSize: 20 }}>{tab.icon}</span>}
            />
          ))}
        </TabBar>
      </div>
    </div>
  );
}

/**
 * The leader's portal (团长端), mounted at /h5/portal/*: the login when nobody is logged in, a clear
 * refusal for an account that is not a leader's, otherwise the six tabs.
 */
export function PortalApp() {
  const { user, sessionError, retrySession } = useAuth();
  if (user === undefined) {
    return sessionError ? (
      <div style={pageStyle}>
        <Failed error={sessionError} onRetry={retrySession} />
      </div>
    ) : (
      <Loading />
    );
  }
  if (user === null) return <PortalLogin />;
  if (!user.permissions.includes(PERMISSION)) return <NotLeader />;
  return <Shell />;
}
