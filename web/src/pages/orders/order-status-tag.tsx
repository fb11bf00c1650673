import { Tag } from 'antd';
import { useLocale } from '../../locale-context';
import type { OrderStatus } from '../../orders-api';

const COLORS: Record<OrderStatus, string> = {
  on_hold: 'orange',
  pending_payment: 'gold',
  paid: 'blue',
  confirmed: 'geekblue',
  shipped: 'cyan',
  delivered: 'purple',
  picked_up: 'green',
  completed: 'success',
  cancelled: 'default',
  refunded: 'magenta',
};

export function OrderStatusTag({ status }: { status: OrderStatus }) {
  const { t } = useLocale();
  return (
    <Tag color={COLORS[status]} data-testid={`order-status-${status}`}>
      {t(`orders.status.${status}`)}
    </Tag>
  );
}
