import { Card, Tabs } from 'antd';
import { useLocale } from '../../locale-context';
import { BlocklistPanel } from './blocklist-panel';
import { RiskPolicyForm } from './risk-policy-form';

/** 风控规则: the order checks (limits) and the blocklist, one tab each. */
export function RiskSettingsPage() {
  const { t } = useLocale();
  return (
    <Card title={t('risk.settings.title')}>
      <Tabs
        items={[
          {
            key: 'policy',
            label: <span data-testid="risk-tab-policy">{t('risk.policy.title')}</span>,
            children: <RiskPolicyForm />,
          },
          {
            key: 'blocklist',
            label: <span data-testid="risk-tab-blocklist">{t('risk.block.title')}</span>,
            children: <BlocklistPanel />,
          },
        ]}
      />
    </Card>
  );
}
