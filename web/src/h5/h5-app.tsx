import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { Route, Routes } from 'react-router-dom';
import { useLocale } from '../locale-context';
import { CampaignPage } from './campaign-page';
import { LeaderAgreementPage } from './leader-agreement-page';
import { LeaderApplyPage } from './leader-apply-page';
import { LeaderApplyStatusPage } from './leader-apply-status-page';
import { LeaderTrainingPage } from './leader-training-page';
import { MyOrdersPage } from './my-orders-page';
import { OrderPage } from './order-page';
import { PortalApp } from './portal/portal-app';

/** The customer's phone pages, outside the console's login guard (mounted at `/h5/*`). */
export function H5App() {
  const { lang, t } = useLocale();
  return (
    <ConfigProvider locale={lang === 'zh' ? zhCN : enUS}>
      <Routes>
        <Route path="c/:campaignId" element={<CampaignPage />} />
        <Route path="o/:orderId" element={<OrderPage />} />
        <Route path="my-orders" element={<MyOrdersPage />} />
        <Route path="portal/*" element={<PortalApp />} />
        <Route path="apply" element={<LeaderApplyPage />} />
        <Route path="apply/status" element={<LeaderApplyStatusPage />} />
        <Route path="leader/agreement" element={<LeaderAgreementPage />} />
        <Route path="leader/training" element={<LeaderTrainingPage />} />
        <Route
          path="*"
          element={<div style={{ padding: 24, textAlign: 'center' }}>{t('notFound.title')}</div>}
        />
      </Routes>
    </ConfigProvider>
  );
}
