import { Card, Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useLocale } from '../../locale-context';
import { AgreementsTab } from './agreements-tab';
import { ApplicationsTab } from './applications-tab';
import { TrainingTab } from './training-tab';

const TABS = ['applications', 'agreements', 'training'] as const;
type Tab = (typeof TABS)[number];

/**
 * 团长招募: the applications queue (申请审核), the agreement versions and who signed them (协议), and
 * the training materials with completion rates (培训), one tab each; the tab is in the URL.
 */
export function LeaderRecruitingPage() {
  const { t } = useLocale();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('tab');
  const tab: Tab = TABS.find((k) => k === asked) ?? 'applications';
  return (
    <Card title={t('nav.leaderRecruiting')}>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        destroyOnHidden
        items={[
          {
            key: 'applications',
            label: <span data-testid="recruiting-tab-applications">{t('recruiting.tab.applications')}</span>,
            children: <ApplicationsTab />,
          },
          {
            key: 'agreements',
            label: <span data-testid="recruiting-tab-agreements">{t('recruiting.tab.agreements')}</span>,
            children: <AgreementsTab />,
          },
          {
            key: 'training',
            label: <span data-testid="recruiting-tab-training">{t('recruiting.tab.training')}</span>,
            children: <TrainingTab />,
          },
        ]}
      />
    </Card>
  );
}
