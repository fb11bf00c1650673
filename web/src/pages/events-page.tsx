import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Input, Select, Space, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import type { DeliveryStatus, EventDelivery, OutboxEvent } from '../api-types';
import { JsonBlock } from '../components/json-view';
import { QueryError } from '../components/query-error';
import { useEventList } from '../events-api';
import { formatDateTime } from '../format';
import type { MessageKey } from '../i18n';
import { useLocale } from '../locale-context';
import { oneOf, useListParams } from '../shared/list-params';

const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'delivered', 'dead'];

const STATUS_VIEW: Record<DeliveryStatus, { color: string; label: MessageKey }> = {
  pending: { color: 'processing', label: 'events.status.pending' },
  delivered: { color: 'success', label: 'events.status.delivered' },
  dead: { color: 'error', label: 'events.status.dead' },
};

function DeliveryTag({ delivery }: { delivery: EventDelivery }) {
  const { t } = useLocale();
  // A status this console does not know yet is still shown, by its code.
  const view = STATUS_VIEW[delivery.status] ?? { color: 'default', label: null };
  const tag = (
    <Tag color={view.color}>
      {delivery.subscriber} · {view.label ? t(view.label) : delivery.status} ·{' '}
      {t('events.attempts', { count: delivery.attempts })}
    </Tag>
  );
  return delivery.lastError ? (
    <Tooltip title={`${t('events.lastError')}: ${delivery.lastError}`}>{tag}</Tooltip>
  ) : (
    tag
  );
}

export function EventsPage() {
  const { t } = useLocale();
  const { params, setFilters, table } = useListParams({ type: '', status: '' });
  const status = oneOf(DELIVERY_STATUSES, params.status);
  const list = useEventList({ ...params, status });

  const columns: TableProps<OutboxEvent>['columns'] = [
    { title: t('events.type'), dataIndex: 'type', key: 'type' },
    {
      title: t('events.aggregate'),
      key: 'aggregate',
      render: (_, event) => (
        <Typography.Text>
          {event.aggregateType} <Typography.Text type="secondary">{event.aggregateId}</Typography.Text>
        </Typography.Text>
      ),
    },
    {
      title: t('events.createdAt'),
      key: 'createdAt',
      width: 180,
      render: (_, event) => formatDateTime(event.createdAt),
    },
    {
      title: t('events.deliveries'),
      key: 'deliveries',
      render: (_, event) =>
        event.deliveries.length === 0 ? (
          <Typography.Text type="secondary">{t('events.noDeliveries')}</Typography.Text>
        ) : (
          <Space size={[0, 4]} wrap>
            {event.deliveries.map((delivery) => (
              <DeliveryTag key={delivery.subscriber} delivery={delivery} />
            ))}
          </Space>
        ),
    },
  ];

  const deliveryColumns: TableProps<EventDelivery>['columns'] = [
    { title: t('events.subscriber'), dataIndex: 'subscriber', key: 'subscriber' },
    {
      title: t('events.status'),
      key: 'status',
      render: (_, delivery) => {
        const view = STATUS_VIEW[delivery.status];
        return <Tag color={view?.color}>{view ? t(view.label) : delivery.status}</Tag>;
      },
    },
    { title: t('events.attemptsTitle'), dataIndex: 'attempts', key: 'attempts' },
    {
      title: t('events.nextAttempt'),
      key: 'nextAttemptAt',
      render: (_, d) => formatDateTime(d.nextAttemptAt),
    },
    { title: t('events.deliveredAt'), key: 'deliveredAt', render: (_, d) => formatDateTime(d.deliveredAt) },
    {
      title: t('events.lastError'),
      key: 'lastError',
      render: (_, d) => (d.lastError ? <Typography.Text type="danger">{d.lastError}</Typography.Text> : '—'),
    },
  ];

  return (
    <Card
      title={t('nav.events')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void list.refetch()} loading={list.isFetching}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search
          allowClear
          placeholder={t('events.type')}
          enterButton={t('common.search')}
          style={{ width: 280 }}
          defaultValue={params.type}
          onSearch={(type) => setFilters({ type: type.trim() })}
          data-testid="events-filter-type"
        />
        <Select<DeliveryStatus | ''>
          style={{ width: 180 }}
          value={status}
          onChange={(next) => setFilters({ status: next })}
          data-testid="events-filter-status"
          options={[
            { value: '', label: t('events.status.all') },
            ...DELIVERY_STATUSES.map((status) => ({
              value: status,
              label: t(STATUS_VIEW[status].label),
            })),
          ]}
        />
      </Space>
      <QueryError error={list.error} />
      <Table<OutboxEvent>
        rowKey="id"
        data-testid="events-table"
        columns={columns}
        dataSource={list.data?.items}
        loading={list.isFetching}
        expandable={{
          expandedRowRender: (event) => (
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Typography.Text strong>{t('events.payload')}</Typography.Text>
              <JsonBlock value={event.payload} />
              <Table<EventDelivery>
                rowKey="subscriber"
                size="small"
                pagination={false}
                columns={deliveryColumns}
                dataSource={event.deliveries}
              />
            </Space>
          ),
        }}
        {...table(list.data?.total)}
      />
    </Card>
  );
}
