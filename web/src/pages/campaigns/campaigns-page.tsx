import { Card } from 'antd';
import { useLocale } from '../../locale-context';

/** Placeholder until the campaigns pages are built. */
export function CampaignsPage() {
  const { t } = useLocale();
  return <Card title={t('nav.campaigns')} />;
}
