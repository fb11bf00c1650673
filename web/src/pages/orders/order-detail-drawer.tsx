import { Button, Descriptions, Drawer, Empty, Space, Spin, Table, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { useCan } from '../../auth-context';
import { formatDateTime } from '../../format';
import { useLocale } from '../../locale-context';
import { ORDER_STATUSES, type OrderStatus } from '../../orders-api';
import { formatYuan } from '../../shared/money';
import { OrderActionModal } from './order-action-modal';
import { useOrderDetail } from './order-actions-api';
import { OrderRefunds } from './order-refunds';
import { OrderStatusTag } from './order-status-tag';
import { ORDER_STEPS, type OrderStep, OrderStepModal } from './order-step-modal';
import { RefundModal } from './refund-modal';

/** A paid order can be refunded in any status from paid to completed (the server decides the same). */
const REFUNDABLE: readonly OrderStatus[] = [
  'paid',
  'confirmed',
  'shipped',
  'delivered',
  'picked_up',
  'completed',
];

/** 订单详情: who, where, what, paid how, refunds, and every step the order took, with its next actions. */
export function OrderDetailDrawer({ orderId, onClose }: { orderId: string; onClose: () => void }) {
  const { t } = useLocale();
  const can = useCan();
  const { data: order, isLoading } = useOrderDetail(orderId);
  const [action, setAction] = useState<'pay' | 'cancel' | null>(null);
  // The timeline speaks the console's language (已付款 → 已确认), not the stored status codes.
  const label = (status: string) =>
    (ORDER_STATUSES as readonly string[]).includes(status)
      ? t(`orders.status.${status as OrderStatus}`)
      : status;
  const [step, setStep] = useState<OrderStep | null>(null);
  const [refunding, setRefunding] = useState(false);
  const writable = can('orders.write');
  const cancellable = order && ['pending_payment', 'paid', 'confirmed'].includes(order.status);
  const steps = order ? ORDER_STEPS.filter((s) => s.from === order.status && can(s.permission)) : [];
  const refundable = order && can('orders.refund') && REFUNDABLE.includes(order.status);

  return (
    <Drawer open width={720} title={t('orders.detail')} onClose={onClose} data-testid="order-detail">
      {isLoading || !order ? (
        <Spin />
      ) : (
        <Space direction="vertical" size="large" style={{ width: '100%' }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('orders.id')}>
              <Typography.Text copyable>{order.id}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.status')}>
              <OrderStatusTag status={order.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.campaign')}>{order.campaignName}</Descriptions.Item>
            <Descriptions.Item
              label={t('orders.leader')}
            >{`${order.leaderName} (${order.leaderCode})`}</Descriptions.Item>
            <Descriptions.Item label={t('orders.pickupPoint')}>{order.pickupPointName}</Descriptions.Item>
            <Descriptions.Item
              label={t('orders.customer')}
            >{`${order.customerName ?? ''} ${order.phoneMasked}`}</Descriptions.Item>
            <Descriptions.Item label={t('orders.total')}>{formatYuan(order.totalFen)}</Descriptions.Item>
            <Descriptions.Item label={t('orders.pickupCode')}>{order.pickupCode}</Descriptions.Item>
            <Descriptions.Item label={t('orders.placedAt')}>
              {formatDateTime(order.placedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('orders.paymentDue')}>
              {formatDateTime(order.paymentDueAt)}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap>
            {writable && order.status === 'pending_payment' && (
              <Button type="primary" onClick={() => setAction('pay')} data-testid="order-mark-paid">
                {t('orders.markPaid')}
              </Button>
            )}
            {steps.map((s) => (
              <Button key={s.step} type="primary" onClick={() => setStep(s.step)} data-testid={s.testId}>
                {t(`orders.${s.step}`)}
              </Button>
            ))}
            {refundable && (
              <Button onClick={() => setRefunding(true)} data-testid="order-refund">
                {t('orders.refund')}
              </Button>
            )}
            {writable && cancellable && (
              <Button danger onClick={() => setAction('cancel')} data-testid="order-cancel">
                {t('orders.cancel')}
              </Button>
            )}
          </Space>
          <Typography.Title level={5}>{t('orders.lines')}</Typography.Title>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={order.lines}
            columns={[
              { title: t('orders.sku'), render: (_, l) => `${l.productName} ${l.spec} (${l.skuCode})` },
              { title: t('orders.quantity'), dataIndex: 'quantity', align: 'right' },
              {
                title: t('orders.refundedQty'),
                dataIndex: 'refundedQuantity',
                align: 'right',
                render: (v: number, _, index) => (
                  <span data-testid={`order-line-refunded-${index}`}>{v}</span>
                ),
              },
              {
                title: t('orders.unitPrice'),
                dataIndex: 'unitPriceFen',
                align: 'right',
                render: (v: number) => formatYuan(v),
              },
              {
                title: t('orders.amount'),
                dataIndex: 'amountFen',
                align: 'right',
                render: (v: number) => formatYuan(v),
              },
            ]}
          />
          <Typography.Title level={5}>{t('orders.payments')}</Typography.Title>
          {order.payments.length === 0 ? (
            <Empty description={t('orders.noPayments')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          ) : (
            order.payments.map((p) => (
              <Typography.Paragraph
                key={p.id}
              >{`${formatDateTime(p.paidAt)} · ${p.provider} · ${formatYuan(p.amountFen)} · ${p.reference}`}</Typography.Paragraph>
            ))
          )}
          <Typography.Title level={5}>{t('orders.refunds')}</Typography.Title>
          <OrderRefunds order={order} />
          <Typography.Title level={5}>{t('orders.timeline')}</Typography.Title>
          <Timeline
            data-testid="order-timeline"
            items={order.timeline.map((e) => ({
              // A refund that leaves the status as it was is a line of its own, without an arrow.
              children: `${formatDateTime(e.at)} · ${e.actorName ?? ''} · ${e.fromStatus === e.toStatus ? label(e.toStatus) : `${e.fromStatus ? label(e.fromStatus) : '—'} → ${label(e.toStatus)}`}${e.note ? ` · ${e.note}` : ''}`,
            }))}
          />
        </Space>
      )}
      {action && order && (
        <OrderActionModal orderId={order.id} action={action} onClose={() => setAction(null)} />
      )}
      {step && order && <OrderStepModal order={order} step={step} onClose={() => setStep(null)} />}
      {refunding && order && <RefundModal order={order} onClose={() => setRefunding(false)} />}
    </Drawer>
  );
}
