import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useCan } from '../auth-context';
import { useLocale } from '../locale-context';

/**
 * Shows a 403 page instead of the children when the user lacks the permission. The server enforces
 * the same rule on every API call; this only spares the user a page full of errors.
 */
export function RequirePermission({
  permission,
  children,
}: {
  permission: string | null;
  children: ReactNode;
}) {
  const can = useCan();
  const { t } = useLocale();
  if (can(permission)) return children;
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={t('forbidden.subtitle')}
      extra={
        <Link to="/">
          <Button type="primary">{t('common.backHome')}</Button>
        </Link>
      }
    />
  );
}
