import { Empty, Table, Tag } from 'antd';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import type { OrderDetailWithRefunds, OrderRefund } from './order-actions-api';

/** 退款记录: every refund of the order, with its lines, money, provider reference and reason. */
export function OrderRefunds({ order }: { order: OrderDetailWithRefunds }) {
  const { t } = useLocale();
  if (order.refunds.length === 0)
    return <Empty description={t('orders.noRefunds')} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  const lineLabel = new Map(order.lines.map((l) => [l.id, `${l.productName} ${l.spec}`.trim()]));
  const provider = (p: string) =>
    p === 'offline' ? t('orders.provider.offline') : p === 'sandbox' ? t('orders.provider.sandbox') : p;
  return (
    <Table<OrderRefund>
      size="small"
      rowKey="id"
      pagination={false}
      data-testid="order-refunds"
      dataSource={order.refunds}
      columns={[
        { title: t('orders.refunds.at'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
        {
          title: t('orders.refunds.kind'),
          render: (_, r) => (
            <>
              <Tag color={r.kind === 'cancel' ? 'default' : 'magenta'}>
                {t(`orders.refunds.kind.${r.kind}`)}
              </Tag>
              {r.fullyRefunded && <Tag>{t('orders.refunds.fully')}</Tag>}
            </>
          ),
        },
        {
          title: t('orders.refunds.lines'),
          render: (_, r) =>
            r.lines.map((l) => `${lineLabel.get(l.orderLineId) ?? l.skuId} ×${l.quantity}`).join('，'),
        },
        {
          title: t('orders.refund.amount'),
          dataIndex: 'amountFen',
          align: 'right',
          render: (v: number) => <span data-testid="order-refund-amount">{formatYuan(v)}</span>,
        },
        { title: t('orders.refunds.provider'), render: (_, r) => `${provider(r.provider)} · ${r.reference}` },
        { title: t('orders.refunds.reason'), dataIndex: 'reason' },
        { title: t('orders.refunds.actor'), dataIndex: 'actorName' },
      ]}
    />
  );
}
