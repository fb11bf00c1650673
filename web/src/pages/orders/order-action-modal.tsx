import { App as AntApp, Form, Input } from 'antd';
import { useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import type { MessageKey } from '../../i18n';
import { useLocale } from '../../locale-context';
import { useCancelOrder, useMarkPaid } from '../../orders-api';

/** One text field and a confirm button: recording an offline payment, or cancelling with a reason. */
export function OrderActionModal({
  orderId,
  action,
  onClose,
}: {
  orderId: string;
  action: 'pay' | 'cancel';
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ text: string }>();
  const reportError = useReportError();
  const markPaid = useMarkPaid();
  const cancel = useCancelOrder();
  const pending = markPaid.isPending || cancel.isPending;
  const label: MessageKey = action === 'pay' ? 'orders.reference' : 'orders.reason';

  const onFinish = ({ text }: { text: string }) => {
    const done = {
      onSuccess: () => {
        message.success(t(action === 'pay' ? 'orders.markedPaid' : 'orders.cancelled'));
        onClose();
      },
      onError: (error: Error) => reportError(error),
    };
    if (action === 'pay') markPaid.mutate({ id: orderId, body: { reference: text } }, done);
    else cancel.mutate({ id: orderId, body: { reason: text } }, done);
  };

  return (
    <FormModal
      title={t(action === 'pay' ? 'orders.markPaid' : 'orders.cancel')}
      submitting={pending}
      submitTestId="order-action-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item
          name="text"
          label={t(label)}
          rules={[{ required: true, whitespace: true, message: t('orders.required') }]}
        >
          <Input data-testid="order-action-text" maxLength={action === 'pay' ? 64 : 200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
