import { Card } from 'antd';
import { useLocale } from '../../locale-context';

/** Placeholder until the catalog pages are built. */
export function ProductsPage() {
  const { t } = useLocale();
  return <Card title={t('nav.catalog')} />;
}
