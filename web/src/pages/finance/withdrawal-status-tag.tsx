import { Tag } from 'antd';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import type { WithdrawalStatus } from './finance-api';

const COLORS: Record<WithdrawalStatus, string> = {
  requested: 'gold',
  approved: 'blue',
  batched: 'geekblue',
  paid: 'green',
  failed: 'red',
  rejected: 'default',
};

export function WithdrawalStatusTag({ status }: { status: WithdrawalStatus }) {
  const { t } = useLocale();
  return (
    <Tag color={COLORS[status]} data-testid={`withdrawal-status-${status}`}>
      {t(`finance.withdrawal.status.${status}` as MessageKey)}
    </Tag>
  );
}
