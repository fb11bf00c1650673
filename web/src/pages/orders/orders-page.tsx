import { DownloadOutlined } from '@ant-design/icons';
import {
  Badge,
  Button,
  Card,
  Col,
  DatePicker,
  Input,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  type TableProps,
  Tag,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { useCampaignList } from '../../campaigns-api';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import {
  ORDER_STATUSES,
  type OrderListParams,
  type OrderStatus,
  type OrderSummary,
  useOrderList,
  useOrderStats,
} from '../../orders-api';
import { formatYuan } from '../../shared/money';
import { OrderDetailDrawer } from './order-detail-drawer';
import { OrderStatusTag } from './order-status-tag';

/** The export downloads what the list shows (same filters), as xlsx; the session cookie authorises it. */
function exportHref({ page: _p, pageSize: _s, ...filters }: OrderListParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) q.set(k, String(v));
  return `/api/orders/export?${q.toString()}`;
}

/**
 * Today's counters above the list, polled every 3 s, and a "新订单 +N" badge: the orders placed since
 * the page opened (or since the campaign filter last changed).
 */
function OrderCounters({ campaignId }: { campaignId: string | undefined }) {
  const { t } = useLocale();
  const { data } = useOrderStats(campaignId);
  const baseline = useRef<{ campaignId: string | undefined; day: string; orders: number } | null>(null);
  const base = baseline.current;
  if (data && (!base || base.campaignId !== campaignId || base.day !== data.day)) {
    baseline.current = { campaignId, day: data.day, orders: data.orders };
  }
  const arrived = data && baseline.current ? Math.max(0, data.orders - baseline.current.orders) : 0;
  return (
    <Row gutter={16} style={{ marginBottom: 16 }} data-testid="orders-counters">
      <Col>
        <Badge count={arrived > 0 ? `${t('orders.stats.newOrders')} +${arrived}` : 0} offset={[24, 0]}>
          <Statistic
            title={t('orders.stats.orders')}
            value={data?.orders ?? '—'}
            valueRender={(v) => <span data-testid="orders-stat-orders">{v}</span>}
          />
        </Badge>
      </Col>
      <Col offset={2}>
        <Statistic title={t('orders.stats.gmv')} value={data ? formatYuan(data.gmvFen) : '—'} />
      </Col>
      <Col offset={1}>
        <Statistic title={t('orders.stats.pendingPayment')} value={data?.pendingPayment ?? '—'} />
      </Col>
      <Col offset={1}>
        <Statistic title={t('orders.stats.paid')} value={data?.paid ?? '—'} />
      </Col>
    </Row>
  );
}

/** 订单中心: every order, newest first, filtered by campaign, status, date or a customer's phone. */
export function OrdersPage() {
  const { t } = useLocale();
  // /orders?leaderId= (from a leader's detail page) opens the list filtered by that leader.
  const [params, setParams] = useState<OrderListParams>(() => ({
    page: 1,
    pageSize: 20,
    leaderId: new URLSearchParams(window.location.search).get('leaderId') ?? undefined,
  }));
  const [phone, setPhone] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, isFetching } = useOrderList(params);
  const campaigns = useCampaignList({ q: '', page: 1, pageSize: 100 });
  const set = (patch: Partial<OrderListParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

  const columns: TableProps<OrderSummary>['columns'] = [
    {
      title: t('orders.placedAt'),
      dataIndex: 'placedAt',
      render: (v: string) => formatDateTime(v),
      width: 170,
    },
    { title: t('orders.campaign'), dataIndex: 'campaignName' },
    { title: t('orders.leader'), render: (_, o) => `${o.leaderName} (${o.leaderCode})` },
    { title: t('orders.pickupPoint'), dataIndex: 'pickupPointName' },
    { title: t('orders.phone'), dataIndex: 'phoneMasked' },
    { title: t('orders.items'), dataIndex: 'itemCount', align: 'right' },
    { title: t('orders.total'), dataIndex: 'totalFen', align: 'right', render: (v: number) => formatYuan(v) },
    {
      title: t('orders.status'),
      dataIndex: 'status',
      render: (s: OrderStatus) => <OrderStatusTag status={s} />,
    },
  ];

  return (
    <Card
      title={t('orders.title')}
      extra={
        <Button icon={<DownloadOutlined />} href={exportHref(params)} data-testid="orders-export">
          {t('orders.export')}
        </Button>
      }
    >
      <OrderCounters campaignId={params.campaignId} />
      <Space wrap style={{ marginBottom: 16 }}>
        {params.leaderId && (
          <Tag closable onClose={() => set({ leaderId: undefined })} data-testid="orders-filter-leader">
            {t('orders.leader')}: {data?.items[0]?.leaderName ?? params.leaderId}
          </Tag>
        )}
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('orders.allCampaigns')}
          data-testid="orders-filter-campaign"
          options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v?: string) => set({ campaignId: v })}
        />
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('orders.allStatuses')}
          data-testid="orders-filter-status"
          options={ORDER_STATUSES.map((s) => ({ value: s, label: t(`orders.status.${s}`) }))}
          onChange={(v?: OrderStatus) => set({ status: v })}
        />
        <DatePicker.RangePicker
          showTime
          onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
            set({ from: range?.[0]?.toISOString() ?? undefined, to: range?.[1]?.toISOString() ?? undefined })
          }
        />
        <Input.Search
          allowClear
          style={{ width: 240 }}
          placeholder={t('orders.phoneFilter')}
          enterButton={t('orders.search')}
          value={phone}
          data-testid="orders-filter-phone"
          onChange={(e) => setPhone(e.target.value)}
          onSearch={(v) => set({ phone: v.trim() || undefined })}
        />
      </Space>
      <Table
        rowKey="id"
        data-testid="orders-table"
        loading={isFetching && !data}
        columns={columns}
        dataSource={data?.items ?? []}
        onRow={(o) => ({ onClick: () => setOpenId(o.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
        }}
      />
      {openId && <OrderDetailDrawer orderId={openId} onClose={() => setOpenId(null)} />}
    </Card>
  );
}
