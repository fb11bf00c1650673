import { Tag } from 'antd';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import type { EntryStatus } from './entries-api';

const COLORS: Record<EntryStatus, string> = {
  estimated: 'gold',
  final: 'blue',
  settled: 'green',
  voided: 'default',
};

/** 预估 / 已确认 / 已结算 / 已作废. */
export function EntryStatusTag({ status }: { status: EntryStatus }) {
  const { t } = useLocale();
  return (
    <Tag color={COLORS[status]} data-testid={`entry-status-${status}`}>
      {t(`cEntries.status.${status}` as MessageKey)}
    </Tag>
  );
}
