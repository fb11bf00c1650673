import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Card, Descriptions, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useCan } from '../../auth-context';
import { formatDateTime } from '../../format';
import { useTeam } from '../../leader-network-api';
import { type LeaderDetail, useLeader } from '../../leaders-api';
import { useLocale } from '../../locale-context';
import { LeaderOrdersTab } from './leader-detail-orders';
import { LEADER_DETAIL_EXTRA_TABS } from './leader-detail-tabs';
import { NetworkPanel } from './network-panel';
import { PickupPointsPanel } from './pickup-points-panel';

function Profile({ leader }: { leader: LeaderDetail }) {
  const { t } = useLocale();
  const team = useTeam(leader.id, {});
  const referrer = team.data?.referrer ?? null;
  return (
    <Descriptions bordered column={2} size="small" data-testid="leader-profile">
      <Descriptions.Item label={t('leaders.code')}>
        <Tag>{leader.code}</Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('leaders.name')}>{leader.name}</Descriptions.Item>
      <Descriptions.Item label={t('leaders.phone')}>{leader.phoneMasked}</Descriptions.Item>
      <Descriptions.Item label={t('leaders.region')}>{leader.regionName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('leaders.status')}>
        <Tag color={leader.status === 'active' ? 'success' : 'warning'}>
          {t(`leaders.status.${leader.status}`)}
        </Tag>
      </Descriptions.Item>
      <Descriptions.Item label={t('leaderDetail.login')}>
        {t(leader.userId ? 'leaderDetail.userLinked' : 'leaderDetail.userNone')}
      </Descriptions.Item>
      <Descriptions.Item label={t('network.referrer')}>
        <span data-testid="leader-referrer">
          {leader.referrerId === null ? (
            t('leaderDetail.noReferrer')
          ) : referrer?.visible ? (
            <Link to={`/leaders/${referrer.leaderId}`}>
              {referrer.name}（{referrer.code}）
            </Link>
          ) : (
            t('network.hidden')
          )}
        </span>
      </Descriptions.Item>
      <Descriptions.Item label={t('leaders.createdAt')}>{formatDateTime(leader.createdAt)}</Descriptions.Item>
      <Descriptions.Item label={t('network.teamSize')}>{team.data?.size ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('network.directRecruits')}>
        {team.data?.directRecruits ?? '—'}
      </Descriptions.Item>
    </Descriptions>
  );
}

/**
 * 团长详情 (/leaders/:id): profile, pickup points, the referral network (upline chain, lazy team tree,
 * moving the referrer), orders, and the tabs the other parts of the leaders work add in
 * leader-detail-tabs.tsx. A region manager opening a leader outside their regions gets "not found".
 */
export function LeaderDetailPage() {
  const { t } = useLocale();
  const can = useCan();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const detail = useLeader(id);
  const leader = detail.data;
  const tab = search.get('tab') ?? 'profile';

  if (detail.isLoading) return <Spin />;
  if (!leader)
    return (
      <Card>
        <Alert type="warning" showIcon title={t('leaderDetail.notFound')} data-testid="leader-not-found" />
        <Link to="/leaders">{t('leaderDetail.back')}</Link>
      </Card>
    );

  const items = [
    { key: 'profile', label: t('leaderDetail.tab.profile'), children: <Profile leader={leader} /> },
    {
      key: 'pickup-points',
      label: t('leaderDetail.tab.pickupPoints'),
      children: (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('leaderDetail.pickupHint')}</Typography.Text>
          <PickupPointsPanel leaderId={leader.id} canWrite={can('leaders.write')} />
        </Space>
      ),
    },
    { key: 'network', label: t('leaderDetail.tab.network'), children: <NetworkPanel leader={leader} /> },
    {
      key: 'orders',
      label: t('leaderDetail.tab.orders'),
      children: <LeaderOrdersTab leaderId={leader.id} />,
    },
    ...LEADER_DETAIL_EXTRA_TABS.filter((x) => can(x.permission)).map((x) => ({
      key: x.key,
      label: t(x.label),
      children: x.render(leader),
    })),
  ].map((item) => ({ ...item, label: <span data-testid={`leader-tab-${item.key}`}>{item.label}</span> }));

  return (
    <Card
      data-testid="leader-detail"
      title={
        <Space>
          <Link to="/leaders" aria-label={t('leaderDetail.back')}>
            <ArrowLeftOutlined />
          </Link>
          <span data-testid="leader-detail-name">{leader.name}</span>
          <Tag>{leader.code}</Tag>
          <Tag color={leader.status === 'active' ? 'success' : 'warning'}>
            {t(`leaders.status.${leader.status}`)}
          </Tag>
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        destroyOnHidden
        items={items}
      />
    </Card>
  );
}
