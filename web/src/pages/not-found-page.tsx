import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useLocale } from '../locale-context';

export function NotFoundPage() {
  const { t } = useLocale();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
