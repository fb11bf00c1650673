import { Tag } from 'antd';
import type { PlanStatus } from '../../commission-api';
import { useLocale } from '../../locale-context';

const COLORS: Record<PlanStatus, string> = { draft: 'blue', active: 'green', archived: 'default' };

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useLocale();
  return (
    <Tag color={COLORS[status]} data-testid={`plan-status-${status}`}>
      {t(`commission.status.${status}`)}
    </Tag>
  );
}
