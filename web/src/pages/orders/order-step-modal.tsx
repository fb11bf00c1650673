import { App as AntApp, Typography } from 'antd';
import { useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { useLocale } from '../../locale-context';
import type { OrderStatus } from '../../orders-api';
import {
  type OrderDetailWithRefunds,
  useCompleteOrder,
  useDeliver,
  useShipCampaign,
  useVerifyPickup,
} from './order-actions-api';

/** The fulfilment steps the console takes from an order's detail. */
export type OrderStep = 'ship' | 'deliver' | 'verifyPickup' | 'complete';

/**
 * Which step an order in `status` can take next, and the permission it needs; the API decides the
 * same, this only keeps the buttons honest.
 */
export const ORDER_STEPS: readonly {
  step: OrderStep;
  from: OrderStatus;
  permission: 'orders.write' | 'orders.pickup';
  testId: string;
}[] = [
  { step: 'ship', from: 'confirmed', permission: 'orders.write', testId: 'order-ship' },
  { step: 'deliver', from: 'shipped', permission: 'orders.write', testId: 'order-deliver' },
  { step: 'verifyPickup', from: 'delivered', permission: 'orders.pickup', testId: 'order-verify-pickup' },
  { step: 'complete', from: 'picked_up', permission: 'orders.write', testId: 'order-complete' },
];

/**
 * Confirms one fulfilment step. Shipping and delivery work on a whole campaign (one truck, one
 * pickup point's delivery), so the text says so before the operator confirms.
 */
export function OrderStepModal({
  order,
  step,
  onClose,
}: {
  order: OrderDetailWithRefunds;
  step: OrderStep;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const reportError = useReportError();
  const ship = useShipCampaign();
  const deliver = useDeliver();
  const verify = useVerifyPickup();
  const complete = useCompleteOrder();
  const pending = ship.isPending || deliver.isPending || verify.isPending || complete.isPending;
  const onError = (error: Error) => reportError(error);
  const done = (text: string) => {
    message.success(text);
    onClose();
  };

  const confirm = () => {
    switch (step) {
      case 'ship':
        ship.mutate(
          { campaignId: order.campaignId },
          { onSuccess: (r) => done(t('orders.ship.done', { count: r.shipped })), onError },
        );
        return;
      case 'deliver':
        deliver.mutate(
          { campaignId: order.campaignId, pickupPointId: order.pickupPointId },
          { onSuccess: (r) => done(t('orders.deliver.done', { count: r.delivered })), onError },
        );
        return;
      case 'verifyPickup':
        verify.mutate(
          { pickupPointId: order.pickupPointId, pickupCode: order.pickupCode },
          { onSuccess: () => done(t('orders.verifyPickup.done')), onError },
        );
        return;
      case 'complete':
        complete.mutate(order.id, { onSuccess: () => done(t('orders.complete.done')), onError });
        return;
    }
  };

  const text =
    step === 'ship'
      ? t('orders.ship.confirm', { campaign: order.campaignName })
      : step === 'deliver'
        ? t('orders.deliver.confirm', { campaign: order.campaignName, point: order.pickupPointName })
        : step === 'verifyPickup'
          ? t('orders.verifyPickup.confirm', { code: order.pickupCode, point: order.pickupPointName })
          : t('orders.complete.confirm');

  return (
    <FormModal
      title={t(`orders.${step}`)}
      submitting={pending}
      submitTestId="order-step-submit"
      onSubmit={confirm}
      onCancel={onClose}
    >
      <Typography.Paragraph data-testid="order-step-text">{text}</Typography.Paragraph>
    </FormModal>
  );
}
