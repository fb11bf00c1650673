import { Card } from 'antd';
import { useLocale } from '../../locale-context';

/** Placeholder until the inventory pages are built. */
export function StockPage() {
  const { t } = useLocale();
  return <Card title={t('nav.inventory')} />;
}
