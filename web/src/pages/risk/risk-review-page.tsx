import { Alert, Button, Card, Select, Space, Table, type TableProps, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth-context';
import { useCampaignList } from '../../campaigns-api';
import { QueryError } from '../../components/query-error';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import { OrderDetailDrawer } from '../orders/order-detail-drawer';
import { OrderStatusTag } from '../orders/order-status-tag';
import { DecisionModal } from './decision-modal';
import {
  HOLD_STATUSES,
  type Hold,
  type HoldListParams,
  type HoldStatus,
  useHolds,
  type Verdict,
} from './risk-api';
import { RiskReasons } from './risk-reasons';

const STATUS_COLORS: Record<HoldStatus, string> = { open: 'orange', approved: 'green', rejected: 'default' };

/**
 * 风控审核: the orders a risk rule put on hold, newest first, with why; a reviewer approves (the
 * order goes on to payment) or rejects with a reason (the order is cancelled, its stock returns).
 */
export function RiskReviewPage() {
  const { t } = useLocale();
  const can = useCan();
  const [params, setParams] = useState<HoldListParams>({ status: 'open', page: 1, pageSize: 20 });
  const [deciding, setDeciding] = useState<{ orderId: string; verdict: Verdict } | null>(null);
  const [openOrder, setOpenOrder] = useState<string | null>(null);
  const { data, isFetching, error } = useHolds(params);
  const campaigns = useCampaignList({ q: '', page: 1, pageSize: 100 });
  const set = (patch: Partial<HoldListParams>) => setParams((p) => ({ ...p, ...patch, page: 1 }));

  const columns: TableProps<Hold>['columns'] = [
    {
      title: t('orders.placedAt'),
      render: (_, h) => formatDateTime(h.order.placedAt),
      width: 170,
    },
    { title: t('orders.campaign'), dataIndex: 'campaignName' },
    {
      title: t('orders.pickupPoint'),
      render: (_, h) => (
        <Space orientation="vertical" size={0}>
          <span>{`${h.order.leaderName} (${h.order.leaderCode})`}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {h.order.pickupPointName}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('orders.customer'),
      render: (_, h) => `${h.order.customerName ?? ''} ${h.order.phoneMasked}`.trim(),
    },
    { title: t('orders.items'), align: 'right', render: (_, h) => h.order.itemCount },
    { title: t('orders.total'), align: 'right', render: (_, h) => formatYuan(h.order.totalFen) },
    { title: t('risk.hold.reasons'), render: (_, h) => <RiskReasons reasons={h.reasons} /> },
    {
      title: t('risk.hold.status'),
      render: (_, h) => (
        <Space orientation="vertical" size={2}>
          <Tag color={STATUS_COLORS[h.status]} data-testid={`risk-hold-status-${h.status}`}>
            {t(`risk.hold.status.${h.status}`)}
          </Tag>
          {h.status !== 'open' && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {`${h.decidedBy ?? ''} ${formatDateTime(h.decidedAt)}`}
              {h.decisionReason ? ` · ${h.decisionReason}` : ''}
            </Typography.Text>
          )}
          {h.order.status !== 'on_hold' && <OrderStatusTag status={h.order.status} />}
        </Space>
      ),
    },
    {
      title: t('common.actions'),
      width: 190,
      render: (_, h) => (
        <Space>
          {h.status === 'open' && h.order.status === 'on_hold' && (
            <>
              <Button
                type="primary"
                size="small"
                data-testid={`risk-approve-${h.orderId}`}
                onClick={() => setDeciding({ orderId: h.orderId, verdict: 'approve' })}
              >
                {t('risk.hold.approve')}
              </Button>
              <Button
                danger
                size="small"
                data-testid={`risk-reject-${h.orderId}`}
                onClick={() => setDeciding({ orderId: h.orderId, verdict: 'reject' })}
              >
                {t('risk.hold.reject')}
              </Button>
            </>
          )}
          {can('orders.read') && (
            <Button type="link" size="small" onClick={() => setOpenOrder(h.orderId)}>
              {t('risk.hold.viewOrder')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card title={t('risk.review.title')}>
      <Alert type="info" showIcon title={t('risk.review.hint')} style={{ marginBottom: 16 }} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Select<HoldStatus | 'all'>
          style={{ width: 140 }}
          value={params.status ?? 'all'}
          data-testid="risk-filter-status"
          options={[
            ...HOLD_STATUSES.map((s) => ({ value: s, label: t(`risk.hold.status.${s}`) })),
            { value: 'all' as const, label: t('risk.hold.allStatuses') },
          ]}
          onChange={(v) => set({ status: v === 'all' ? undefined : v })}
        />
        <Select
          allowClear
          style={{ width: 220 }}
          placeholder={t('orders.allCampaigns')}
          data-testid="risk-filter-campaign"
          options={(campaigns.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
          onChange={(v?: string) => set({ campaignId: v })}
        />
      </Space>
      {error && <QueryError error={error} />}
      <Table
        rowKey="orderId"
        data-testid="risk-holds-table"
        loading={isFetching && !data}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('risk.hold.empty') }}
        pagination={{
          current: params.page,
          pageSize: params.pageSize,
          total: data?.total ?? 0,
          showSizeChanger: true,
          onChange: (page, pageSize) => setParams((p) => ({ ...p, page, pageSize })),
        }}
      />
      {deciding && (
        <DecisionModal
          orderId={deciding.orderId}
          verdict={deciding.verdict}
          onClose={() => setDeciding(null)}
        />
      )}
      {openOrder && <OrderDetailDrawer orderId={openOrder} onClose={() => setOpenOrder(null)} />}
    </Card>
  );
}
