import { useQuery } from '@tanstack/react-query';
import { Button, Space, Table } from 'antd';
import { Link } from 'react-router-dom';
import { api } from '../../api';
import type { Page } from '../../api-types';
import { useCan } from '../../auth-context';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import type { OrderSummary } from '../../orders-api';
import { formatYuan } from '../../shared/money';
import { OrderStatusTag } from '../orders/order-status-tag';

/** The leader's latest orders, and a link to the order center filtered by this leader. */
export function LeaderOrdersTab({ leaderId }: { leaderId: string }) {
  const { t } = useLocale();
  const can = useCan();
  const enabled = can('orders.read');
  const orders = useQuery({
    queryKey: ['orders', 'list', { leaderId, page: 1, pageSize: 10 }],
    queryFn: () => api.get<Page<OrderSummary>>('/api/orders', { leaderId, page: 1, pageSize: 10 }),
    enabled,
  });
  if (!enabled) return null;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Link to={`/orders?leaderId=${encodeURIComponent(leaderId)}`} data-testid="leader-orders-link">
        <Button>{t('leaderDetail.orders.all')}</Button>
      </Link>
      <QueryError error={orders.error} />
      <Table<OrderSummary>
        size="small"
        rowKey="id"
        data-testid="leader-orders"
        title={() => t('leaderDetail.orders.recent')}
        loading={orders.isFetching}
        dataSource={orders.data?.items}
        pagination={false}
        columns={[
          { title: t('orders.placedAt'), key: 'placedAt', render: (_, o) => formatDateTime(o.placedAt) },
          { title: t('orders.campaign'), dataIndex: 'campaignName', key: 'campaign' },
          {
            title: t('orders.customer'),
            key: 'customer',
            render: (_, o) => `${o.customerName ?? ''} ${o.phoneMasked}`,
          },
          { title: t('orders.total'), key: 'total', render: (_, o) => formatYuan(o.totalFen) },
          {
            title: t('orders.status'),
            key: 'status',
            render: (_, o) => <OrderStatusTag status={o.status} />,
          },
        ]}
      />
    </Space>
  );
}
