import {
  Alert,
  App as AntApp,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { formTarget, useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { useLocale } from '../../locale-context';
import { formatYuan } from '../../shared/money';
import {
  newIdempotencyKey,
  type OrderDetailWithRefunds,
  type RefundBody,
  useRefundOrder,
} from './order-actions-api';

type Line = OrderDetailWithRefunds['lines'][number];

const leftOf = (l: Line) => Math.max(0, l.quantity - l.refundedQuantity);

/**
 * 退款: the lines with what is left to refund on each, a quantity per line (or the whole order), the
 * amount as the server will compute it (quantity × the line's unit price), a required reason and, for
 * offline payments, the refund's reference. The server checks and prices everything again.
 */
export function RefundModal({ order, onClose }: { order: OrderDetailWithRefunds; onClose: () => void }) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const reportError = useReportError();
  const refund = useRefundOrder();
  const [form] = Form.useForm<{ reason: string; reference?: string }>();
  const [whole, setWhole] = useState(false);
  const [quantities, setQuantities] = useState<Record<string, number>>({});
  // One key per opening: a double click or a retry after a lost answer cannot refund twice.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const provider = order.payments.at(-1)?.provider ?? 'offline';
  const unshipped = order.status === 'paid' || order.status === 'confirmed';

  const chosen = order.lines
    .map((line) => ({
      line,
      quantity: whole ? leftOf(line) : Math.min(quantities[line.id] ?? 0, leftOf(line)),
    }))
    .filter((c) => c.quantity > 0);
  const amountFen = chosen.reduce((sum, c) => sum + c.quantity * c.line.unitPriceFen, 0);

  const onFinish = ({ reason, reference }: { reason: string; reference?: string }) => {
    if (chosen.length === 0) {
      message.warning(t('orders.refund.nothingSelected'));
      return;
    }
    const body: RefundBody = whole
      ? { reason, whole: true }
      : { reason, lines: chosen.map((c) => ({ orderLineId: c.line.id, quantity: c.quantity })) };
    if (provider === 'offline' && reference?.trim()) body.reference = reference.trim();
    refund.mutate(
      { id: order.id, body, idempotencyKey },
      {
        onSuccess: ({ refund: r }) => {
          message.success(t('orders.refund.done', { amount: formatYuan(r.amountFen) }));
          onClose();
        },
        onError: (error) => reportError(error, formTarget(form, ['reason', 'reference'] as const)),
      },
    );
  };

  return (
    <FormModal
      title={t('orders.refund.title')}
      submitting={refund.isPending}
      submitTestId="refund-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="refund-modal">
        <Alert
          type={unshipped ? 'info' : 'warning'}
          showIcon
          title={t(unshipped ? 'orders.refund.stockBack' : 'orders.refund.moneyOnly')}
        />
        {provider === 'sandbox' && <Alert type="warning" showIcon title={t('orders.refund.sandboxNote')} />}
        <Radio.Group
          value={whole ? 'whole' : 'lines'}
          onChange={(e) => setWhole(e.target.value === 'whole')}
          data-testid="refund-mode"
        >
          <Radio value="lines" data-testid="refund-mode-lines">
            {t('orders.refund.byLine')}
          </Radio>
          <Radio value="whole" data-testid="refund-mode-whole">
            {t('orders.refund.whole')}
          </Radio>
        </Radio.Group>
        <Table<Line>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={order.lines}
          columns={[
            { title: t('orders.sku'), render: (_, l) => `${l.productName} ${l.spec}` },
            {
              title: t('orders.unitPrice'),
              dataIndex: 'unitPriceFen',
              align: 'right',
              render: (v: number) => formatYuan(v),
            },
            { title: t('orders.quantity'), dataIndex: 'quantity', align: 'right' },
            { title: t('orders.refund.remaining'), align: 'right', render: (_, l) => leftOf(l) },
            {
              title: t('orders.refund.qty'),
              align: 'right',
              render: (_, l, index) => (
                <InputNumber
                  min={0}
                  max={leftOf(l)}
                  precision={0}
                  size="small"
                  disabled={whole || leftOf(l) === 0}
                  value={whole ? leftOf(l) : (quantities[l.id] ?? 0)}
                  onChange={(v) => setQuantities((q) => ({ ...q, [l.id]: typeof v === 'number' ? v : 0 }))}
                  data-testid={`refund-qty-${index}`}
                />
              ),
            },
          ]}
        />
        <Statistic
          title={
            <>
              {t('orders.refund.amount')}{' '}
              <Typography.Text type="secondary">({t('orders.refund.amountNote')})</Typography.Text>
            </>
          }
          value={formatYuan(amountFen)}
          valueRender={(v) => <span data-testid="refund-amount">{v}</span>}
        />
        <Form form={form} layout="vertical" onFinish={onFinish}>
          <Form.Item
            name="reason"
            label={t('orders.refund.reason')}
            rules={[{ required: true, whitespace: true, message: t('orders.required') }]}
          >
            <Input.TextArea
              rows={2}
              maxLength={200}
              placeholder={t('orders.refund.reasonPlaceholder')}
              data-testid="refund-reason"
            />
          </Form.Item>
          {provider === 'offline' && (
            <Form.Item
              name="reference"
              label={t('orders.refund.reference')}
              extra={t('orders.refund.referenceHelp')}
            >
              <Input maxLength={64} data-testid="refund-reference" />
            </Form.Item>
          )}
        </Form>
      </Space>
    </FormModal>
  );
}
