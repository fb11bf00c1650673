import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useCurrentUser } from '../auth-context';
import { RoleTags } from '../components/role-tags';
import { useLocale } from '../locale-context';

/** The landing page: who you are and what you may do, which is what a new user asks first. */
export function DashboardPage() {
  const user = useCurrentUser();
  const { t } = useLocale();
  return (
    <Card data-testid="welcome-card">
      <Typography.Title level={3}>{t('dashboard.welcome', { name: user.displayName })}</Typography.Title>
      <Descriptions column={1}>
        <Descriptions.Item label={t('dashboard.roles')}>
          <span>
            <RoleTags roles={user.roles} />
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.permissions')}>
          {user.permissions.length === 0 ? (
            <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
          ) : (
            <Space size={[0, 8]} wrap>
              {user.permissions.map((permission) => (
                <Tag key={permission}>{permission}</Tag>
              ))}
            </Space>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}
