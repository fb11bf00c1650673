import { Space, Tag, Tooltip } from 'antd';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import type { Hold, RiskReasonCode } from './risk-api';

const COLORS: Record<RiskReasonCode, string> = {
  quantity_over_limit: 'orange',
  too_many_orders: 'gold',
  blocked_phone: 'red',
  blocked_address: 'volcano',
};

/**
 * The server explains each reason in plain English with the numbers ("12 units > limit 10"); the
 * numbers (or the quoted address) are picked out so the reader gets the sentence in their language.
 * When the text does not have the expected shape it is shown as sent.
 */
function useReasonText() {
  const { t } = useLocale();
  return (r: Hold['reasons'][number]): string => {
    const key = `risk.reasonDetail.${r.code}` as MessageKey;
    if (r.code === 'blocked_phone') return t(key);
    if (r.code === 'blocked_address') {
      const quoted = /"(.+)"/.exec(r.detail)?.[1];
      return quoted ? t(key, { a: quoted }) : r.detail;
    }
    const numbers = r.detail.match(/\d+/g);
    return numbers && numbers.length >= 2 ? t(key, { a: numbers[0] ?? '', b: numbers[1] ?? '' }) : r.detail;
  };
}

/** Each reason as a tag with its explanation beside it. */
export function RiskReasons({ reasons }: { reasons: Hold['reasons'] }) {
  const { t } = useLocale();
  const text = useReasonText();
  return (
    <Space orientation="vertical" size={2}>
      {reasons.map((r) => (
        <Tooltip key={r.code} title={r.detail}>
          <span data-testid={`risk-reason-${r.code}`}>
            <Tag color={COLORS[r.code]}>{t(`risk.reason.${r.code}` as MessageKey)}</Tag>
            <span style={{ fontSize: 12 }}>{text(r)}</span>
          </span>
        </Tooltip>
      ))}
    </Space>
  );
}
