import { Card, Tabs } from 'antd';
import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth-context';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { AccountsTab } from './accounts-tab';
import { InvariantsTab } from './invariants-tab';
import { PayoutsTab } from './payouts-tab';
import { SettingsTab } from './settings-tab';
import { StatementsTab } from './statements-tab';
import { TransfersTab } from './transfers-tab';
import { WithdrawalsTab } from './withdrawals-tab';

const TABS = [
  'accounts',
  'withdrawals',
  'payouts',
  'statements',
  'transfers',
  'invariants',
  'settings',
] as const;
type Tab = (typeof TABS)[number];
const isTab = (v: string | null): v is Tab => (TABS as readonly (string | null)[]).includes(v);

/**
 * 财务: the ledger for finance staff, one tab per task. The tab and its filters live in the query
 * string (`?tab=statements&leaderId=…`), so a view can be linked and a row can open another tab.
 */
export function FinancePage() {
  const { t } = useLocale();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const tab: Tab = isTab(params.get('tab')) ? (params.get('tab') as Tab) : 'accounts';
  const go = (next: Tab, extra: Record<string, string> = {}) => setParams({ tab: next, ...extra });
  const canWrite = can('payouts.write');
  const leaderId = params.get('leaderId');
  const body: Record<Tab, ReactNode> = {
    accounts: <AccountsTab onOpen={(id, where) => go(where, { leaderId: id })} />,
    withdrawals: <WithdrawalsTab canWrite={canWrite} />,
    payouts: <PayoutsTab canWrite={canWrite} />,
    statements: (
      <StatementsTab
        initialMonth={params.get('month')}
        leaderId={leaderId}
        onLeader={(id) => go('statements', id ? { leaderId: id } : {})}
      />
    ),
    transfers: <TransfersTab leaderId={leaderId} onClearLeader={() => go('transfers')} />,
    invariants: <InvariantsTab />,
    settings: <SettingsTab canWrite={canWrite} />,
  };
  return (
    <Card title={t('finance.title')}>
      <Tabs
        activeKey={tab}
        destroyOnHidden
        onChange={(k) => go(k as Tab)}
        items={TABS.map((k) => ({
          key: k,
          label: <span data-testid={`finance-tab-${k}`}>{t(`finance.tab.${k}` as MessageKey)}</span>,
          children: body[k],
        }))}
      />
    </Card>
  );
}
