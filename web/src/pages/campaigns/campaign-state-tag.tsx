import { Tag } from 'antd';
import type { CampaignState } from '../../campaigns-api';
import { useLocale } from '../../locale-context';

const COLORS: Record<CampaignState, string> = {
  draft: 'default',
  scheduled: 'blue',
  live: 'green',
  closed: 'orange',
  fulfilled: 'purple',
  cancelled: 'red',
};

export function CampaignStateTag({ state }: { state: CampaignState }) {
  const { t } = useLocale();
  return (
    <Tag color={COLORS[state]} data-testid={`campaign-state-${state}`}>
      {t(`campaigns.state.${state}`)}
    </Tag>
  );
}
