import { App as AntApp, Form, Input, InputNumber } from 'antd';
import { formTarget, useReportError } from '../../api-errors';
import { FormModal } from '../../components/form-modal';
import { useAdjustStock, useReceiveStock } from '../../inventory-api';
import { useLocale } from '../../locale-context';
import { SkuSelect, WarehouseSelect } from './pickers';

const FIELDS = ['skuId', 'warehouseId', 'quantity', 'reason'] as const;

interface Values {
  skuId: string;
  warehouseId: string;
  quantity: number;
  reason?: string;
}

export interface StockChangePreset {
  skuId?: string;
  skuLabel?: string;
  warehouseId?: string;
}

/**
 * 到货入库 (receive: a positive quantity, an optional note) and 盘点调整 (adjust: a signed change and a
 * mandatory reason) share one form; the server checks everything again and its field errors land
 * under the field they name.
 */
export function StockChangeModal({
  mode,
  preset,
  onClose,
}: {
  mode: 'receive' | 'adjust';
  preset: StockChangePreset;
  onClose: () => void;
}) {
  const { t } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const receive = useReceiveStock();
  const adjust = useAdjustStock();
  const reportError = useReportError();
  const pending = receive.isPending || adjust.isPending;

  const onFinish = (values: Values) => {
    const handlers = {
      onSuccess: () => {
        message.success(t(mode === 'receive' ? 'inventory.received' : 'inventory.adjusted'));
        onClose();
      },
      onError: (error: unknown) => reportError(error, formTarget(form, FIELDS)),
    };
    const reason = values.reason?.trim();
    if (mode === 'receive') {
      receive.mutate({ ...values, ...(reason ? { reason } : { reason: undefined }) }, handlers);
    } else {
      adjust.mutate({ ...values, reason: reason ?? '' }, handlers);
    }
  };

  return (
    <FormModal
      title={t(mode === 'receive' ? 'inventory.receive' : 'inventory.adjust')}
      submitting={pending}
      submitTestId="stock-form-submit"
      onSubmit={() => form.submit()}
      onCancel={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ skuId: preset.skuId, warehouseId: preset.warehouseId }}
        autoComplete="off"
      >
        <Form.Item
          name="skuId"
          label={t('inventory.sku')}
          rules={[{ required: true, message: t('inventory.skuRequired') }]}
        >
          <SkuSelect initialLabel={preset.skuLabel} data-testid="stock-form-skuId" />
        </Form.Item>
        <Form.Item
          name="warehouseId"
          label={t('inventory.warehouse')}
          rules={[{ required: true, message: t('inventory.warehouseRequired') }]}
        >
          <WarehouseSelect activeOnly={mode === 'receive'} data-testid="stock-form-warehouseId" />
        </Form.Item>
        <Form.Item
          name="quantity"
          label={t(mode === 'receive' ? 'inventory.quantity' : 'inventory.adjustQuantity')}
          rules={[
            {
              required: true,
              type: 'integer',
              ...(mode === 'receive' ? { min: 1 } : {}),
              message: t(mode === 'receive' ? 'inventory.quantityPositive' : 'inventory.quantityNonZero'),
            },
            ...(mode === 'adjust'
              ? [
                  {
                    validator: (_: unknown, v: number | null) =>
                      v === 0 ? Promise.reject(new Error(t('inventory.quantityNonZero'))) : Promise.resolve(),
                  },
                ]
              : []),
          ]}
        >
          <InputNumber precision={0} style={{ width: '100%' }} data-testid="stock-form-quantity" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t(mode === 'receive' ? 'inventory.reasonOptional' : 'inventory.reason')}
          rules={
            mode === 'adjust'
              ? [{ required: true, whitespace: true, message: t('inventory.reasonRequired') }]
              : []
          }
        >
          <Input.TextArea rows={2} maxLength={200} data-testid="stock-form-reason" />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
